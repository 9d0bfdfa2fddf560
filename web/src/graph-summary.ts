/**
 * Chapters drawn as chapters (issue 14, "readable graphs at depth 2–3"): the articles of one
 * chapter are drawn inside one box (a Cytoscape compound node, « Chapitre L. 2224 »), and a crowd
 * of them becomes one node « +120 articles du chapitre L. 2224 ». At depth 2 and 3 a much-cited
 * article brings in its whole chapter (L2224-31's neighbours are mostly L. 2224-* articles), a
 * crowd nobody reads one by one: past `SUMMARY_THRESHOLD` nodes of one chapter (or of one other
 * kind) outside the centre's reach, they are folded. Both are one state of the same group, under
 * the same id: a click on a summary unfolds it into its box (its id joins the `deplies` list of the
 * address, route.ts), a click on a box folds it (its id leaves `deplies`, or joins `replies`).
 * A summary is linked to whatever its members were linked to. The centre, the path drawn and, for
 * the automatic folding, the direct neighbours and the nodes expanded by hand stay apart.
 * Pure: Cytoscape element definitions in, element definitions out.
 */
import type { GraphElement } from './graph-elements.ts';

/** More nodes than this from one chapter (or of one other kind) outside the centre's reach are summarised. */
export const SUMMARY_THRESHOLD = 8;

/** The `kind` of a summary node in the elements' data. */
export const SUMMARY_KIND = 'SUMMARY';

/**
 * Fewer articles than this of one chapter are drawn loose: a box around one node says nothing, and
 * boxes of two were nearly half of the 29–37 boxes of L2224-31's or L2131-1's depth-2 graph, each one
 * more thing for the layout to place (bench/graph-depth.ts: 16–20 boxes with 3).
 */
export const MIN_BOX_MEMBERS = 3;

/** The `kind` of a chapter's box (a compound node holding its articles). */
export const CHAPTER_BOX_KIND = 'CHAPTER';

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
  /** Chapters folded by hand (their box was clicked), at any depth. */
  folded?: ReadonlySet<string>;
}

/** The elements with the crowds folded and the chapters boxed, and the ids of the summaries and boxes drawn. */
export interface SummarisedElements {
  elements: GraphElement[];
  summaries: string[];
  boxes: string[];
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

/** « L. 2224 », « L. 300 (C. urb.) »: a chapter's number, and another code's abbreviation read from a member's label. */
function nameChapter(group: string, sample: string): string {
  const key = group.slice(CHAPTER_PREFIX.length);
  const chapter = key.split(':').pop()!.replace(/^([A-Z]+)/, '$1. ');
  // Another code's article is labelled "L300-5 C. urb.": its abbreviation follows the number.
  const code = key.includes(':') ? sample.split(' ').slice(1).join(' ') : '';
  return `${chapter}${code ? ` (${code})` : ''}`;
}

/** « Chapitre L. 2224 », the label of a chapter's box. */
export function describeChapterBox(group: string, sample: string): string {
  return `Chapitre ${nameChapter(group, sample)}`;
}

/** « +12 articles du chapitre L. 2224 », « +9 textes ». `sample` is a member's label, for another code's abbreviation. */
export function describeGroup(group: string, count: number, sample: string): string {
  if (group.startsWith(KIND_PREFIX)) {
    const [one, many] = KIND_GROUP_LABELS[group.slice(KIND_PREFIX.length)] ?? ['nœud', 'nœuds'];
    return `+${count} ${count > 1 ? many : one}`;
  }
  return `+${count} articles du chapitre ${nameChapter(group, sample)}`;
}

/** Folds every crowd of one chapter or kind past the threshold (or folded by hand) into one summary node, then boxes the chapters left. */
export function summariseElements(elements: GraphElement[], options: SummariseOptions): SummarisedElements {
  const folded = options.folded ?? new Set<string>();
  const nodes = elements.filter((e) => e.group === 'nodes');
  const edges = elements.filter((e) => e.group === 'edges');
  // Never folded: the centre and the path drawn. Not folded unless by hand: its direct neighbours and the nodes expanded.
  const fixed = new Set([options.center]);
  for (const node of nodes) if (node.classes.split(' ').includes('highlighted')) fixed.add(String(node.data.id));
  const kept = new Set([...fixed, ...options.expanded]);
  for (const edge of edges) {
    if (edge.data.source === options.center) kept.add(String(edge.data.target));
    if (edge.data.target === options.center) kept.add(String(edge.data.source));
  }
  const groups = new Map<string, GraphElement[]>();
  for (const node of nodes) {
    const id = String(node.data.id);
    const group = groupOfNode(id, String(node.data.kind));
    if (!group || fixed.has(id) || (kept.has(id) && !folded.has(group))) continue;
    const members = groups.get(group);
    if (members) members.push(node);
    else groups.set(group, [node]);
  }
  const summaryOf = new Map<string, string>();
  const summaries: GraphElement[] = [];
  for (const [group, members] of groups) {
    const crowded = options.depth >= 2 && members.length > SUMMARY_THRESHOLD && !options.expanded.has(group);
    if (!crowded && !folded.has(group)) continue;
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
  const { boxes, boxed } = boxChapters(nodes.filter((n) => !summaryOf.has(String(n.data.id))));
  if (!summaries.length && !boxes.length) return { elements, summaries: [], boxes: [] };
  // Boxes first: Cytoscape adds a child only into a parent already there.
  const result: GraphElement[] = [...boxes, ...boxed, ...summaries];
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
  return { elements: result, summaries: summaries.map((s) => String(s.data.id)), boxes: boxes.map((b) => String(b.data.id)) };
}

/**
 * Every chapter with at least MIN_BOX_MEMBERS articles drawn gets a box holding them; the others
 * stay loose. The nodes come back in the same order, those boxed with their `parent`.
 */
function boxChapters(nodes: GraphElement[]): { boxes: GraphElement[]; boxed: GraphElement[] } {
  const chapterOf = new Map<GraphElement, string>();
  const members = new Map<string, GraphElement[]>();
  for (const node of nodes) {
    const group = groupOfNode(String(node.data.id), String(node.data.kind));
    if (!group?.startsWith(CHAPTER_PREFIX)) continue;
    chapterOf.set(node, group);
    const list = members.get(group);
    if (list) list.push(node);
    else members.set(group, [node]);
  }
  const boxes: GraphElement[] = [];
  for (const [group, list] of members) {
    if (list.length < MIN_BOX_MEMBERS) continue;
    const label = describeChapterBox(group, String(list[0]!.data.label));
    boxes.push({
      group: 'nodes',
      data: { id: group, kind: CHAPTER_BOX_KIND, count: list.length, label, title: `${label} : ${list.length} articles (cliquer sur le cadre pour le replier)` },
      classes: 'chapter-box',
    });
  }
  const boxIds = new Set(boxes.map((b) => String(b.data.id)));
  const boxed = nodes.map((node) => {
    const group = chapterOf.get(node);
    return group && boxIds.has(group) ? { ...node, data: { ...node.data, parent: group } } : node;
  });
  return { boxes, boxed };
}
