/**
 * Decides what to write (pure): compares one source's rows with what the graph already holds
 * and keeps only the differences, so that ingesting the same snapshot twice writes nothing, a
 * newer snapshot rewrites only what changed, and an interrupted run converges when run again
 * (the plan is always computed against the graph as it is, never against a log of past runs).
 */
import { createHash } from 'node:crypto';
import { edgeKeyOf, nodeKeyOf } from './graph-records.ts';
import type { EdgeRow, Evidence, GraphRecords, NodeLabel, NodeRow } from './graph-records.ts';

/** A node as stored: the few properties the plan needs. */
export interface StoredNode {
  label: NodeLabel;
  id: string;
  recordHash: string | null;
  sources: string[];
  textSource: string | null;
  contentHash: string | null;
  /** For articles: when the current version took effect, its status, and what the open version holds ("<contentHash>|<status>"; null: none). */
  validFrom: string | null;
  status: string | null;
  versionHash: string | null;
  title: string | null;
  titleRank: number | null;
  sortKey: string | null;
}

/** A relationship as stored, with its evidence per source. */
export interface StoredEdge extends Omit<EdgeRow, 'evidence'> {
  evidence: Record<string, Evidence>;
  validFrom: string | null;
}

/** What the graph holds, as far as the ingest is concerned. */
export interface GraphState {
  nodes: Map<string, StoredNode>;
  edges: Map<string, StoredEdge>;
}

/** A relationship to create or update, with its final properties. */
export type EdgeUpsert = Omit<EdgeRow, 'evidence'> & { props: Record<string, unknown>; isNew: boolean; evidence: Record<string, Evidence> };

/** The writes one ingest of one source needs. */
export interface GraphChangePlan {
  /** Nodes to write; `isNew` when the graph does not hold them yet (created without a look-up). */
  nodeUpserts: Array<{ label: NodeLabel; id: string; props: NodeRow['props']; isNew: boolean }>;
  /** Articles and documents this source no longer holds: their remaining sources, and for those left with none, when they ceased. */
  nodeRemovals: Array<{ label: NodeLabel; id: string; sources: string[]; validTo: string | null }>;
  edgeUpserts: EdgeUpsert[];
  /** Relationships no source asserts any more: citations are closed (validTo) to keep the history, the others deleted. */
  edgeDeletes: Array<Omit<EdgeRow, 'evidence'>>;
  /** New versions of articles whose text changed: the previous version is closed at `validFrom`. */
  versionWrites: Array<{ articleId: string; validFrom: string; text: string; html: string; contentHash: string; status: string; isFirst: boolean }>;
  /** The snapshot's date: when removals take effect. */
  date: string;
  counts: { articlesAdded: number; articlesChanged: number; articlesUnchanged: number; articlesRemoved: number; edgesAdded: number; edgesChanged: number; edgesRemoved: number };
}

/** What identifies a version: its text and its status. */
export function versionKeyOf(contentHash: string, status: string): string {
  return `${contentHash}|${status}`;
}

/** Corpora in order of preference for an article's text: the first has links and the table of contents. */
export const SOURCE_PRIORITY = ['legifrance-md', 'lexlib', 'lexxxit', 'etalab'];

/** Rank of a source for the text shown (lower is better; any other source comes after the known corpora). */
export function rankSource(source: string | null): number {
  if (source === null) return Number.MAX_SAFE_INTEGER;
  const index = SOURCE_PRIORITY.indexOf(source);
  return index === -1 ? SOURCE_PRIORITY.length : index;
}

const TRACKED_BY_SOURCE: ReadonlySet<NodeLabel> = new Set(['Article', 'Document']);

/** Plans the writes that make the graph say what `records` says for its source, keeping the other sources' facts. */
export function planGraphChanges(records: GraphRecords, state: GraphState): GraphChangePlan {
  const plan: GraphChangePlan = {
    nodeUpserts: [], nodeRemovals: [], edgeUpserts: [], edgeDeletes: [], versionWrites: [], date: records.date,
    counts: { articlesAdded: 0, articlesChanged: 0, articlesUnchanged: 0, articlesRemoved: 0, edgesAdded: 0, edgesChanged: 0, edgesRemoved: 0 },
  };
  planNodes(records, state, plan);
  planEdges(records, state, plan);
  return plan;
}

