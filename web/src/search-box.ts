/**
 * The search box: suggestions as the user types (debounced, the previous request cancelled),
 * arrows to move, a last entry for the full results list. Numbers in any notation ("l. 2131-1",
 * "L2131"), citations ("art. L 2131-1 CGCT") and words all go to the `search` query. Enter opens
 * the chosen suggestion; with none chosen, the article the query names exactly, else the results
 * list: a reader typing words wants to compare the hits, not land on the first (issue 13:
 * "représentant de l'État" opened D6371-3).
 */
import { searchArticles } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderHighlight } from './highlight-view.ts';
import { describeResultCount } from './search-hints.ts';
import type { SearchHit, SearchResults } from './types.ts';

const DEBOUNCE_MS = 150;
// The score of an article the query names exactly (server/resolvers.ts).
const EXACT_SCORE = 2;
const SUGGESTIONS = 8;

/** What the box does when the user picks something. */
export interface SearchBoxOptions {
  /** Open an article. */
  openArticle: (id: string) => void;
  /** Show the full results list for a query. */
  showResults: (query: string) => void;
}

/** Builds the search form; returns it and its input (for the "/" shortcut). */
export function createSearchBox(options: SearchBoxOptions): { form: HTMLFormElement; input: HTMLInputElement } {
  const input = h('input', {
    type: 'search', id: 'search-input', name: 'q', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Numéro (L. 2131-1, l2131) ou mots…', role: 'combobox', 'aria-expanded': 'false',
    'aria-controls': 'search-suggestions', 'aria-autocomplete': 'list', 'aria-label': 'Rechercher un article',
  });
  const list = h('ul', { id: 'search-suggestions', role: 'listbox', class: 'suggestions', hidden: true });
  const form = h('form', { class: 'search', role: 'search' }, input, h('button', { type: 'submit' }, 'Rechercher'), list);
  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  // The query whose suggestions are on screen, so Enter never opens a hit of an older query.
  let shownQuery = '';

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const setActive = (index: number): void => {
    const items = [...list.querySelectorAll('[role="option"]')];
    if (!items.length) return;
    active = (index + items.length) % items.length;
    items.forEach((item, i) => item.setAttribute('aria-selected', String(i === active)));
    input.setAttribute('aria-activedescendant', items[active]!.id);
  };
  const pick = (index: number): void => {
    const query = input.value.trim();
    close();
    // Leaving the field lets the page's shortcuts (p, n, g…) work on the article opened.
    input.blur();
    if (index >= 0 && index < hits.length) options.openArticle(hits[index]!.node.id);
    else if (query) options.showResults(query);
  };
  const render = (query: string, results: SearchResults): void => {
    // "L.115-1" names no article: its "did you mean" are the choices, as hits that are not exact.
    const found = results.hits.length ? results.hits : results.suggestions.map((node): SearchHit => ({ node, score: 0, highlights: [] }));
    hits = found;
    shownQuery = query;
    active = -1;
    const items = found.map((hit, i) => h('li', { id: `suggestion-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.node.id },
      results.hits.length ? '' : 'Vouliez-vous dire ', h('strong', {}, hit.node.number), results.hits.length ? '' : ' ?', ' ',
      h('span', { class: `status status-${hit.node.status.toLowerCase().replace(/_/g, '-')}` }, STATUS_LABELS[hit.node.status] ?? ''), ' ',
      hit.highlights[0] ? renderHighlight(hit.highlights[0]) : h('span', { class: 'excerpt' }, hit.node.excerpt)));
    const all = results.hits.length
      ? h('li', { id: `suggestion-${found.length}`, role: 'option', 'aria-selected': 'false', class: 'all' }, `Voir tous les résultats (${describeResultCount(results)}) pour « ${query} »`)
      : h('li', { class: 'none', role: 'presentation' }, `Aucun résultat pour « ${query} »`);
    replaceChildren(list, results.hits.length ? [] : all, items, results.hits.length ? all : []);
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const suggest = async (): Promise<void> => {
    const query = input.value.trim();
    controller?.abort();
    if (!query) return close();
    controller = new AbortController();
    try {
      const results = await searchArticles(query, SUGGESTIONS, controller.signal);
      if (input.value.trim() === query) render(query, results);
    } catch (error) {
      if (controller.signal.aborted && (error as Error).name === 'AbortError') return;
      replaceChildren(list, h('li', { class: 'none error', role: 'presentation' }, 'Recherche indisponible : le serveur ne répond pas.'));
      list.hidden = false;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void suggest(), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); if (list.hidden) void suggest(); else setActive(active + 1); }
    else if (event.key === 'ArrowUp') { event.preventDefault(); setActive(active - 1); }
    else if (event.key === 'Escape') close();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) return;
    if (active >= 0) return pick(active);
    // The article the query names exactly opens; anything else lists the results. When the
    // suggestions on screen are stale, ask again first.
    if (shownQuery === query) return pick(hits[0]?.score === EXACT_SCORE ? 0 : -1);
    controller?.abort();
    searchArticles(query, 1)
      .then((results) => { close(); input.blur(); if (results.hits[0]?.score === EXACT_SCORE) options.openArticle(results.hits[0].node.id); else options.showResults(query); })
      .catch(() => { close(); options.showResults(query); });
  });
  list.addEventListener('mousedown', (event) => {
    // mousedown, not click: the input keeps the focus and the list does not close first.
    const item = (event.target as Element).closest('[role="option"]');
    if (!item) return;
    event.preventDefault();
    pick(Number(item.id.replace('suggestion-', '')));
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return { form, input };
}
