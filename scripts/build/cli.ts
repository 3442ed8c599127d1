import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { define } from './define.ts';

/** The `temoin` command must stay runnable after every build, not only after the first `npx` call. */
function executable(): Plugin {
  return {
    name: 'temoin-executable',
    writeBundle(options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isEntry) chmodSync(resolve(options.dir ?? 'dist', output.fileName), 0o755);
      }
    },
  };
}

/**
 * `vite build --mode cli` writes `dist/cli.mjs`, the `temoin` command, and nothing else: a Node ES
 * module, `node:` built-ins external, the rest bundled.
 */
export const cli: UserConfig = {
  define,
  ssr: { noExternal: true },
  plugins: [executable()],
  build: {
    emptyOutDir: false,
    ssr: 'src/cli/main.ts',
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'cli.mjs', banner: '#!/usr/bin/env node' } },
  },
};