function planNodes(records: GraphRecords, state: GraphState, plan: GraphChangePlan): void {
  const seen = new Set<string>();
  for (const row of records.nodes) {
    const key = nodeKeyOf(row.label, row.id);
    seen.add(key);
    const stored = state.nodes.get(key);
    const { props, textChanged } = TRACKED_BY_SOURCE.has(row.label) ? planSourcedNode(row, stored, records) : { props: planSharedNode(row, stored), textChanged: false };
    if (row.label === 'Article') plan.counts[!stored ? 'articlesAdded' : !props || !('recordHash' in props) ? 'articlesUnchanged' : 'articlesChanged']++;
    if (props) plan.nodeUpserts.push({ label: row.label, id: row.id, props, isNew: !stored });
    // The open version must hold the current text: after a text change, and also when an
    // interrupted run wrote the article but not its version (checked against the graph, not the run).
    const { text, html, contentHash, status } = row.props as { text: string; html: string; contentHash: string; status: string };
    const isTextSource = props ? props.textSource === records.source : stored?.textSource === records.source;
    if (row.label === 'Article' && isTextSource && (textChanged || stored?.versionHash !== versionKeyOf(contentHash, status))) {
      const validFrom = textChanged ? records.date : stored?.validFrom ?? records.date;
      // The first version of an article the graph did not hold: nothing to close, nothing to merge with.
      plan.versionWrites.push({ articleId: row.id, validFrom, text, html, contentHash, status, isFirst: !stored });
    }
  }
  for (const [key, stored] of state.nodes) {
    if (!TRACKED_BY_SOURCE.has(stored.label) || seen.has(key) || !stored.sources.includes(records.source)) continue;
    const sources = stored.sources.filter((source) => source !== records.source);
    plan.nodeRemovals.push({ label: stored.label, id: stored.id, sources, validTo: sources.length === 0 ? records.date : null });
    if (stored.label === 'Article') plan.counts.articlesRemoved++;
  }
}

/**
 * An article or document: the best-ranked source that holds it provides its text; another source
 * only adds itself to `sources`. Returns the properties to set, or undefined when nothing changes.
 */
function planSourcedNode(row: NodeRow, stored: StoredNode | undefined, records: GraphRecords): { props: NodeRow['props'] | undefined; textChanged: boolean } {
  const sources = [...new Set([...(stored?.sources ?? []), records.source])].sort((a, b) => rankSource(a) - rankSource(b));
  const sourcesChanged = !stored || sources.join() !== stored.sources.join();
  if (stored && stored.textSource !== records.source && rankSource(stored.textSource) < rankSource(records.source)) {
    return { props: sourcesChanged ? { sources } : undefined, textChanged: false };
  }
  const recordHash = contentHashOf(row.props);
  if (stored?.recordHash === recordHash && stored.textSource === records.source && !sourcesChanged) return { props: undefined, textChanged: false };
  // validFrom moves only when the text changes: a newer snapshot of an unchanged article keeps its date.
  // A new version starts when the text changes, when the status does (a repeal that keeps the last
  // text, as etalab's codes-non-en-vigueur does), and when an article no source held comes back.
  const textChanged = !stored || stored.sources.length === 0 || stored.contentHash !== row.props.contentHash || stored.status !== row.props.status;
  const props = { ...row.props, sources, textSource: records.source, recordHash, validTo: null, ...(textChanged ? { validFrom: records.date } : {}) };
  return { props, textChanged };
}

/**
 * A section, text or target shared by every source: what the latest snapshot says, except that
 * a section keeps a better title than this source has (etalab's accented "Chapitre V : Coopération
 * décentralisée" over a title rebuilt from a slug).
 */
function planSharedNode(row: NodeRow, stored: StoredNode | undefined): NodeRow['props'] | undefined {
  const keepTitle = row.label === 'Section' && stored?.titleRank != null && (row.props.titleRank as number) < stored.titleRank;
  const props = keepTitle ? { ...row.props, title: stored!.title, titleRank: stored!.titleRank } : row.props;
  const recordHash = keepTitle ? hashOf(props) : contentHashOf(props);
  return stored?.recordHash === recordHash ? undefined : { ...props, recordHash };
}

