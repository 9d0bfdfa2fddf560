/** Links to articles and the node labels used across the reading view. */
import { h } from './dom.ts';
import { legifranceLink } from './legifrance-link.ts';
import { formatRoute, createDefaultGraphState } from './route.ts';
import type { GraphNode } from './types.ts';

/** The address of an article with the default graph, read at `asOf` (default today). */
export function articleHref(id: string, asOf?: string): string {
  return formatRoute({ view: 'article', id, graph: createDefaultGraphState(), ...(asOf ? { asOf } : {}) });
}

/**
 * A link to an article (the page's router intercepts same-site links). Without `asOf` it opens
 * at the date being read; with one, at that date.
 */
export function articleLink(id: string, label: string, attributes: Record<string, string> = {}, asOf?: string): HTMLAnchorElement {
  return h('a', { href: articleHref(id, asOf), 'data-article': id, ...attributes }, label);
}

/** A graph node shown in a list: a link for an article, an external link for a text Légifrance has, plain text for anything else. */
export function nodeItem(node: GraphNode): HTMLElement {
  const label = node.kind === 'ARTICLE' ? node.label : node.title || node.label;
  if (node.kind === 'ARTICLE') {
    const link = articleLink(node.id, label, { class: node.status === 'REPEALED' ? 'node-link repealed' : 'node-link' });
    if (node.status === 'REPEALED') link.title = 'Article abrogé';
    return link;
  }
  const kindClass = `node-text kind-${node.kind.toLowerCase().replace(/_/g, '-')}`;
  return node.url ? legifranceLink(node.url, label, { class: kindClass }) : h('span', { class: kindClass }, label);
}
