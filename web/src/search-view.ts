/**
 * The full results list of a search, with highlights, or a clear message when nothing matched;
 * its filters on top (search-filters.ts), the matches not in force apart below.
 */
import { fetchArticleLife } from './api.ts';
import { h, replaceChildren } from './dom.ts';
import { articleLink } from './article-link.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderHighlight } from './highlight-view.ts';
import { renderApiError } from './messages.ts';
import { describeNotYet, describeRepeal } from './life-text.ts';
import { formatDate } from './french-date.ts';
import { describeResultCount, renderDidYouMean } from './search-hints.ts';
import { formatSearchAddress, readSearchFilters, renderSearchFilters, toSearchArguments, type SearchFilterState } from './search-filters.ts';
import { searchWithFilters, type FilteredSearchHit, type FilteredSearchResults } from './search-results-api.ts';
import type { ArticleLife, SearchHit } from './types.ts';
import { normalizeArticleId } from '../../ingest/article-id.ts';

const PAGE = 50;

function renderHit(hit: SearchHit): HTMLElement {
  return h('li', {},
    h('p', {}, articleLink(hit.node.id, `Article ${hit.node.number}`, { class: 'result-title' }), ' ',
      h('span', { class: `status status-${hit.node.status.toLowerCase().replace(/_/g, '-')}` }, STATUS_LABELS[hit.node.status] ?? '')),
    hit.highlights.length ? hit.highlights.map((fragment) => h('p', { class: 'result-highlight' }, renderHighlight(fragment))) : h('p', { class: 'result-highlight' }, hit.node.excerpt));
}

// The search covers the code in force today; a number typed in full may be an article repealed
// or not yet in force, which the reader still wants to find.
async function lifeOfNumber(query: string): Promise<ArticleLife | null> {
  const id = normalizeArticleId(query);
  return id ? lifeOf(id) : null;
}

async function lifeOf(id: string): Promise<ArticleLife | null> {
  try {
    return (await fetchArticleLife(id)).life;
  } catch {
    return null;
  }
}

function whyNot(life: ArticleLife): string {
  if (life.status === 'DEFERRED') return describeNotYet(life);
  // Its text left with a new number (L1114-1 → L1115-1): say where it went rather than "abrogé".
  const moved = life.renumberedAs.find((r) => r.date && r.date === life.repealedOn);
  if (moved) return `devenu ${moved.article.number} le ${formatDate(moved.date!)}`;
  return describeRepeal(life) ?? (life.status === 'REPEALED' ? 'abrogé' : 'hors de ses périodes de vigueur');
}

// Results are listed in force first; those not in force (repealed, deferred) apart, under their
// own heading, unless the query named one exactly, which stays on top, marked (the server
// lists it whatever inForceOnly, and does not count it in notInForceCount).
function isListedApart(hit: FilteredSearchHit, filters: SearchFilterState): boolean {
  return !filters.inForceOnly && hit.node.status !== 'IN_FORCE' && !hit.exact;
}

function apartHeading(count: number): HTMLElement {
  return h('h2', {}, `Articles abrogés ou pas encore en vigueur (${count})`);
}

function sayNotInForce(life: ArticleLife): HTMLElement {
  return h('p', { class: 'not-in-force-hit' }, 'L’article ', articleLink(life.id, life.number), ` n’est pas en vigueur aujourd’hui : ${whyNot(life)}. Sa page dit quand il l’était et mène à ses versions.`);
}

// The number typed names an article not in force (listed on top, marked): say why, as its page does.
async function explainExactHit(hits: FilteredSearchHit[]): Promise<HTMLElement | null> {
  const named = hits.find((hit) => hit.exact);
  if (!named || named.node.status === 'IN_FORCE') return null;
  const life = await lifeOf(named.node.id);
  return life ? sayNotInForce(life) : null;
}

