/**
 * The project's own generator of hostile files for the fuzz test and bench/fuzz-ingest.ts:
 * real corpus files and the seeds, each mutated the ways issue 15 found to break the ingest
 * (nesting 10,000 deep, a 1 MB line of `<b>`, `# Article L99999999999999999999-1`, 80,000 blank
 * lines, 200,000 spaces, 50,000 `[`, a 100,000-character "Liens relatifs" entry, hostile ids,
 * bad bytes, truncation, 500,000 references…) and at random (byte flips, splices, repeats). The
 * corpora are read where they lie (../shared/corpus, cloned into .cache/corpus), never copied.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSource, type SourceFile } from '../../../ingest/sources/read-source.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const SEEDS_DIR = path.join(ROOT, '..', 'shared', 'seeds');
export const CORPUS_DIR = path.join(ROOT, '..', 'shared', 'corpus');
export const CACHE_DIR = path.join(ROOT, '.cache', 'corpus');

/** One generated file and how it was made. */
export interface FuzzCase {
  file: SourceFile;
  /** The mutation's name ("deep-nesting", "flip-bytes"…), or "original" for an unmutated file. */
  mutation: string;
}

/** A small, seeded generator (mulberry32): the same seed gives the same cases on every machine. */
export function createRandom(seed: number): { next(): number; int(max: number): number; pick<T>(items: readonly T[]): T } {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)]! };
}

/** The seeds, as files named like the sources they come from. */
export function readSeeds(): SourceFile[] {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ path: `seeds/${name}`, bytes: readFileSync(path.join(SEEDS_DIR, name)) }));
}

/** `count` article files spread over the four corpora's tips, sampled with `random`. */
export async function sampleCorpusFiles(count: number, random: ReturnType<typeof createRandom>): Promise<SourceFile[]> {
  const bundles = ['cgct-legifrance-md-history.bundle', 'cgct-lexlib-history.bundle', 'cgct-lexxxit-history.bundle', 'cgct-etalab-history.bundle'];
  const files: SourceFile[] = [];
  for (const [index, bundle] of bundles.entries()) {
    const source = await readSource({ location: path.join(CORPUS_DIR, bundle) }, { cacheDir: CACHE_DIR });
    const articles = source.files.filter((file) => file.path.endsWith('.md') && !file.path.endsWith('README.md'));
    const wanted = Math.floor(count / bundles.length) + (index < count % bundles.length ? 1 : 0);
    for (let i = 0; i < wanted && articles.length > 0; i++) {
      const file = articles.splice(random.int(articles.length), 1)[0]!;
      files.push({ path: `${bundle.replace('-history.bundle', '')}/${file.path}`, bytes: file.bytes });
    }
  }
  return files;
}

type Mutation = (text: string, random: ReturnType<typeof createRandom>) => string | Buffer;

const HOSTILE_IDS = ["' OR 1=1 --", '../../etc/passwd', '<script>alert(1)</script>', '', 'L', '💩', 'L99999999999999999999-1', 'R*', 'Annexe ../../x', 'L1-1'.repeat(5000), '\u0000L1111-1', 'LO', 'D*-', 'L 1111-1 OR 1=1'];

const headingEnd = (text: string) => {
  const end = text.indexOf('\n');
  return end < 0 ? text.length : end + 1;
};
const insertAt = (text: string, at: number, piece: string) => text.slice(0, at) + piece + text.slice(at);
const insertInBody = (text: string, random: ReturnType<typeof createRandom>, piece: string) => {
  const start = headingEnd(text);
  return insertAt(text, start + random.int(Math.max(1, text.length - start)), piece);
};

