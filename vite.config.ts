import { defineConfig, type UserConfig } from 'vite';
import { chunks } from './scripts/build/chunks.ts';
import { cli } from './scripts/build/cli.ts';
import { configErrors } from './scripts/build/config-errors.ts';
import { configure } from './scripts/build/configure.ts';
import { embed } from './scripts/build/embed.ts';
import { npm } from './scripts/build/npm.ts';
import { server } from './scripts/build/server.ts';
import { withdrawal } from './scripts/build/withdrawal.ts';
import { vitest } from './tests/vitest.config.ts';

/**
 * One build target per mode, each in `scripts/build/`, each writing its own files into `dist/` and
 * emptying nothing (`npm run build` empties `dist/` first, so the targets may run in any order):
 * - `vite build`: the npm entry points (`scripts/build/npm.ts`);
 * - `--mode chunks`: the ES modules the script tag loads beside itself (`scripts/build/chunks.ts`);
 * - `--mode withdrawal`: `temoin-withdrawal.mjs`, what follows a choice made in the page (`scripts/build/withdrawal.ts`);
 * - `--mode config-errors`: `temoin-config-errors.mjs`, what the script tag says of an invalid config (`scripts/build/config-errors.ts`);
 * - `--mode embed`: `temoin.js`, the script tag (`scripts/build/embed.ts`);
 * - `--mode cli`: `cli.mjs`, the `temoin` command (`scripts/build/cli.ts`);
 * - `--mode server`: `server.mjs`, `temoin/server` (`scripts/build/server.ts`);
 * - `--mode configure`: `configure/`, the page of `temoin configure` (`scripts/build/configure.ts`).
 * Vitest runs in mode `test`: its projects are in `tests/vitest.config.ts`.
 */
const TARGETS: Record<string, UserConfig> = { production: npm, chunks, withdrawal, 'config-errors': configErrors, embed, cli, server, configure, test: vitest };

export default defineConfig(({ mode }) => {
  const target = TARGETS[mode];
  if (!target) throw new Error(`vite.config.ts: no build for mode "${mode}" (modes: ${Object.keys(TARGETS).join(', ')})`);
  return target;
});
