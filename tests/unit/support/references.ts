import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/**
 * The references a document or a comment makes, checked against the repository itself, so that a
 * clone holds everything its README and code point at (issue 15):
 * - a Markdown link (`[text](path)`, `[id]: path`, `src=`/`href=` in inline HTML) to a relative file
 *   must name a file or folder of the repository, and its `#anchor` a heading of that Markdown file;
 * - a citation `docs/contract.md §N` (or `contract §N`, or a bare `§N` inside docs/contract.md) must
 *   name a numbered section `## N. …` of docs/contract.md;
 * - nothing may point outside the repository: no path into a sibling folder, no upstream specification.
 */

export type ReferenceKind = 'link' | 'anchor' | 'section' | 'outside';

export interface ReferenceProblem {
  kind: ReferenceKind;
  /** Repository-relative path of the file holding the reference. */
  file: string;
  line: number;
  message: string;
}

export const CONTRACT = 'docs/contract.md';

/** The upstream specification's name, spelt in two parts so that this file does not match what it looks for. */
const UPSTREAM = 'SPE' + 'C';
const OUTSIDE: [RegExp, string][] = [
  [new RegExp(['\\.\\.', 'shared'].join('/')), 'a path outside the repository'],
  [new RegExp(`${UPSTREAM}\\.md`), 'a document outside the repository'],
  [new RegExp(`\\b${UPSTREAM}\\b`), 'a document outside the repository (cite docs/contract.md §N)'],
];

/** Section citations: `docs/contract.md §N`, `contract.md §N`, `contract §N`, N a number. */
const CITATION = /\b(?:docs\/)?contract(?:\.md)? §(\d+)/g;
/** Inside the contract itself, a bare `§N` is a cross-reference; `RFC 6265 §N` is another document's. */
const BARE_CITATION = /(?<!RFC \d+ )§(\d+)/g;

/**
 * Heading anchors as GitHub makes them (github-slugger): lower case, punctuation dropped, each
 * space a hyphen; a repeated heading gets `-1`, `-2`…
 */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const counts = new Map<string, number>();
  for (const { text, inCode } of lines(markdown)) {
    if (inCode) continue;
    for (const [, id] of text.matchAll(/\b(?:id|name)="([^"]+)"/g)) anchors.add(id);
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const plain = heading[1].replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const seen = counts.get(base) ?? 0;
    counts.set(base, seen + 1);
    anchors.add(seen ? `${base}-${seen}` : base);
  }
  return anchors;
}

/** The numbers of the sections `## N. Title` of a contract. */
export function contractSections(markdown: string): Set<number> {
  const sections = new Set<number>();
  for (const { text, inCode } of lines(markdown)) {
    const match = !inCode && /^## (\d+)\. /.exec(text);
    if (match) sections.add(Number(match[1]));
  }
  return sections;
}

/** Each line of a Markdown text, telling whether it lies in a fenced code block. */
function lines(markdown: string): { text: string; number: number; inCode: boolean }[] {
  let fence: string | null = null;
  return markdown.split('\n').map((text, i) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence === null ? marker : null;
      return { text, number: i + 1, inCode: true };
    }
    return { text, number: i + 1, inCode: fence !== null };
  });
}

/** Link targets of a Markdown line outside code: inline links, images, reference definitions, HTML attributes. */
function linkTargets(text: string): string[] {
  const prose = text.replace(/(`+)[^`]*?\1/g, '');
  const targets = [
    ...Array.from(prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+["'(][^)]*)?\)/g), (m) => m[1]),
    ...Array.from(prose.matchAll(/^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g), (m) => m[1]),
    ...Array.from(prose.matchAll(/\b(?:src|href)="([^"]+)"/g), (m) => m[1]),
  ];
  // URLs with a scheme (https:, mailto:…) and protocol-relative ones lead outside: not ours to check.
  return targets.filter((target) => !/^([a-z][a-z\d+.-]*:|\/\/)/i.test(target));
}

/**
 * Checks every reference of `files` (paths relative to `root`, as `git ls-files` gives them).
 * @returns the problems found, in file order; none when every reference holds.
 */
export function checkReferences(root: string, files: readonly string[]): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const tracked = new Set(files);
  const folders = new Set(files.flatMap((file) => file.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
  const texts = new Map<string, string>();
  const read = (file: string): string | undefined => {
    if (!texts.has(file)) {
      const bytes = readFileSync(join(root, file));
      texts.set(file, bytes.includes(0) ? '' : bytes.toString('utf8'));
    }
    return texts.get(file);
  };
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string) => anchorsOf.get(file) ?? anchorsOf.set(file, headingAnchors(read(file) ?? '')).get(file)!;
  const sections = tracked.has(CONTRACT) ? contractSections(read(CONTRACT)!) : new Set<number>();

  for (const file of files) {
    const text = read(file);
    if (!text) continue;
    const report = (kind: ReferenceKind, line: number, message: string) => problems.push({ kind, file, line, message });
    const citations = file === CONTRACT ? [CITATION, BARE_CITATION] : [CITATION];

    for (const { text: line, number, inCode } of file.endsWith('.md') ? lines(text) : text.split('\n').map((t, i) => ({ text: t, number: i + 1, inCode: true }))) {
      for (const [pattern, what] of OUTSIDE) {
        const match = pattern.exec(line);
        if (match) {
          report('outside', number, `"${match[0]}" is ${what}`);
          break;
        }
      }
      for (const pattern of citations) {
        for (const [citation, n] of line.matchAll(pattern)) {
          if (!sections.has(Number(n))) report('section', number, `"${citation}": ${CONTRACT} has no section ${n}`);
        }
      }
      if (inCode) continue;
      for (const target of linkTargets(line)) {
        const [rawPath, anchor] = target.split('#', 2);
        const path = decodeURI(rawPath);
        const resolved = path ? normalize(path.startsWith('/') ? path.slice(1) : join(dirname(file), path)).replace(/\/$/, '') : file;
        if (resolved.startsWith('..')) {
          report('outside', number, `link "${target}" leads outside the repository`);
        } else if (!tracked.has(resolved) && !folders.has(resolved) && resolved !== '.') {
          report('link', number, `link "${target}": no file ${resolved} in the repository`);
        } else if (anchor !== undefined && resolved.endsWith('.md') && tracked.has(resolved) && !anchors(resolved).has(anchor)) {
          report('anchor', number, `link "${target}": ${resolved} has no heading #${anchor}`);
        }
      }
    }
  }
  return problems;
}
