// "Did you mean" suggestions, and the memo a replay keeps between amendments: it must always give
// what a fresh computation over the new set of ids gives.
import { describe, expect, it } from 'vitest';
import { createSuggestionIndex, createSuggestionMemo, suggestArticleIds } from '../../../ingest/references/suggest-article-ids.ts';

describe('suggestArticleIds', () => {
  it('ranks the id with a doubled digit dropped first (seed 001: L.115-1 for L. 1115-1)', () => {
    const index = createSuggestionIndex(['L1115-1', 'L1115-2', 'L2131-1', 'L1151-1']);
    expect(suggestArticleIds(index, 'L115-1')[0]).toBe('L1115-1');
  });

  it('computes at most its budget of suggestions, a target cited again costing nothing (a hostile folder citing 100,000 missing numbers)', () => {
    const index = createSuggestionIndex(['L1115-1', 'L2131-1'], undefined, 2);
    expect(suggestArticleIds(index, 'L115-1')).toEqual(['L1115-1']);
    expect(suggestArticleIds(index, 'L115-1')).toEqual(['L1115-1']);
    expect(suggestArticleIds(index, 'L2131-2')).toEqual(['L2131-1']);
    expect(suggestArticleIds(index, 'L1115-2')).toEqual([]);
    expect(suggestArticleIds(index, 'L115-1')).toEqual(['L1115-1']);
  });

  it('with a memo, sees an id that arrives near the target and one that leaves', () => {
    const memo = createSuggestionMemo();
    expect(suggestArticleIds(createSuggestionIndex(['L1115-1', 'L2131-1'], memo), 'L115-1')).toEqual(['L1115-1']);
    const added = createSuggestionIndex(['L1115-1', 'L2131-1', 'L1155-1'], memo);
    expect(suggestArticleIds(added, 'L115-1')).toEqual(suggestArticleIds(createSuggestionIndex(['L1115-1', 'L2131-1', 'L1155-1']), 'L115-1'));
    expect(suggestArticleIds(added, 'L115-1')).toContain('L1155-1');
    expect(suggestArticleIds(createSuggestionIndex(['L2131-1', 'L1155-1'], memo), 'L115-1')).not.toContain('L1115-1');
  });

  it('with a memo, keeps an entry when only distant ids change', () => {
    const memo = createSuggestionMemo();
    suggestArticleIds(createSuggestionIndex(['L1115-1', 'L2131-1'], memo), 'L115-1');
    const entry = memo.byTarget.get('L115-1');
    createSuggestionIndex(['L1115-1', 'L2131-1', 'R2221-28', 'L5211-1'], memo);
    expect(memo.byTarget.get('L115-1')).toBe(entry);
  });

  it('with a memo, answers as a fresh computation does over any sequence of changes', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 16807) % 2147483647) % n;
    const anyId = () => `L${1 + random(3)}${random(3)}${random(3)}${random(2)}-${1 + random(3)}`;
    const memo = createSuggestionMemo();
    let ids = new Set(Array.from({ length: 60 }, anyId));
    const targets = Array.from({ length: 40 }, anyId);
    for (let step = 0; step < 30; step++) {
      const next = new Set(ids);
      for (let change = 0; change < 4; change++) {
        const id = anyId();
        if (next.has(id)) next.delete(id);
        else next.add(id);
      }
      ids = next;
      const remembered = createSuggestionIndex(ids, memo);
      const fresh = createSuggestionIndex(ids);
      for (const target of targets) expect(suggestArticleIds(remembered, target)).toEqual(suggestArticleIds(fresh, target));
    }
  });
});
