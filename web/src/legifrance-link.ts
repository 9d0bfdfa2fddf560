/**
 * Links out to legifrance.gouv.fr for laws, decrees, ordonnances and other codes (GraphNode.url,
 * built by server/legal-text-url.ts): a new tab, no opener, no referrer. The page's CSP allows
 * links anywhere; only scripts are kept to this site. A text whose id the source did not give
 * gets a Légifrance search instead of its page, and says so: the reader should not expect the
 * text itself. The "↗" (and "recherche") are drawn by the stylesheet, so that the text of a
 * sentence or an entry copied stays what it was.
 */
import { h } from './dom.ts';

// The search form of server/legal-text-url.ts: https://www.legifrance.gouv.fr/search/all?…
const SEARCH_PREFIX = 'https://www.legifrance.gouv.fr/search/';

/** True for a Légifrance search rather than a text's own page. */
export function isLegifranceSearch(url: string): boolean {
  return url.startsWith(SEARCH_PREFIX);
}

/** An external link to a text's Légifrance page or search; `attributes.class` is added to the link's own classes. */
export function legifranceLink(url: string, label: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  const search = isLegifranceSearch(url);
  const { class: extraClass, ...rest } = attributes;
  return h('a', {
    ...rest,
    href: url,
    target: '_blank',
    rel: 'noopener noreferrer',
    class: `external legifrance${search ? ' legifrance-search' : ''}${extraClass ? ` ${extraClass}` : ''}`,
    title: search ? 'Rechercher sur Légifrance' : 'Ouvrir sur Légifrance',
  }, label);
}
