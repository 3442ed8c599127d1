// @vitest-environment node
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureCommand } from '../../src/cli/configure';
import { run } from '../../src/cli/run';

const ROOT = resolve(import.meta.dirname, '../..');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) } };
}

describe('temoin configure, the command', () => {
  it('refuses a port that is no port, or two files, as wrong usage (64)', async () => {
    for (const args of [['configure', '--port', 'eighty'], ['configure', '--port', '70000'], ['configure', 'a.json', 'b.json']]) {
      const { err, io: streams } = io();
      expect(await run(args, streams), args.join(' ')).toBe(64);
      expect(err[0]).toMatch(/^temoin configure: /);
    }
  });

  it('says the port is taken and exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address() as AddressInfo;
    const { err, io: streams } = io();
    expect(await configureCommand({ port }, streams)).toBe(1);
    expect(err).toEqual([`temoin: cannot listen on 127.0.0.1:${port} (the port is taken).`]);
    taken.close();
  });

  it('prints the page’s URL on 127.0.0.1, serves it until stopped, then exits 0', async () => {
    let stop!: () => void;
    const { out, io: streams } = io();
    const exited = configureCommand({ file: join(ROOT, 'no-such-dir-temoin', 'site.json'), until: new Promise<void>((done) => (stop = done)) }, streams);
    await expect.poll(() => out.length).toBeGreaterThan(0);
    const url = /^temoin configure: (http:\/\/127\.0\.0\.1:\d+\/configure\/)$/.exec(out[0])![1];
    expect(out[1]).toMatch(/does not exist yet/);
    expect((await fetch(url)).status).toBe(200);
    stop();
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });

  it('stops on Ctrl-C when run as `temoin configure`', async () => {
    const child = spawn('node', ['dist/cli.mjs', 'configure'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk));
    await expect.poll(() => printed, { timeout: 10_000 }).toMatch(/Started without a file/);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(0);
  });
});