function planEdges(records: GraphRecords, state: GraphState, plan: GraphChangePlan): void {
  const desired = new Map(records.edges.map((edge) => [edgeKeyOf(edge), edge]));
  for (const [key, edge] of desired) {
    const stored = state.edges.get(key);
    // The same evidence object as last time (a replay's unchanged article): nothing to compare.
    if (stored && stored.evidence[records.source] === edge.evidence) continue;
    const evidence = { ...(stored?.evidence ?? {}), [records.source]: edge.evidence };
    if (stored && sameEvidence(stored.evidence, evidence)) {
      stored.evidence[records.source] = edge.evidence;
      continue;
    }
    const { evidence: _evidence, ...identity } = edge;
    plan.edgeUpserts.push({ ...identity, props: edgePropsOf(evidence, stored?.validFrom ?? records.date), isNew: !stored, evidence });
    plan.counts[stored ? 'edgesChanged' : 'edgesAdded']++;
  }
  for (const [key, stored] of state.edges) {
    if (desired.has(key) || !(records.source in stored.evidence)) continue;
    const { [records.source]: _removed, ...rest } = stored.evidence;
    const { evidence: _evidence, validFrom, ...identity } = stored;
    if (Object.keys(rest).length === 0) {
      plan.edgeDeletes.push(identity);
      plan.counts.edgesRemoved++;
    } else {
      plan.edgeUpserts.push({ ...identity, props: edgePropsOf(rest, validFrom ?? records.date), isNew: false, evidence: rest });
      plan.counts.edgesChanged++;
    }
  }
}

/** The properties of a relationship, summing up the evidence of every source that saw it. */
export function edgePropsOf(evidence: Record<string, Evidence>, validFrom: string): Record<string, unknown> {
  const sources = Object.keys(evidence).sort((a, b) => rankSource(a) - rankSource(b));
  const all = sources.map((source) => evidence[source]!);
  const best = all.find((item) => item.spans.length > 0) ?? all[0]!;
  return {
    sources,
    via: [...new Set(all.flatMap((item) => item.via))].sort(),
    pinpoints: [...new Set(all.flatMap((item) => item.pinpoints))],
    spans: best.spans,
    count: Math.max(...all.map((item) => item.count)),
    hrefDisagrees: all.find((item) => item.hrefDisagrees)?.hrefDisagrees ?? null,
    viaRange: all.every((item) => item.viaRange === true),
    article: best.article ?? null,
    status: best.status ?? null,
    heading: best.heading ?? null,
    evidence: stableJson(evidence),
    validFrom,
  };
}

function sameEvidence(a: Record<string, Evidence>, b: Record<string, Evidence>): boolean {
  return stableJson(a) === stableJson(b);
}

/** JSON with object keys sorted, so equal evidence always gives equal strings. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

// A replay plans thousands of unchanged rows per amendment: their props objects are the same
// from one amendment to the next (cached parses), so their hashes are computed once.
const contentHashes = new WeakMap<object, string>();

/** The hash of a row's props, memoized by the props object: what `recordHash` holds. */
export function contentHashOf(props: NodeRow['props']): string {
  let hash = contentHashes.get(props);
  if (hash === undefined) contentHashes.set(props, (hash = hashOf(props)));
  return hash;
}

function hashOf(props: Record<string, unknown>): string {
  return createHash('sha256').update(stableJson(props)).digest('hex').slice(0, 32);
}

/**
 * Brings an in-memory state up to date with a plan just written, so that a replay reads the graph
 * once and then plans each amendment against what it knows it wrote.
 */
export function applyPlanToState(state: GraphState, plan: GraphChangePlan): void {
  for (const upsert of plan.nodeUpserts) {
    const key = nodeKeyOf(upsert.label, upsert.id);
    const stored: StoredNode = state.nodes.get(key) ?? {
      label: upsert.label, id: upsert.id, recordHash: null, sources: [], textSource: null, contentHash: null, validFrom: null, status: null, versionHash: null, title: null, titleRank: null, sortKey: null,
    };
    const props = upsert.props as Partial<Record<keyof StoredNode, unknown>>;
    for (const field of ['recordHash', 'sources', 'textSource', 'contentHash', 'validFrom', 'status', 'title', 'titleRank', 'sortKey'] as const) {
      if (field in props) (stored as unknown as Record<string, unknown>)[field] = props[field];
    }
    state.nodes.set(key, stored);
  }
  for (const version of plan.versionWrites) {
    const stored = state.nodes.get(nodeKeyOf('Article', version.articleId));
    if (stored) stored.versionHash = versionKeyOf(version.contentHash, version.status);
  }
  for (const removal of plan.nodeRemovals) {
    const stored = state.nodes.get(nodeKeyOf(removal.label, removal.id));
    if (!stored) continue;
    if (removal.label === 'Document' && removal.sources.length === 0) state.nodes.delete(nodeKeyOf(removal.label, removal.id));
    else stored.sources = removal.sources;
  }
  for (const upsert of plan.edgeUpserts) {
    const { props, isNew: _isNew, evidence, ...identity } = upsert;
    state.edges.set(edgeKeyOf(identity), { ...identity, evidence: { ...evidence }, validFrom: props.validFrom as string });
  }
  for (const deleted of plan.edgeDeletes) state.edges.delete(edgeKeyOf(deleted));
}
