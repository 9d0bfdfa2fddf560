/** The full results list of a search, with highlights, or a clear message when nothing matched. */
import { fetchArticleLife, searchArticles } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { STATUS_LABELS } from './labels.ts';
import { renderHighlight } from './highlight-view.ts';
import { renderApiError } from './messages.ts';
import { describeNotYet, describeRepeal } from './life-text.ts';
import { formatDate } from './french-date.ts';
import { describeResultCount, renderDidYouMean } from './search-hints.ts';
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
  if (!id) return null;
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

/** Searches and builds the results page. */
export async function renderSearchResults(query: string, retry: () => void): Promise<HTMLElement> {
  if (!query.trim()) return h('section', { class: 'message' }, h('h1', {}, 'Recherche'), h('p', {}, 'Tapez un numéro d’article ou des mots dans la barre de recherche.'));
  try {
    const results = await searchArticles(query, PAGE);
    if (!results.hits.length) {
      const life = await lifeOfNumber(query);
      return h('section', { class: 'message no-results', role: 'status' },
        h('h1', {}, `Aucun résultat pour « ${query} »`),
        renderDidYouMean(results.suggestions),
        life
          ? h('p', { class: 'not-in-force-hit' }, 'L’article ', articleLink(life.id, life.number), ` n’est pas en vigueur aujourd’hui : ${whyNot(life)}. Sa page dit quand il l’était et mène à ses versions.`)
          : h('p', {}, 'Essayez un numéro dans une autre notation (L. 2131-1, L2131-1, 2131-1), un début de numéro (L. 2131) ou d’autres mots.'));
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
      h('h1', {}, `${describeResultCount(results)} pour « ${query} »`),
      renderDidYouMean(results.suggestions),
      list,
      h('p', {}, more));
  } catch (error) {
    return renderApiError(error, retry);
  }
}
