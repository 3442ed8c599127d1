import type { UserConfig } from 'vite';
import { define } from './define.ts';

/**
 * `vite build --mode withdrawal` writes `temoin-withdrawal.mjs`, what follows a choice made in the
 * page (docs/contract.md §17), which temoin.js imports by URL: a build of its own, so that the
 * modules it shares with the integrations' files stay copies in it, not a file of their own that
 * those would wait for.
 */
export const withdrawal: UserConfig = {
  define,
  build: {
    emptyOutDir: false,
    minify: true,
    rolldownOptions: {
      input: 'src/integrations/withdrawal.ts',
      preserveEntrySignatures: 'allow-extension',
      output: { format: 'es', entryFileNames: 'temoin-withdrawal.mjs' },
    },
  },
};
