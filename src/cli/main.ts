/// <reference types="node" />
/**
 * The `temoin` command (package.json `bin`), built by `vite build --mode cli` into `dist/cli.mjs`:
 * the config code reads the catalog through Vite's `import.meta.glob`, so it runs built, not raw.
 */
import { run } from './run';

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr.isTTY ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns || 80 } : undefined,
});
