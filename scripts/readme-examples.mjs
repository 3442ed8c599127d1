#!/usr/bin/env node
/**
 * Writes into README.md the real output of each `$ npx temoin …` example of its ```console blocks,
 * as `tests/unit/cli.test.ts` checks it: run after a change of the CLI's messages or the catalog
 * (`npm run build` first: it runs `dist/cli.mjs`). Understands the two pipes the README uses:
 * `| head -N` and `; echo "exit $?"`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const README = 'README.md';
const PROMPT = '$ npx temoin ';

function output(command) {
  const [line, pipe] = command.split(/ \| |; /);
  const words = Array.from(line.matchAll(/"([^"]*)"|(\S+)/g), (m) => m[1] ?? m[2]);
  const { status, stdout, stderr } = spawnSync('node', ['dist/cli.mjs', ...words], { encoding: 'utf8' });
  const out = stdout.replace(/\n$/, '');
  let printed = [out, stderr.replace(/\n$/, '')].filter(Boolean).join('\n');
  if (pipe?.startsWith('head -')) printed = out.split('\n').slice(0, Number(pipe.slice('head -'.length))).join('\n');
  if (pipe === 'echo "exit $?"') printed += `\nexit ${status}`;
  return printed;
}

const readme = readFileSync(README, 'utf8');
const updated = readme.replace(/```console\n([\s\S]*?)```/g, (block, body) => {
  const parts = body.split(/^(?=\$ npx temoin )/m);
  if (!parts.some((part) => part.startsWith(PROMPT))) return block;
  const rewritten = parts.map((part) => {
    if (!part.startsWith(PROMPT)) return part;
    const command = part.slice(PROMPT.length, part.indexOf('\n'));
    const gap = part.endsWith('\n\n') ? '\n\n' : '\n';
    return `${PROMPT}${command}\n${output(command)}${gap}`;
  });
  return `\`\`\`console\n${rewritten.join('')}\`\`\``;
});
if (updated !== readme) writeFileSync(README, updated);
console.log(updated === readme ? 'README.md: every example already shows its real output.' : 'README.md: examples updated.');
