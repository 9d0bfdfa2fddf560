/**
 * Hubs summarised (issue 14, "readable graphs at depth 2–3"): at depth 2 and 3 a much-cited
 * article brings in its whole chapter (L2224-31's neighbours are mostly L. 2224-* articles), a
 * crowd of nodes nobody reads one by one. Past `SUMMARY_THRESHOLD` nodes of one chapter, they
 * become one node « +120 articles du chapitre L. 2224 », linked to whatever its members were
 * linked to; a click expands it (its id joins the `deplies` list of the address, route.ts).
 * The centre, its direct neighbours, the path drawn and the nodes expanded by hand are never
 * folded away. Pure: Cytoscape element definitions in, element definitions out.
 */
import type { GraphElement } from './graph-elements.ts';

/** More nodes than this from one chapter (or of one other kind) outside the centre's reach are summarised. */
export const SUMMARY_THRESHOLD = 8;

/** The `kind` of a summary node in the elements' data. */
export const SUMMARY_KIND = 'SUMMARY';

/** Prefix of a summary node's id: "chapitre:L2224", "chapitre:code-de-lurbanisme:L300", "groupe:LEGAL_TEXT". */
const CHAPTER_PREFIX = 'chapitre:';
const KIND_PREFIX = 'groupe:';

/** What to keep apart while summarising. */
export interface SummariseOptions {
  /** The article at the centre. */
  center: string;
  /** Hops drawn: nothing is summarised at depth 1, where every node is a direct neighbour. */
  depth: number;
  /** Ids expanded by hand: articles (kept) and summaries (not folded). */
  expanded: ReadonlySet<string>;
}

/** The elements with the crowds folded, and the ids of the summaries drawn. */
export interface SummarisedElements {
  elements: GraphElement[];
  summaries: string[];
}

/** True for the id of a summary node (which has no neighbourhood to fetch). */
export function isSummaryId(id: string): boolean {
  return id.startsWith(CHAPTER_PREFIX) || id.startsWith(KIND_PREFIX);
}

const KIND_GROUP_LABELS: Record<string, [string, string]> = {
  LEGAL_TEXT: ['texte', 'textes'],
  UNRESOLVED: ['renvoi non résolu', 'renvois non résolus'],
  DOCUMENT: ['document', 'documents'],
  EXTERNAL_ARTICLE: ['article d’un autre texte', 'articles d’autres textes'],
};

/**
 * The chapter of an article read from its number, as the CGCT numbers them since 1996: the digits
 * before the dash are Partie, Livre, Titre and Chapitre ("L2224-31": 2ᵉ partie, livre II, titre II,
 * chapitre IV); other codes' numbers mostly follow the same plan ("L300-5" of the code de
 * l'urbanisme: livre III, chapitre 0). Another kind of node is grouped by kind.
 */
export function groupOfNode(id: string, kind: string): string | undefined {
  if (kind !== 'ARTICLE') return KIND_GROUP_LABELS[kind] ? `${KIND_PREFIX}${kind}` : undefined;
  const match = /^(?:([a-z0-9-]+):)?([A-Z]+\*?\d+)-/.exec(id);
  if (!match) return undefined;
  return `${CHAPTER_PREFIX}${match[1] ? `${match[1]}:` : ''}${match[2]}`;
}

/** « +12 articles du chapitre L. 2224 », « +9 textes ». `sample` is a member's label, for another code's abbreviation. */
export function describeGroup(group: string, count: number, sample: string): string {
  if (group.startsWith(KIND_PREFIX)) {
    const [one, many] = KIND_GROUP_LABELS[group.slice(KIND_PREFIX.length)] ?? ['nœud', 'nœuds'];
    return `+${count} ${count > 1 ? many : one}`;
  }
  const chapter = group.slice(CHAPTER_PREFIX.length).split(':').pop()!.replace(/^([A-Z]+)/, '$1. ');
  // Another code's article is labelled "L300-5 C. urb.": its abbreviation follows the number.
  const code = group.slice(CHAPTER_PREFIX.length).includes(':') ? sample.split(' ').slice(1).join(' ') : '';
  return `+${count} articles du chapitre ${chapter}${code ? ` (${code})` : ''}`;
}

/** Folds every crowd of one chapter or kind past the threshold into one summary node. */
export function summariseElements(elements: GraphElement[], options: SummariseOptions): SummarisedElements {
  if (options.depth < 2) return { elements, summaries: [] };
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  const kept = new Set([options.center, ...options.expanded]);
  for (const edge of edges) {
    if (edge.data.source === options.center) kept.add(String(edge.data.target));
    if (edge.data.target === options.center) kept.add(String(edge.data.source));
  }
  const groups = new Map<string, GraphElement[]>();
  for (const node of nodes) {
    const id = String(node.data.id);
    if (kept.has(id) || node.classes.split(' ').includes('highlighted')) continue;
    const group = groupOfNode(id, String(node.data.kind));
    if (!group || options.expanded.has(group)) continue;
    const members = groups.get(group);
    if (members) members.push(node);
    else groups.set(group, [node]);
  }
  const summaryOf = new Map<string, string>();
  const summaries: GraphElement[] = [];
  for (const [group, members] of groups) {
    if (members.length <= SUMMARY_THRESHOLD) continue;
    for (const member of members) summaryOf.set(String(member.data.id), group);
    const ids = members.map((m) => String(m.data.id)).sort();
    summaries.push({
      group: 'nodes',
      data: {
        id: group, kind: SUMMARY_KIND, count: members.length,
        label: describeGroup(group, members.length, String(members[0]!.data.label)),
        title: `${ids.slice(0, 12).join(', ')}${ids.length > 12 ? '…' : ''} (cliquer pour déplier)`,
      },
      classes: 'summary',
    });
  }
  if (!summaries.length) return { elements, summaries: [] };
  const result: GraphElement[] = [...nodes.filter((n) => !summaryOf.has(String(n.data.id))), ...summaries];
  const seen = new Set<string>();
  for (const edge of edges) {
    const source = summaryOf.get(String(edge.data.source)) ?? String(edge.data.source);
    const target = summaryOf.get(String(edge.data.target)) ?? String(edge.data.target);
    // Two members citing each other vanish inside their summary.
    if (source === target) continue;
    const key = `${source}|${String(edge.data.type)}|${target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rerouted = source !== edge.data.source || target !== edge.data.target;
    // A rerouted edge stands for several citations: it keeps its type's look, not one citation's provenance.
    result.push(rerouted ? { group: 'edges', data: { ...edge.data, id: key, source, target }, classes: edge.classes.split(' ').filter((c) => c.startsWith('type-')).join(' ') } : edge);
  }
  return { elements: result, summaries: summaries.map((s) => String(s.data.id)) };
}
