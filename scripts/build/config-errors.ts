import type { UserConfig } from 'vite';
import { define } from './define.ts';

/**
 * `vite build --mode config-errors` writes `temoin-config-errors.mjs`, what the script tag's
 * validator imports by URL for a config with problems (src/config/errors-script-tag.ts): its
 * messages, the catalog's ids, the "did you mean" hints. A build of its own, so that the modules it
 * shares with `temoin-ui.mjs` (the rules) stay copies in it, not a file that every first visit
 * would wait for.
 */
export const configErrors: UserConfig = {
  define,
  build: {
    emptyOutDir: false,
    minify: true,
    rolldownOptions: {
      input: 'src/config/errors-script-tag.ts',
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: 'temoin-config-errors.mjs' },
    },
  },
};
