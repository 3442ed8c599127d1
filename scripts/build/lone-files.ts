import type { UserConfig } from 'vite';
import { define } from './define.ts';

/**
 * A file the script tag imports by URL from `temoin.js` or `temoin-ui.mjs`, built on its own so
 * that the modules it shares with the other files stay copies in it, not a file of their own that
 * those would wait for.
 */
const loneFile = (input: string, fileName: string): UserConfig => ({
  define,
  build: {
    emptyOutDir: false,
    minify: true,
    rolldownOptions: {
      input,
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: fileName },
    },
  },
});

/** What follows a choice made in the page (docs/contract.md §17). */
export const withdrawal = loneFile('src/integrations/withdrawal.ts', 'temoin-withdrawal.mjs');

/** What the validator says of a config with problems: its messages, the catalog's ids, the "did you mean" hints. */
export const configErrors = loneFile('src/config/errors-script-tag.ts', 'temoin-config-errors.mjs');

/** The *Gestion des cookies* button, once a choice exists (docs/contract.md §8): UI, which a page view without it never loads. */
export const launcher = loneFile('src/launcher.ts', 'temoin-launcher.mjs');
