/**
 * What a search says besides its hits: how many there are, in words a reader trusts ("plus de
 * 1 000 résultats" when the full-text count stopped, never "1001 résultats"), and "Vouliez-vous
 * dire" for a number that names no article ("L.115-1" → L. 1115-1).
 */
import { articleLink } from './article-link.ts';
import { h } from './dom.ts';
import type { ArticleSummary, SearchResults } from './types.ts';

// The full-text count's window (server/resolvers.ts COUNT_WINDOW).
const COUNT_WINDOW = 1000;

/** "1 résultat", "38 résultats", "plus de 1 000 résultats". */
export function describeResultCount(results: Pick<SearchResults, 'totalCount' | 'totalCountIsExact'>): string {
  if (!results.totalCountIsExact) return `plus de ${formatCount(COUNT_WINDOW)} résultats`;
  return `${formatCount(results.totalCount)} résultat${results.totalCount > 1 ? 's' : ''}`;
}

// French groups thousands with a no-break space: "1 000".
function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+$)/g, '\u00a0');
}

/** « Vouliez-vous dire : L. 1115-1 ? », each number a link; nothing when there is no suggestion. */
export function renderDidYouMean(suggestions: ArticleSummary[]): HTMLElement | null {
  if (suggestions.length === 0) return null;
  const links = suggestions.flatMap((article, i) => [...(i > 0 ? [i === suggestions.length - 1 ? ' ou ' : ', '] : []), articleLink(article.id, article.number)]);
  return h('p', { class: 'did-you-mean', role: 'status' }, 'Vouliez-vous dire : ', ...links, ' ?');
}
