import { defineConfig } from 'vitest/config';
import { define } from '../scripts/build/define.ts';

/**
 * Vitest's two projects. `vitest` finds this file through `vite.config.ts` (mode `test`), so
 * `npx vitest run <file>` needs no `--config`.
 */
export const vitest = defineConfig({
  test: {
    reporters: ['default', 'json'],
    outputFile: { json: 'node_modules/.vitest-report.json' },
    projects: [
      {
        define,
        test: { name: 'unit', environment: 'happy-dom', include: ['tests/unit/**/*.test.{ts,tsx}'] },
      },
      {
        define,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          // Prints one line per engine (Firefox, WebKit) not installed here: its journeys are skipped.
          globalSetup: ['tests/browser/support/engines-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

export default vitest;
