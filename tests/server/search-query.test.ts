import { describe, expect, it } from 'vitest';
import { parseSearch } from '../../server/search-query.ts';

describe('parseSearch', () => {
  it.each([
    // A whole number in any notation.
    ['L. 2131-1', 'L2131-1'],
    ['l2131-1', 'L2131-1'],
    ['LO 1112-1', 'LO1112-1'],
    // A prefix, with or without the trailing dash a user types while going on.
    ['L. 2131', 'L2131'],
    ['L.2131-', 'L2131'],
  ])('reads "%s" as the number prefix %s, in the CGCT and the same number in every other code', (query, prefix) => {
    expect(parseSearch(query)).toEqual({ kind: 'number', keys: [prefix], prefixes: [prefix], numbers: [prefix], range: null });
  });

  // Citations as a lawyer types them, read with the ingest's reference grammar (issue 13).
  // Each row: the query, the keys that come first in their order, the other codes searched for the same number.
  it.each([
    // A number without its letter, as said aloud: the legislative article first, then LO, R, D.
    ['2131-1', ['L2131-1', 'LO2131-1', 'R2131-1', 'R*2131-1', 'D2131-1', 'D*2131-1', '2131-1'], ['L2131-1', 'LO2131-1', 'R2131-1', 'R*2131-1', 'D2131-1', 'D*2131-1', '2131-1']],
    // "art." and the CGCT named after the number: the CGCT's article only.
    ['art. L 2131-1 CGCT', ['L2131-1'], []],
    ['article L. 2131-1 du CGCT', ['L2131-1'], []],
    ['L2131-1 CGCT', ['L2131-1'], []],
    ['Article L2131-1 du code général des collectivités territoriales', ['L2131-1'], []],
    // "article" alone and no code: the CGCT's number, and the same number in the other codes.
    ['article L. 2131-1', ['L2131-1'], ['L2131-1']],
    ['art. R. 2131-1', ['R2131-1'], ['R2131-1']],
    // Another code's article, named in full or by its abbreviation.
    ["article L. 300-5 du code de l'urbanisme", ['code-de-lurbanisme:L300-5'], []],
    ['article 1240 du code civil', ['code-civil:1240'], []],
    // Several articles: each in the order cited.
    ['articles L. 2131-1 et L. 2131-2', ['L2131-1', 'L2131-2'], []],
    // Seed 001's typo: a number that does not exist is still a number (the API offers "vouliez-vous dire").
    ['L.115-1', ['L115-1'], ['L115-1']],
  ])('reads "%s" as the articles %j first', (query, keys, numbers) => {
    const parsed = parseSearch(query);
    expect(parsed.kind).toBe('number');
    if (parsed.kind !== 'number') return;
    expect(parsed.keys).toEqual(keys);
    expect(parsed.numbers).toEqual(numbers);
    expect(parsed.range).toBeNull();
  });

  it('reads a range "L. 2131-1 à L. 2131-5" as every article between its ends, the first end first', () => {
    const parsed = parseSearch('L. 2131-1 à L. 2131-5');
    expect(parsed).toMatchObject({ kind: 'number', keys: ['L2131-1'], prefixes: [], numbers: [], range: { code: 'CGCT' } });
    if (parsed.kind !== 'number' || !parsed.range) return;
    expect(parsed.range.from < parsed.range.to).toBe(true);
    expect(parsed.range.to).toContain('L2131-5');
  });

  it('keeps words that merely contain a citation a full-text search', () => {
    expect(parseSearch("contrôle de légalité de l'article L. 2131-1").kind).toBe('words');
    expect(parseSearch('représentant de l’État').kind).toBe('words');
    // "Rubrique 2" is no article number: words, never a result "Article Rubrique 2".
    expect(parseSearch('Rubrique 2').kind).toBe('words');
  });

  it("reads a number with its code as that code's article, and a number with the `code` argument as that code's", () => {
    expect(parseSearch("L. 300-5 du code de l'urbanisme")).toMatchObject({ kind: 'number', keys: ['code-de-lurbanisme:L300-5'], numbers: [] });
    expect(parseSearch('L. 300', 'code-de-lurbanisme')).toMatchObject({ kind: 'number', keys: ['code-de-lurbanisme:L300'], prefixes: ['code-de-lurbanisme:L300'], numbers: [] });
    expect(parseSearch('1240', 'code civil')).toMatchObject({ kind: 'number', keys: ['code-civil:1240'], numbers: [] });
    // The CGCT named: its own numbers only.
    expect(parseSearch('L. 2131-1', 'CGCT')).toMatchObject({ kind: 'number', keys: ['L2131-1'], numbers: [] });
    expect(parseSearch('conseil municipal', 'code-de-lurbanisme').kind).toBe('words');
  });

  it('turns words into a Lucene AND of each word and its accent-folded form, stop words dropped', () => {
    expect(parseSearch('Délibérations du conseil')).toEqual({
      kind: 'words',
      lucene: '(délibérations OR deliberations) AND conseil',
      terms: ['deliberations', 'conseil'],
    });
  });

  it('never passes Lucene syntax through', () => {
    const parsed = parseSearch('conseil* OR "maire" title:x~2 AND (NOT)');
    expect(parsed.kind).toBe('words');
    if (parsed.kind === 'words') expect(parsed.lucene).toBe('conseil AND or AND maire AND title AND x AND 2 AND and AND not');
  });

  it('finds nothing to search in punctuation or stop words alone', () => {
    expect(parseSearch(' ?! ')).toEqual({ kind: 'empty' });
    expect(parseSearch('de la')).toEqual({ kind: 'empty' });
  });
});
