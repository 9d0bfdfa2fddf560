import { describe, expect, it } from 'vitest';
import { sumSectionCounts } from '../../server/section-counts.ts';

describe('sumSectionCounts', () => {
  it('adds each section\'s subsections to what it holds directly, at every depth', () => {
    const totals = sumSectionCounts([
      { id: 'L', parent: null, direct: 0 },
      { id: 'L/1', parent: 'L', direct: 1 },
      { id: 'L/1/1', parent: 'L/1', direct: 2 },
      { id: 'L/1/1/section-1', parent: 'L/1/1', direct: 3 },
      { id: 'L/2', parent: 'L', direct: 4 },
      { id: 'R', parent: null, direct: 5 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ L: 10, 'L/1': 6, 'L/1/1': 5, 'L/1/1/section-1': 3, 'L/2': 4, R: 5 });
  });

  it('reads the rows in any order, and a section whose parent is not listed as a top', () => {
    const totals = sumSectionCounts([
      { id: 'a/b', parent: 'a', direct: 2 },
      { id: 'x/y', parent: 'x', direct: 7 },
      { id: 'a', parent: null, direct: 1 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ a: 3, 'a/b': 2, 'x/y': 7 });
  });

  it('ends on a cycle written by hand, each section keeping at least its own count', () => {
    const totals = sumSectionCounts([
      { id: 'p', parent: 'q', direct: 1 },
      { id: 'q', parent: 'p', direct: 2 },
    ]);
    expect(Object.fromEntries(totals)).toEqual({ p: 1, q: 2 });
  });
});
