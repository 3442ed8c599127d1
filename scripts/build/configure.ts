import { resolve } from 'node:path';
import type { UserConfig } from 'vite';

/**
 * `vite build --mode configure` writes `dist/configure/`, the page `temoin configure` serves (and
 * the demo at `/temoin/configure/`): its own Preact app and the preview page, which loads the
 * widget's own `temoin.js` beside it (`../temoin.js`). Nothing of it is part of the widget's files.
 */
export const configure: UserConfig = {
  root: resolve('src/configure/page'),
  base: './',
  publicDir: false,
  build: {
    outDir: resolve('dist/configure'),
    emptyOutDir: false,
    target: 'es2022',
    rolldownOptions: {
      input: { index: resolve('src/configure/page/index.html'), preview: resolve('src/configure/page/preview.html') },
    },
  },
};