/** The mutations, by name: the kinds issue 15 lists first, then random ones. */
export const MUTATIONS: Record<string, Mutation> = {
  'deep-nesting': (text, random) => insertInBody(text, random, '<b>'.repeat(5_000 + random.int(15_000)) + 'L. 1111-1'),
  'deep-nesting-closed': (text, random) => {
    const depth = 2_000 + random.int(10_000);
    return insertInBody(text, random, `${'<div><span>'.repeat(depth)}x${'</span></div>'.repeat(depth)}`);
  },
  'megabyte-line-of-b': () => `# Article L1111-1\n\n${'<b>'.repeat(350_000)}`,
  'huge-number': (text) => text.replace(/^# Article [^\n]*/, '# Article L99999999999999999999-1'),
  'hostile-id': (text, random) => text.replace(/^# Article [^\n]*/, `# Article ${random.pick(HOSTILE_IDS)}`),
  'blank-lines': (text, random) => insertInBody(text, random, '\n'.repeat(80_000 + random.int(100_000))),
  'spaces-in-heading': (text, random) => text.replace(/^# Article ([^\n]*)/, (_, number: string) => `# Article ${' '.repeat(200_000)}${random.next() < 0.5 ? number : ''}${' '.repeat(random.int(100))}x`),
  'spaces-line': (text, random) => insertInBody(text, random, `\n# ${'a '.repeat(1)}${' '.repeat(150_000)}b\n- a${' '.repeat(150_000)}b\n`),
  'brackets': (text, random) => insertInBody(text, random, '['.repeat(50_000 + random.int(50_000))),
  'long-related-entry': (text) => `${text}\n\n**Liens relatifs à cet article**\n\n_Modifié par_:\n\n  - Loi n°${'9'.repeat(100_000)} - art. 1 (V)\n`,
  'long-related-spaces': (text) => `${text}\n\n**Liens relatifs à cet article**\n\n_Cite_:\n\n  - Code${' '.repeat(150_000)}x (V)\n  - a${' '.repeat(150_000)}art. ${' '.repeat(10_000)}\n`,
  'many-references': (_text, random) => `# Article L1111-${1 + random.int(9)}\n\n${'<p>Voir les articles L. 1111-1, L. 1111-2 et L. 2131-1.</p>\n'.repeat(20_000 + random.int(20_000))}`,
  'huge-file': () => `# Article L1111-1\n\n${'<p>texte</p>\n'.repeat(250_000)}`,
  'invalid-utf8': (text, random) => {
    const bytes = Buffer.from(text);
    bytes[random.int(bytes.length)] = 0xff;
    return bytes;
  },
  'nul-byte': (text, random) => insertAt(text, random.int(text.length), '\u0000'),
  'truncated': (text, random) => Buffer.from(text).subarray(0, random.int(Buffer.byteLength(text))),
  'flip-bytes': (text, random) => {
    const bytes = Buffer.from(text);
    for (let i = 0; i < 1 + random.int(20); i++) bytes[random.int(bytes.length)] = random.int(256);
    return bytes;
  },
  'repeat-slice': (text, random) => {
    const start = random.int(text.length);
    const slice = text.slice(start, start + 1 + random.int(200));
    return insertAt(text, start, slice.repeat(1 + random.int(2_000)));
  },
  'tag-soup': (text, random) => insertInBody(text, random, random.pick(['<a b="c"'.repeat(30_000), '<a b'.repeat(100_000), '<script>'.repeat(50_000), '&amp'.repeat(100_000), '**a '.repeat(100_000), '(_a'.repeat(100_000), '<a href="'.repeat(50_000)])),
  'long-href': (text) => insertInBody(text, createRandom(1), `<a href="/code/l1111-1.md${'x'.repeat(100_000)}">L. 1111-1</a>`),
  'html-page-deep': (text, random) => `<html><head><title>Article L1111-1</title></head><body>${'<div>'.repeat(10_000 + random.int(10_000))}${text}</body></html>`,
  'as-html-page': (text, random) => {
    const number = random.next() < 0.5 ? random.pick(HOSTILE_IDS) : (/^# Article ([^\n]*)/.exec(text)?.[1] ?? 'L1111-1');
    return `<html><head><title>Article ${number} | Code</title></head><body><nav>menu</nav><h1>Article ${number}</h1><article>${text.replace(/^# [^\n]*/, '')}</article></body></html>`;
  },
  'crlf-bom': (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`,
  'splice': (text, random) => text.slice(0, random.int(text.length)) + text.slice(random.int(text.length)),
  'empty': () => (createRandom(3).next() < 2 ? ' \n\t\n' : ''),
};

/** Where a mutated file is named so that it is read as a given format (some mutations are about the name). */
function nameFor(mutation: string, original: string, index: number): string {
  const base = `fuzz/${index}-${mutation}/${original.replace(/^.*\//, '')}`;
  if (mutation === 'html-page-deep' || mutation === 'as-html-page') return base.replace(/\.\w+$/, '.html');
  return base;
}

/** The mutations that build files of a megabyte or more: the slowest to generate and to reject. */
export const HEAVY = new Set(['megabyte-line-of-b', 'many-references', 'huge-file', 'deep-nesting-closed', 'html-page-deep', 'blank-lines']);

/**
 * `perFile` mutated cases of each file (the mutations in turn, so each kind gets its share), plus
 * every file unmutated; a heavy mutation's turn is kept with probability `heavyShare`, else it
 * gives way to a random light one (the suite keeps few of them, the bench all).
 */
export function generateCases(files: SourceFile[], perFile: number, random: ReturnType<typeof createRandom>, heavyShare = 1, firstIndex = 0): FuzzCase[] {
  const names = Object.keys(MUTATIONS);
  const light = names.filter((name) => !HEAVY.has(name));
  const cases: FuzzCase[] = files.map((file) => ({ file, mutation: 'original' }));
  // `firstIndex` continues the turn of mutations (and the numbering of names) across calls.
  let index = firstIndex;
  for (const file of files) {
    const text = file.bytes.toString('utf8');
    for (let k = 0; k < perFile; k++) {
      const turn = names[index % names.length]!;
      const mutation = HEAVY.has(turn) && random.next() >= heavyShare ? random.pick(light) : turn;
      const result = MUTATIONS[mutation]!(text, random);
      cases.push({ file: { path: nameFor(mutation, file.path, index), bytes: Buffer.isBuffer(result) ? result : Buffer.from(result) }, mutation });
      index++;
    }
  }
  return cases;
}
