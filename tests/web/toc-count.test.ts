import { describe, expect, it } from 'vitest';
import { formatArticleCount } from '../../web/src/toc-count.ts';

describe('formatArticleCount', () => {
  it.each([
    [0, 'aucun article'],
    [1, '1 article'],
    [2, '2 articles'],
    // French sets thousands off with a narrow no-break space.
    [4312, '4\u202f312 articles'],
  ])('says %i as « %s »', (count, text) => {
    expect(formatArticleCount(count)).toBe(text);
  });
});
