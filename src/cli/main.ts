/// <reference types="node" />
/**
 * The `temoin` command (package.json `bin`), built by `vite build --mode cli` into `dist/cli.mjs`:
 * the config code reads the catalog through Vite's `import.meta.glob`, so it runs built, not raw.
 */
import { run } from './run';

// A reader that stops early (`temoin catalog | head`) closes the pipe: the command has said all it
// was asked, so it ends quietly, as Unix tools do, instead of with an EPIPE stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: process.stderr.isTTY ? { write: (text) => process.stderr.write(text), columns: process.stderr.columns || 80 } : undefined,
});
