import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../ingest/parsing/parse-file.ts';

const SEED_001 = readFileSync(new URL('../../../../shared/seeds/001_27fd45d9f019b6be.txt', import.meta.url));

describe('parseFreeText through parseFile, on seed 001', () => {
  const parsed = parseFile('001_27fd45d9f019b6be.txt', SEED_001);

  it('reads the guide for mayors as a free-text document, not an article', () => {
    expect(parsed.format).toBe('free-text');
    expect(parsed.article).toBeUndefined();
    expect(parsed.messages).toEqual([]);
  });

  it('names it by its file and its first heading, and keeps its text whole', () => {
    expect(parsed.document).toMatchObject({
      id: 'doc:001_27fd45d9f019b6be.txt',
      title: "L'action extérieure des collectivités territoriales expliquée aux maires et aux présidents d'intercommunalité",
      sourceFile: '001_27fd45d9f019b6be.txt',
    });
    expect(parsed.document!.text).toContain("Selon l'article L.115-1 du CGCT");
    expect(parsed.document!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
