// @vitest-environment node
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The Node lines package.json's `engines` names, each running tests/support/node-smoke.mjs (the
 * entry points, the `temoin` command, `temoin/server`) on the built dist/. This machine's Node runs
 * the whole suite; the other lines come from npm (`node@22`, `node@24`), through npx's cache.
 */
const engines = (JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }).engines.node;
const lines = [...engines.matchAll(/(?:^|\|\|)\s*(?:\^|>=)(\d+)\./g)].map((match) => match[1]!);
const current = process.versions.node.split('.')[0]!;

/** The smoke script on the latest Node of `line`, as npx installs it. */
function smoke(line: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['--yes', '--package', `node@${line}`, 'node', 'tests/support/node-smoke.mjs'],
      { timeout: 240_000, encoding: 'utf8' },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, output: stdout + stderr }),
    );
  });
}

describe('the Node lines package.json supports', () => {
  it('include this machine’s line and at least one other', () => {
    expect(lines).toContain(current);
    expect(lines.length).toBeGreaterThan(1);
  });

  // Side by side: each line's run mostly waits on Chromium for the proof's screenshots.
  const runs = new Map(lines.filter((line) => line !== current).map((line) => [line, smoke(line)]));

  it.each([...runs.keys()])('Node %s runs the entry points, the temoin command and temoin/server', async (line) => {
    const { code, output } = await runs.get(line)!;
    expect(output).toMatch(new RegExp(`all passed on Node ${line}\\.\\d+\\.\\d+`));
    expect(code, output).toBe(0);
  }, 300_000);
});
