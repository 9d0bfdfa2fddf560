import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractReferences } from '../../ingest/references/extract-references.ts';
import type { Reference } from '../../ingest/types.ts';

interface SampleEntry {
  article: string;
  sentence: string;
  expected: Array<Pick<Reference, 'target' | 'code' | 'kind' | 'rangeEnd' | 'pinpoint'>>;
}

const sample = JSON.parse(readFileSync('tests/fixtures/reference-sample.json', 'utf8')) as SampleEntry[];
const keyOf = (r: SampleEntry['expected'][number]): string => [r.target ?? '', r.code, r.kind, r.rangeEnd ?? '', r.pinpoint ?? ''].join('|');

describe('the hand-checked sample of references', () => {
  it('spans at least 50 articles of every part and 150 references', () => {
    expect(new Set(sample.map((entry) => entry.article)).size).toBeGreaterThanOrEqual(50);
    expect(sample.reduce((n, entry) => n + entry.expected.length, 0)).toBeGreaterThanOrEqual(150);
    for (const part of ['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7']) expect(sample.some((entry) => entry.article.startsWith(part))).toBe(true);
    expect(sample.some((entry) => /^[RD]/.test(entry.article))).toBe(true);
  });

  it('is read with a precision and a recall of at least 0.98', () => {
    let found = 0;
    let expected = 0;
    let matched = 0;
    for (const entry of sample) {
      const remaining = entry.expected.map(keyOf);
      const got = extractReferences(entry.sentence).map(keyOf);
      expected += remaining.length;
      found += got.length;
      for (const key of got) {
        const at = remaining.indexOf(key);
        if (at >= 0) {
          remaining.splice(at, 1);
          matched++;
        }
      }
    }
    expect(matched / found).toBeGreaterThanOrEqual(0.98);
    expect(matched / expected).toBeGreaterThanOrEqual(0.98);
  });
});
