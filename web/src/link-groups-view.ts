/**
 * The article's relationships: outgoing and incoming groups with counts, and "Liens relatifs".
 * A citation known only from Légifrance's metadata (its "Cite" list), that the text does not
 * make, says so: L1115-1 "cites" L4131-1 only because a lying link was copied into the metadata.
 */
import { h } from './dom.ts';
import { nodeItem } from './article-link.ts';
import { INCOMING_LINK_TYPE_LABELS, LINK_TYPE_LABELS, RELATED_STATUS_LABELS } from './labels.ts';
import type { Article, GraphNode, LinkGroup, Reference, RelatedLinkGroup } from './types.ts';
import { compareArticleIds } from '../../ingest/article-id.ts';

// Long groups start closed so that a much-cited article does not bury the rest of the page.
const OPEN_UP_TO = 30;

// Articles in the order of the code (as Légifrance lists them), then other texts by name.
function byCodeOrder(a: GraphNode, b: GraphNode): number {
  const aArticle = a.kind === 'ARTICLE';
  const bArticle = b.kind === 'ARTICLE';
  if (aArticle && bArticle) return compareArticleIds(a.id, b.id);
  if (aArticle !== bArticle) return aArticle ? -1 : 1;
  return (a.title || a.label).localeCompare(b.title || b.label, 'fr');
}

/** The targets every reference to which was found only in the metadata (none in the text or a link). */
export function findMetadataOnlyTargets(references: readonly Reference[]): Set<string> {
  const provenances = new Map<string, Set<string>>();
  for (const reference of references) {
    const seen = provenances.get(reference.target.id) ?? new Set<string>();
    for (const via of reference.via ?? []) seen.add(via);
    provenances.set(reference.target.id, seen);
  }
  return new Set([...provenances].filter(([, seen]) => seen.size === 1 && seen.has('METADATA')).map(([id]) => id));
}

function renderMetadataOnlyMark(): HTMLElement {
  return h('span', { class: 'via-metadata', title: 'Cette citation vient des métadonnées de Légifrance (« Liens relatifs ») : le texte de l’article ne la fait pas.' }, ' (métadonnées seulement)');
}

function renderGroup(group: LinkGroup, label: string, metadataOnly: ReadonlySet<string> = new Set()): HTMLElement {
  const shown = group.nodes.length;
  const marked = group.type === 'CITES' ? metadataOnly : new Set<string>();
  return h('details', { class: 'link-group', open: group.count <= OPEN_UP_TO, 'data-type': group.type },
    h('summary', {}, label, ' ', h('span', { class: 'count' }, `(${group.count})`)),
    h('ul', {}, [...group.nodes].sort(byCodeOrder).map((node) => h('li', {}, nodeItem(node), marked.has(node.id) && renderMetadataOnlyMark()))),
    group.count > shown && h('p', { class: 'note' }, `${shown} affichés sur ${group.count}.`));
}

function total(groups: LinkGroup[]): number {
  return groups.reduce((sum, group) => sum + group.count, 0);
}

/** "Ce que cite l'article" and "Ce qui cite l'article", by relationship type with counts. */
export function renderLinkGroups(article: Article): HTMLElement {
  const metadataOnly = findMetadataOnlyTargets(article.references);
  return h('section', { class: 'links', 'aria-label': 'Relations' },
    h('div', { class: 'links-column outgoing' },
      h('h2', {}, `Liens sortants (${total(article.outgoing)})`),
      article.outgoing.length ? article.outgoing.map((g) => renderGroup(g, LINK_TYPE_LABELS[g.type] ?? g.type, metadataOnly)) : h('p', { class: 'empty' }, 'Aucun.')),
    h('div', { class: 'links-column incoming' },
      h('h2', {}, `Liens entrants (${total(article.incoming)})`),
      article.incoming.length ? article.incoming.map((g) => renderGroup(g, INCOMING_LINK_TYPE_LABELS[g.type] ?? g.type)) : h('p', { class: 'empty' }, 'Aucun.')));
}

/** Légifrance's "Liens relatifs à cet article", heading by heading, with counts and statuses. */
export function renderRelatedLinks(groups: RelatedLinkGroup[]): HTMLElement | null {
  if (!groups.length) return null;
  return h('section', { class: 'related-links' },
    h('h2', {}, 'Liens relatifs à cet article'),
    groups.map((group) => h('details', { class: 'link-group', open: group.entries.length <= OPEN_UP_TO },
      h('summary', {}, group.heading || LINK_TYPE_LABELS[group.type], ' ', h('span', { class: 'count' }, `(${group.entries.length})`)),
      h('ul', {}, group.entries.map((entry) => h('li', {},
        nodeItem(entry.text),
        entry.article ? ` — article ${entry.article}` : '',
        entry.status ? h('abbr', { class: 'related-status', title: RELATED_STATUS_LABELS[entry.status] ?? entry.status }, ` (${entry.status})`) : ''))))));
}
