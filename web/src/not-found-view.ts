/**
 * "Article introuvable": the number in the address matches no article. Suggests articles found by
 * searching the number, then its shorter prefixes ("L1115-99" → "L1115"), since a mistyped
 * number usually shares its beginning with the intended one.
 */
import { searchArticles } from './api.ts';
import { h } from './dom.ts';
import { articleLink } from './article-link.ts';
import { normalizeArticleId } from '../../ingest/article-id.ts';

function prefixesOf(raw: string): string[] {
  const id = normalizeArticleId(raw) ?? raw.trim();
  const queries = [id];
  let rest = id;
  while (rest.includes('-')) {
    rest = rest.slice(0, rest.lastIndexOf('-'));
    queries.push(rest);
  }
  return queries;
}

/** Builds the message with up to ten suggestions (none when the search fails too). */
export async function renderNotFound(raw: string): Promise<HTMLElement> {
  let suggestions: { id: string; number: string; excerpt: string }[] = [];
  try {
    for (const query of prefixesOf(raw)) {
      const results = await searchArticles(query, 10);
      suggestions = results.hits.map((hit) => hit.node);
      if (suggestions.length) break;
    }
  } catch {
    // The suggestions are a help; the message itself must still show.
  }
  return h('section', { class: 'message not-found', role: 'alert' },
    h('h1', {}, 'Article introuvable'),
    h('p', {}, `Aucun article « ${raw} » dans le code.`),
    suggestions.length
      ? [h('p', {}, 'Vouliez-vous dire :'), h('ul', { class: 'suggestion-list' }, suggestions.map((s) => h('li', {}, articleLink(s.id, `Article ${s.number}`), ' — ', h('span', { class: 'excerpt' }, s.excerpt))))]
      : h('p', {}, 'Aucun article proche trouvé. Essayez la recherche par mots.'));
}
