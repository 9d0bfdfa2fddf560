import { describe, expect, it } from 'vitest';
import { classifyRelatedHeading, parseRelatedEntry, parseRelatedLinks } from '../../../ingest/parsing/parse-related-links.ts';

describe('classifyRelatedHeading', () => {
  it.each([
    ['Anciens textes', 'former-texts'],
    ['Nouveaux textes', 'new-texts'],
    ['Créé par', 'created-by'],
    ['Modifié par', 'modified-by'],
    ['Abrogé par', 'repealed-by'],
    ['Codifié par', 'codified-by'],
    ['Transféré par', 'transferred-by'],
    ['Cite', 'cites'],
    ['Cité par', 'cited-by'],
  ])('reads "%s" as %s', (heading, type) => {
    expect(classifyRelatedHeading(heading)).toBe(type);
  });
});

describe('parseRelatedEntry', () => {
  it.each([
    // A CGCT article: the code becomes "CGCT", the article is normalized.
    ['Code général des collectivités territoriales - art. L5711-1 (V)', { textId: 'CGCT', article: 'L5711-1', status: 'V' }],
    // A law's article stays as printed.
    ['Loi n°2014-58 du 27 janvier 2014 - art. 79 (V)', { textId: 'loi n° 2014-58 du 27 janvier 2014', article: '79', status: 'V' }],
    ['Code de l\'environnement - art. L211-7 (VD)', { textId: "code de l'environnement", article: 'L211-7', status: 'VD' }],
    ['Code général des collectivités territoriales - art. R2231-19 (Ab)', { textId: 'CGCT', article: 'R2231-19', status: 'Ab' }],
    ['Code rural - art. L313-3 (T)', { textId: 'code rural', article: 'L313-3', status: 'T' }],
    ['Décret n°2000-318 du 7 avril 2000 - art. 2 (VT)', { textId: 'décret n° 2000-318 du 7 avril 2000', article: '2', status: 'VT' }],
    ['Code général des collectivités territoriales - art. L1424-1 (M)', { textId: 'CGCT', article: 'L1424-1', status: 'M' }],
    ['Loi n°2004-809 du 13 août 2004 - art. 1 (MMN)', { textId: 'loi n° 2004-809 du 13 août 2004', article: '1', status: 'MMN' }],
    ['Loi n°82-213 du 2 mars 1982 - art. 3 (P)', { textId: 'loi n° 82-213 du 2 mars 1982', article: '3', status: 'P' }],
    // No status, no article.
    ['Loi n°96-142 du 21 février 1996', { textId: 'loi n° 96-142 du 21 février 1996', article: undefined, status: undefined }],
    // The older form has no " - " before "art." and cites paragraphs.
    ['Loi n°83-8 1983-01-07 art. 6 al. 2 et 3', { textId: 'loi n° 83-8 du 7 janvier 1983', article: '6 al. 2 et 3', status: undefined }],
    // An empty status followed by the publication.
    ['Loi n°2003-660 du 21 juillet 2003 - art. 51 () JORF 22 juillet 2003', { textId: 'loi n° 2003-660 du 21 juillet 2003', article: '51', status: undefined }],
  ])('reads "%s"', (entry, expected) => {
    const { link, unknownStatus } = parseRelatedEntry(entry, 'cites', 'Cite', 7);
    expect({ textId: link.textId, article: link.article, status: link.status }).toEqual(expected);
    expect(unknownStatus).toBeUndefined();
    expect(link.line).toBe(7);
  });
});

describe('parseRelatedLinks', () => {
  it('keeps an unknown heading as "other" with a warning at its line', () => {
    const { links, messages } = parseRelatedLinks('a.md', ['', '\t**Liens**:', '', '\t  - PILOTE_SUIVEUR: Code de la route. - art. L411-5-1 (V)'], 20);
    expect(links).toEqual([{ type: 'other', heading: 'Liens', textTitle: 'Code de la route.', textId: 'code de la route', article: 'L411-5-1', status: 'V', line: 23 }]);
    expect(messages).toEqual([{ file: 'a.md', line: 21, ruleId: 'unknown-related-heading', reason: expect.stringContaining('"Liens"'), severity: 'warning' }]);
  });

  it('keeps an entry with an unknown status marker, without status, and warns', () => {
    const { links, messages } = parseRelatedLinks('b.md', ['_Cité par_:', '', '  - Code général des collectivités territoriales - art. L2572-64 (AbD)'], 30);
    expect(links[0]).toMatchObject({ type: 'cited-by', textId: 'CGCT', article: 'L2572-64', line: 32 });
    expect(links[0]!.status).toBeUndefined();
    expect(messages).toEqual([{ file: 'b.md', line: 32, ruleId: 'unknown-related-status', reason: expect.stringContaining('(AbD)'), severity: 'warning' }]);
  });
});
