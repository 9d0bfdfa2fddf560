// The last guard of runIngest before it writes: a node id Neo4j cannot index refuses the whole
// source, naming the file, before the first write (issue 15: a 100,000-character "Liens relatifs"
// entry stopped an ingest after 1,090 articles, the message naming no file). Pure: no database.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../ingest/parsing/parse-file.ts';
import { IngestRefusedError, refuseUnindexableKeys } from '../../ingest/run-ingest.ts';
import type { Article } from '../../ingest/types.ts';

describe('refuseUnindexableKeys', () => {
  const article = parseText('lexlib/Article L1111-1 - 1.md', '# Article L1111-1\n\nCorps.\n')!.article as Article;

  it('refuses a :LegalText id of 100,000 bytes, naming the file whose "Liens relatifs" made it', () => {
    const textId = `loi n° ${'9'.repeat(100_000)}`;
    const withLink: Article = { ...article, relatedLinks: [{ type: 'modified-by', heading: 'Modifié par', textTitle: textId, textId, line: 9 }] };
    const refuse = () => refuseUnindexableKeys('corpus', [{ label: 'Article', id: 'L1111-1' }, { label: 'LegalText', id: textId }], { articles: [withLink], documents: [], references: [] });
    expect(refuse).toThrow(IngestRefusedError);
    expect(refuse).toThrow(/^corpus: lexlib\/Article L1111-1 - 1\.md: a :LegalText id of 100008 bytes is too large for Neo4j to index \(limit 8000\); nothing was written$/);
  });

  it('lets ordinary ids through', () => {
    expect(() => refuseUnindexableKeys('corpus', [{ label: 'Article', id: 'L1111-1' }, { label: 'LegalText', id: 'loi n° 2014-58 du 27 janvier 2014' }], { articles: [article], documents: [], references: [] })).not.toThrow();
  });
});
