import type { UserConfig } from 'vite';
import { define } from './define.ts';

/**
 * `vite build --mode withdrawal` writes `temoin-withdrawal.mjs`, what follows a choice made in the
 * page (docs/contract.md §17), which temoin.js imports by URL: a build of its own, so that the
 * modules it shares with the integrations' files stay copies in it, not a file of their own that
 * those would wait for.
 */
export const withdrawal: UserConfig = {
  // The storage keys' clearing it loads when a tracker it stops declares some: the script tag's
  // own `temoin-storage.mjs` beside it, rather than a copy or a chunk of its own.
  define: { ...define, __TEMOIN_STORAGE_FILE__: JSON.stringify('./temoin-storage.mjs') },
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
