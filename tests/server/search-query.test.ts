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
    expect(parseSearch(query)).toEqual({ kind: 'number', prefix, number: prefix });
  });

  it("reads a number with its code as that code's article, and a number with the `code` argument as that code's", () => {
    expect(parseSearch("L. 300-5 du code de l'urbanisme")).toEqual({ kind: 'number', prefix: 'code-de-lurbanisme:L300-5' });
    expect(parseSearch('L. 300', 'code-de-lurbanisme')).toEqual({ kind: 'number', prefix: 'code-de-lurbanisme:L300' });
    expect(parseSearch('1240', 'code civil')).toEqual({ kind: 'number', prefix: 'code-civil:1240' });
    // The CGCT named: its own numbers only.
    expect(parseSearch('L. 2131-1', 'CGCT')).toEqual({ kind: 'number', prefix: 'L2131-1' });
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
