// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReferences, type ReferenceProblem } from './support/references';

/** The repository's files, tracked or new (not ignored): what a clone holds once they are committed. */
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file && existsSync(file));
const problems = checkReferences('.', files);
/** The upstream specification's name, spelt apart so that this file's own text does not match it. */
const UPSTREAM = ['SPE', 'C'].join('');
const of = (kind: ReferenceProblem['kind']) => problems.filter((p) => p.kind === kind).map((p) => `${p.file}:${p.line}: ${p.message}`);

describe('a clone of the repository', () => {
  it('has every file and heading its Markdown links point at', () => {
    expect(files).toContain('README.md');
    expect([...of('link'), ...of('anchor')]).toEqual([]);
  });

  it('has every section of docs/contract.md that a § citation names', () => {
    expect(of('section')).toEqual([]);
  });

  it('refers to nothing outside itself', () => {
    expect(of('outside')).toEqual([]);
  });
});

describe('the reference check', () => {
  const root = mkdtempSync(join(tmpdir(), 'temoin-references-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // Spelt apart too, so that the check of the repository does not find the planted citations here.
  const S = '§';
  const planted: Record<string, string> = {
    'README.md': [
      '# Guide',
      '## The config',
      '### `temoin lint <config.json> [--strict]`',
      '## The config',
      'See [the contract](docs/contract.md#2-the-catalog), [a heading](#the-config), [its twin](#the-config-1), [lint](#temoin-lint-configjson---strict) and [the bench](bench/).',
      'Broken: [gone](docs/missing.md), [no heading](docs/contract.md#9-nowhere), [here](#nowhere).',
      'Outside: [notes](../other/notes.md).',
      '```',
      '[in a code block](not-checked.md)',
      '```',
    ].join('\n'),
    'docs/contract.md': ['# Contract', '## 2. The catalog', `As ${S}2 says; RFC 6265 ${S}5 is another text; ${S}7 is not here.`].join('\n'),
    'bench/run.mjs': '',
    'src/a.ts': [`// ${UPSTREAM} ${S}5 decides this`, `// docs/contract.md ${S}2 holds; docs/contract.md ${S}12 does not`].join('\n'),
  };
  for (const [file, text] of Object.entries(planted)) {
    mkdirSync(join(root, dirname(file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const found = checkReferences(root, Object.keys(planted)).map(({ kind, file, line }) => `${kind} ${file}:${line}`);

  it('reports links to a missing file or heading, a missing section and outside references, and nothing that holds', () => {
    expect(found).toEqual([
      'link README.md:6',
      'anchor README.md:6',
      'anchor README.md:6',
      'outside README.md:7',
      'section docs/contract.md:3',
      'outside src/a.ts:1',
      'section src/a.ts:2',
    ]);
  });

  it('names what is missing', () => {
    const messages = checkReferences(root, Object.keys(planted)).map((p) => p.message);
    expect(messages).toContain('link "docs/missing.md": no file docs/missing.md in the repository');
    expect(messages).toContain('link "docs/contract.md#9-nowhere": docs/contract.md has no heading #9-nowhere');
    expect(messages).toContain(`"docs/contract.md ${S}12": docs/contract.md has no section 12`);
  });
});
