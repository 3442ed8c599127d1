// Runs a maintainer script written in TypeScript (`node scripts/run-ts.mjs scripts/<name>.ts`):
// esbuild bundles it with the sources it imports, in memory, and its `main(root, log)` runs from
// the repository's root, its return value the exit code. Node 20 runs no TypeScript by itself.
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
const { outputFiles } = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
const module = await import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
process.exitCode = module.main(process.cwd(), (line) => console.log(line), args);
