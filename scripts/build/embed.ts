import type { UserConfig } from 'vite';
import { define } from './define.ts';

/** `vite build --mode embed` writes `dist/temoin.js`, the self-contained IIFE of the script tag (no validator, no UI), and nothing else. */
export const embed: UserConfig = {
  define,
  build: {
    emptyOutDir: false,
    minify: true,
    lib: { entry: 'src/embed.ts', formats: ['iife'], name: 'TemoinEmbed', fileName: () => 'temoin.js' },
  },
};
