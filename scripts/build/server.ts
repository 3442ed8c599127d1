import type { UserConfig } from 'vite';
import { define } from './define.ts';

/**
 * `vite build --mode server` writes `dist/server.mjs`, `temoin/server`, and nothing else: the
 * consent endpoint for Node, the config checks and the catalog bundled in, no DOM.
 */
export const server: UserConfig = {
  define,
  ssr: { noExternal: true },
  build: {
    emptyOutDir: false,
    ssr: 'src/server/index.ts',
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'server.mjs' } },
  },
};
