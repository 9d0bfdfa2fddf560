import { describe, expect, it } from 'vitest';
import { normalizeArticleKey } from '../../ingest/article-id.ts';

describe('normalizeArticleKey', () => {
  it.each([
    // Any notation of a number of the grammar.
    ['L. 2131-1', 'L2131-1'],
    ['r2131-1-a', 'R2131-1 A'],
    // Annex I's pieces, as their heading prints them ("# Article Rubrique 2"), in any case.
    ['Rubrique 2', 'Rubrique 2'],
    ['rubrique  2', 'Rubrique 2'],
    ['Sommaire', 'Sommaire'],
    // The one regulatory article printed without its prefix.
    ['4425-34', '4425-34'],
  ])('reads "%s" as the CGCT id %s', (raw, id) => {
    expect(normalizeArticleKey(raw)).toBe(id);
  });

  it('reads no id in words', () => {
    expect(normalizeArticleKey('pas un numéro')).toBeUndefined();
    expect(normalizeArticleKey('Rubrique 2 ; DROP')).toBeUndefined();
  });
});
