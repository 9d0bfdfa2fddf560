import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runExtraction } from '../../../ingest/references/run-extraction.ts';

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds', import.meta.url));

describe('runExtraction on the three seeds', async () => {
  const result = await runExtraction([{ location: SEEDS }]);
  const of = (id: string) => result.byText.find((text) => text.id === id)!;

  it('reads one file of each format and rejects none', () => {
    expect(result.counts.byFormat).toEqual({ 'legifrance-md': 1, 'liens-relatifs-md': 1, 'free-text': 1 });
    expect(result.rejectedFiles).toEqual([]);
    expect(result.articles.map((article) => article.id).sort()).toEqual(['L1115-1', 'L5111-1']);
    expect(result.documents.map((document) => document.id)).toEqual(['doc:001_27fd45d9f019b6be.txt']);
  });

  it('gives L1115-1 its nine references, the lying link flagged and the text kept', () => {
    const references = of('L1115-1').references;
    expect(references.map((reference) => reference.target)).toEqual(['L2131-1', 'L2131-2', 'L3131-1', 'L3131-2', 'L4141-1', 'L4141-2', 'L2131-6', 'L3132-1', 'L4142-1']);
    expect(references.every((reference) => reference.code === 'CGCT' && reference.from === 'L1115-1')).toBe(true);
    expect(references.filter((reference) => reference.hrefDisagrees).map((reference) => [reference.target, reference.hrefDisagrees, reference.via])).toEqual([
      ['L4141-1', 'L4131-1', 'text'],
      ['L4141-2', 'L4131-1', 'text'],
    ]);
    const article = result.articles.find((candidate) => candidate.id === 'L1115-1')!;
    for (const reference of references) expect(article.text.slice(reference.start, reference.end)).toContain(reference.target!.slice(1, 5));
  });

  it("finds the guide's typo \"L.115-1\" and suggests L1115-1", () => {
    const typo = of('doc:001_27fd45d9f019b6be.txt').references.find((reference) => reference.target === 'L115-1')!;
    expect(typo.resolution).toBe('unresolved');
    expect(typo.candidates).toContain('L1115-1');
  });

  it('times each stage', () => {
    for (const stage of ['read', 'parse', 'extract', 'resolve'] as const) expect(result.timings[stage]).toBeGreaterThanOrEqual(0);
  });
});

describe('runExtraction on bad input', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'bad-input-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(path.join(folder, 'l1111-1.md'), '# Article L1111-1\n\n<p>Les communes, les départements et les régions s’administrent librement.</p>');
  writeFileSync(path.join(folder, 'l1111-1-copie.md'), '# Article L1111-1\n\n<p>Une copie.</p>');
  writeFileSync(path.join(folder, 'vide.md'), '');
  writeFileSync(path.join(folder, 'binaire.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]));
  writeFileSync(path.join(folder, 'latin1.md'), Buffer.from('# Article L1111-2\n\n<p>collectivit\xe9s</p>', 'latin1'));
  writeFileSync(path.join(folder, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const result = await runExtraction([{ location: folder }]);

  it('rejects each bad file with its reason and still parses the good one', () => {
    expect(result.articles.map((article) => [article.id, article.sourceFile])).toEqual([['L1111-1', 'l1111-1-copie.md']]);
    expect(result.messages.map((message) => [message.file, message.ruleId, message.severity])).toEqual([
      ['binaire.md', 'binary-file', 'error'],
      ['l1111-1.md', 'duplicate-article', 'error'],
      ['latin1.md', 'invalid-utf8', 'error'],
      ['vide.md', 'empty-file', 'error'],
    ]);
    expect(result.counts).toMatchObject({ files: 6, skipped: 1, rejected: 4, articles: 1 });
  });

  it('names both files of a duplicate article', () => {
    const duplicate = result.messages.find((message) => message.ruleId === 'duplicate-article')!;
    expect(duplicate.file).toBe('l1111-1.md');
    expect(duplicate.reason).toContain('l1111-1-copie.md');
  });
});
