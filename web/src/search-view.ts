/** The full results list of a search, with highlights, or a clear message when nothing matched. */
import { searchArticles } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderHighlight } from './highlight-view.ts';
import { renderApiError } from './messages.ts';

/** Searches and builds the results page. */
export async function renderSearchResults(query: string, retry: () => void): Promise<HTMLElement> {
  if (!query.trim()) return h('section', { class: 'message' }, h('h1', {}, 'Recherche'), h('p', {}, 'Tapez un numéro d’article ou des mots dans la barre de recherche.'));
  try {
    const results = await searchArticles(query, 50);
    if (!results.hits.length) {
      return h('section', { class: 'message no-results', role: 'status' },
        h('h1', {}, `Aucun résultat pour « ${query} »`),
        h('p', {}, 'Essayez un numéro dans une autre notation (L. 2131-1, L2131-1, 2131-1), un début de numéro (L. 2131) ou d’autres mots.'));
    }
    return h('section', { class: 'results' },
      h('h1', {}, `${results.totalCount} résultat${results.totalCount > 1 ? 's' : ''} pour « ${query} »`),
      h('ol', { class: 'result-list' }, results.hits.map((hit) => h('li', {},
        h('p', {}, articleLink(hit.node.id, `Article ${hit.node.number}`, { class: 'result-title' }), ' ',
          h('span', { class: `status status-${hit.node.status.toLowerCase().replace(/_/g, '-')}` }, STATUS_LABELS[hit.node.status] ?? '')),
        hit.highlights.length ? hit.highlights.map((fragment) => h('p', { class: 'result-highlight' }, renderHighlight(fragment))) : h('p', { class: 'result-highlight' }, hit.node.excerpt)))),
      results.totalCount > results.hits.length && h('p', { class: 'note' }, `Les ${results.hits.length} premiers sont affichés ; précisez la recherche.`));
  } catch (error) {
    return renderApiError(error, retry);
  }
}