async function renderNoResults(query: string, results: FilteredSearchResults, filters: SearchFilterState): Promise<HTMLElement> {
  const life = filters.part ? null : await lifeOfNumber(query);
  return h('div', { class: 'message no-results', role: 'status' },
    h('h1', {}, `Aucun résultat pour « ${query} »`),
    renderDidYouMean(results.suggestions),
    life
      ? sayNotInForce(life)
      : h('p', {}, filters.part
        ? 'Essayez une autre partie du code, ou tout le code.'
        : 'Essayez un numéro dans une autre notation (L. 2131-1, L2131-1, 2131-1), un début de numéro (L. 2131) ou d’autres mots.'));
}

/** One results page for one state of the filters; `change` asks for another. */
async function renderFilteredResults(query: string, filters: SearchFilterState, change: (filters: SearchFilterState) => void): Promise<Array<HTMLElement | null>> {
  const form = renderSearchFilters(filters, change);
  const results = await searchWithFilters(query, toSearchArguments(filters), PAGE);
  if (!results.hits.length && !results.notInForceCount) return [form, await renderNoResults(query, results, filters)];
  const list = h('ol', { class: 'result-list' });
  const apartList = h('ol', { class: 'result-list not-in-force-list' });
  const place = (hits: FilteredSearchHit[]): void => {
    for (const hit of hits) (isListedApart(hit, filters) ? apartList : list).append(renderHit(hit));
  };
  place(results.hits);
  const more = h('button', { type: 'button', class: 'more' }, 'Afficher plus de résultats');
  let cursor = results.nextCursor;
  more.hidden = !cursor;
  more.addEventListener('click', () => {
    more.disabled = true;
    searchWithFilters(query, toSearchArguments(filters), PAGE, cursor)
      .then((page) => {
        place(page.hits);
        more.textContent = 'Afficher plus de résultats';
        cursor = page.nextCursor;
        more.hidden = !cursor;
      })
      .catch(() => { more.textContent = 'Le serveur ne répond pas : réessayer'; })
      .finally(() => { more.disabled = false; });
  });
  const showApart = h('button', { type: 'button', class: 'show-not-in-force' }, 'Les afficher à part');
  showApart.addEventListener('click', () => change({ ...filters, inForceOnly: false }));
  const apart = !results.notInForceCount ? null
    : h('section', { class: 'not-in-force' }, apartHeading(results.notInForceCount),
      filters.inForceOnly ? h('p', {}, 'Ils ne sont pas dans la liste ci-dessus. ', showApart) : apartList);
  const title = results.hits.some((hit) => !isListedApart(hit, filters)) || !filters.inForceOnly
    ? `${describeResultCount(results)} pour « ${query} »`
    : `Aucun article en vigueur pour « ${query} »`;
  return [form, h('h1', {}, title), renderDidYouMean(results.suggestions), await explainExactHit(results.hits), list.children.length ? list : null, apart, h('p', {}, more)];
}

/** Searches and builds the results page, its filters read from the address and kept there. */
export async function renderSearchResults(query: string, retry: () => void): Promise<HTMLElement> {
  if (!query.trim()) return h('section', { class: 'message' }, h('h1', {}, 'Recherche'), h('p', {}, 'Tapez un numéro d’article ou des mots dans la barre de recherche.'));
  const page = h('section', { class: 'results' });
  let shown = 0;
  const show = async (filters: SearchFilterState): Promise<void> => {
    const request = ++shown;
    const content = await renderFilteredResults(query, filters, change);
    // A later change of the filters wins over an answer that arrives after it.
    if (request === shown) replaceChildren(page, content);
  };
  const change = (filters: SearchFilterState): void => {
    history.pushState(null, '', formatSearchAddress(query, filters));
    show(filters).catch((error: unknown) => replaceChildren(page, renderApiError(error, retry)));
  };
  try {
    await show(readSearchFilters(new URLSearchParams(location.search)));
    return page;
  } catch (error) {
    return renderApiError(error, retry);
  }
}
