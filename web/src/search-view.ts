/** The full results list of a search, with highlights, or a clear message when nothing matched. */
import { searchArticles } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderHighlight } from './highlight-view.ts';
import { renderApiError } from './messages.ts';
import type { SearchHit } from './types.ts';

const PAGE = 50;

function renderHit(hit: SearchHit): HTMLElement {
  return h('li', {},
    h('p', {}, articleLink(hit.node.id, `Article ${hit.node.number}`, { class: 'result-title' }), ' ',
      h('span', { class: `status status-${hit.node.status.toLowerCase().replace(/_/g, '-')}` }, STATUS_LABELS[hit.node.status] ?? '')),
    hit.highlights.length ? hit.highlights.map((fragment) => h('p', { class: 'result-highlight' }, renderHighlight(fragment))) : h('p', { class: 'result-highlight' }, hit.node.excerpt));
}

/** Searches and builds the results page. */
export async function renderSearchResults(query: string, retry: () => void): Promise<HTMLElement> {
  if (!query.trim()) return h('section', { class: 'message' }, h('h1', {}, 'Recherche'), h('p', {}, 'Tapez un numéro d’article ou des mots dans la barre de recherche.'));
  try {
    const results = await searchArticles(query, PAGE);
    if (!results.hits.length) {
      return h('section', { class: 'message no-results', role: 'status' },
        h('h1', {}, `Aucun résultat pour « ${query} »`),
        h('p', {}, 'Essayez un numéro dans une autre notation (L. 2131-1, L2131-1, 2131-1), un début de numéro (L. 2131) ou d’autres mots.'));
    }
    const list = h('ol', { class: 'result-list' }, results.hits.map(renderHit));
    const more = h('button', { type: 'button', class: 'more' }, 'Afficher plus de résultats');
    let cursor = results.nextCursor;
    more.hidden = !cursor;
    more.addEventListener('click', () => {
      more.disabled = true;
      searchArticles(query, PAGE, undefined, cursor)
        .then((page) => {
          list.append(...page.hits.map(renderHit));
          more.textContent = 'Afficher plus de résultats';
          cursor = page.nextCursor;
          more.hidden = !cursor;
        })
        .catch(() => { more.textContent = 'Le serveur ne répond pas : réessayer'; })
        .finally(() => { more.disabled = false; });
    });
    return h('section', { class: 'results' },
      h('h1', {}, `${results.totalCount} résultat${results.totalCount > 1 ? 's' : ''} pour « ${query} »`),
      list,
      h('p', {}, more));
  } catch (error) {
    return renderApiError(error, retry);
  }
}
