/**
 * Precision and recall of extractReferences on the hand-checked sample (tests/fixtures/
 * reference-sample.json: one sentence or paragraph per article, read by a person, with the
 * references it makes). A reference matches when its target, text, kind, range end and
 * pinpoint all match; the loose score leaves the pinpoint out. Each passage is read as its
 * article's (ownNumber: the entry's "article", ownCode: its "code", the CGCT when absent).
 *
 *     npx tsx bench/extraction-accuracy.ts [SAMPLE.json] [--verbose]
 */
import { readFileSync } from 'node:fs';
import { extractReferences } from '../ingest/references/extract-references.ts';
import type { Reference } from '../ingest/types.ts';

interface SampleEntry {
  /** The citing article's number, passed as ownNumber. */
  article: string;
  /** The citing article's code, passed as ownCode: "CGCT" when absent. */
  code?: string;
  sentence: string;
  expected: Array<Pick<Reference, 'target' | 'code' | 'kind' | 'rangeEnd' | 'pinpoint'>>;
}

const args = process.argv.slice(2);
const path = args.find((arg) => !arg.startsWith('--')) ?? 'tests/fixtures/reference-sample.json';
const verbose = args.includes('--verbose');
const sample = JSON.parse(readFileSync(path, 'utf8')) as SampleEntry[];

const keyOf = (r: SampleEntry['expected'][number], strict: boolean): string =>
  [r.target ?? '', r.code, r.kind, r.rangeEnd ?? '', strict ? (r.pinpoint ?? '') : ''].join('|');

/** Counts matches as multisets: the same article cited twice must be found twice. */
function score(strict: boolean): { truePositives: number; expected: number; found: number; errors: string[] } {
  let truePositives = 0;
  let expected = 0;
  let found = 0;
  const errors: string[] = [];
  for (const entry of sample) {
    const remaining = entry.expected.map((r) => keyOf(r, strict));
    const got = extractReferences(entry.sentence, { ownCode: entry.code ?? 'CGCT', ownNumber: entry.article }).map((r) => keyOf(r, strict));
    expected += remaining.length;
    found += got.length;
    for (const key of got) {
      const at = remaining.indexOf(key);
      if (at >= 0) {
        remaining.splice(at, 1);
        truePositives++;
      } else errors.push(`${entry.article}: extra ${key}`);
    }
    for (const key of remaining) errors.push(`${entry.article}: missed ${key}`);
  }
  return { truePositives, expected, found, errors };
}

const articles = new Set(sample.map((entry) => entry.article)).size;
console.log(`sample: ${sample.length} passages from ${articles} articles, ${sample.reduce((n, e) => n + e.expected.length, 0)} references`);
for (const strict of [true, false]) {
  const { truePositives, expected, found, errors } = score(strict);
  const precision = found === 0 ? 1 : truePositives / found;
  const recall = expected === 0 ? 1 : truePositives / expected;
  console.log(`${strict ? 'strict (with pinpoints)' : 'loose (without pinpoints)'}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
  if (verbose) for (const error of errors) console.log(`  ${error}`);
}
