/// <reference types="node" />
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `dist/` of this copy of temoin: beside the built command (`dist/cli.mjs`), or the repository's
 * when the command runs from its sources (tests).
 */
export function distDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  return existsSync(join(here, 'temoin.js')) ? here : resolve(here, '../../dist');
}
