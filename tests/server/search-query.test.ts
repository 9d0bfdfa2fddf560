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
  ])('reads "%s" as the number prefix %s', (query, prefix) => {
    expect(parseSearch(query)).toEqual({ kind: 'number', prefix });
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
