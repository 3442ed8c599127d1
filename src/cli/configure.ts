/// <reference types="node" />
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startConfigureServer } from '../configure/server';
import { distDir } from './dist';
import { EXIT, type Io } from './io';
import { check } from './check';

export interface ConfigureOptions {
  /** The config file that Save replaces (created by the first Save when it does not exist yet). */
  file?: string;
  port?: number;
  /** Resolves when the server should stop; by default on Ctrl-C or SIGTERM. */
  until?: Promise<unknown>;
}

const interrupted = () =>
  new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });

/**
 * `temoin configure [config.json] [--port N]`: serves the configurator on 127.0.0.1 until it is
 * stopped. Exit 0 once stopped; 1 when the page is not built or the port is taken.
 */
export async function configureCommand({ file, port, until = interrupted() }: ConfigureOptions, io: Io): Promise<number> {
  const dist = distDir();
  if (!existsSync(join(dist, 'configure', 'index.html')) || !existsSync(join(dist, 'temoin.js'))) {
    io.err(`temoin: the configurator is not built in ${dist}: build temoin first (npm run build).`);
    return EXIT.failed;
  }
  let server;
  try {
    server = await startConfigureServer({
      file,
      port,
      distDir: dist,
      check: (input) => {
        const checked = check(input);
        return checked.ok ? [] : checked.issues;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(`temoin: cannot listen on 127.0.0.1:${port ?? 0} (${code === 'EADDRINUSE' ? 'the port is taken' : (code ?? String(error))}).`);
    return EXIT.failed;
  }
  io.out(`temoin configure: ${server.url}`);
  io.out(file ? `Save writes ${file}${existsSync(file) ? '' : ' (it does not exist yet)'}. Ctrl-C stops.` : 'Started without a file: the page downloads the config. Ctrl-C stops.');
  await until;
  await server.close();
  return EXIT.ok;
}
