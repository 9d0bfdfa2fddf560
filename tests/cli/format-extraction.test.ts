import { describe, expect, it } from 'vitest';
import { formatSummary, formatTable } from '../../cli/format-extraction.ts';
import type { ExtractionResult, TextReferences } from '../../ingest/references/run-extraction.ts';
import type { IngestMessage, ResolvedReference } from '../../ingest/types.ts';

const reference: ResolvedReference = { target: 'L9999-1', code: 'CGCT', kind: 'single', start: 0, end: 9, via: 'text', from: 'L1111-1', targets: [], resolution: 'unresolved', reason: 'never-existed' };

function resultOf(messages: IngestMessage[], byText: TextReferences[]): ExtractionResult {
  return {
    articles: [], documents: [], references: byText.flatMap((text) => text.references), byText, messages, rejectedFiles: messages.map((message) => message.file),
    counts: { files: messages.length, byFormat: {}, skipped: 0, rejected: messages.length, supersededVersions: 0, articles: 1, documents: 0, references: 0, unresolved: 0 },
    timings: { read: 0, parse: 0, extract: 0, resolve: 0 },
  };
}

describe('formatSummary', () => {
  // Issue 15: `lines.push(...spread)` of 500,000 lines threw RangeError and the summary itself crashed.
  it('prints 500,000 rejected files and unresolved references with --all without overflowing the stack', () => {
    const messages: IngestMessage[] = Array.from({ length: 500_000 }, (_, i) => ({ file: `f${i}.md`, line: 1, ruleId: 'invalid-article-id', reason: 'not a number', severity: 'error' }));
    const byText: TextReferences[] = [{ id: 'L1111-1', file: 'l.md', kind: 'article', references: Array.from({ length: 500_000 }, () => reference) }];
    const all = formatSummary(resultOf(messages, byText), Infinity);
    expect(all).toContain('rejected files (500000):');
    expect(formatSummary(resultOf([...messages.slice(0, 2), { ...messages[0]!, ruleId: 'line-too-long' }], []), 20)).toContain('rejected files (2 files, 3 errors):');
    expect(all).toContain('  f499999.md:1 [invalid-article-id] not a number');
    expect(all.split('\n').length).toBeGreaterThan(1_000_000);
    const capped = formatSummary(resultOf(messages, byText), 20);
    expect(capped).toContain('  … and 499980 more (--all or --report FILE lists them all)');
    expect(capped.split('\n').length).toBeLessThan(60);
  }, 20_000);
});

describe('formatTable', () => {
  it('lays out 500,000 rows', () => {
    const table = formatTable([{ id: 'L1111-1', file: 'l.md', kind: 'article', references: Array.from({ length: 500_000 }, () => reference) }]);
    expect(table.split('\n')).toHaveLength(500_001);
  }, 20_000);
});
