/**
 * What the graph panel draws for a state: the article's neighbourhood, merged with the
 * neighbourhood of every expanded node and with the path asked for. Answers are cached by request,
 * so going back, expanding one more node or changing the layout refetches nothing.
 */
import { fetchNeighborhood } from './api.ts';
import { findCitationPath, type PathOutcome } from './path-api.ts';
import { keyOfEdge, mergeGraphs } from './graph-elements.ts';
import type { GraphState } from './route.ts';
import type { GraphPayload, Neighborhood } from './types.ts';
import { normalizeArticleId } from '../../ingest/article-id.ts';
import { isSummaryId } from './graph-summary.ts';

// Enough for a few hundred elements (the panel must stay fluid), under the API's cap of 500.
const NODE_LIMIT = 200;
const EXPANSION_LIMIT = 100;
const CACHE_SIZE = 50;

/** The merged graph for a state, and what the panel tells the user about it. */
export interface GraphData {
  /** Nodes and edges to draw. */
  payload: GraphPayload;
  /** Ids of the path's nodes and edge keys, to highlight. */
  highlighted: Set<string>;
  /** True when the server cut the neighbourhood at the limit. */
  truncated: boolean;
  /** Path asked for: the chain found (directed, else undirected) or why none; undefined when none asked. */
  path?: PathOutcome;
  /** The target of the path as its article id (the address keeps what was typed). */
  pathTarget?: string;
  /** Expanded nodes whose neighbourhood could not be read. */
  failedExpansions: string[];
}

const cache = new Map<string, Promise<unknown>>();

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let pending = cache.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return pending;
}

function neighborhoodOf(id: string, state: GraphState, depth: number, limit: number, asOf: string | undefined): Promise<Neighborhood> {
  const key = JSON.stringify(['n', id, depth, state.direction, state.types, limit, asOf]);
  return cached(key, () => fetchNeighborhood(id, { depth, direction: state.direction, types: state.types, limit, asOf }));
}

/** Loads (or reuses) everything the state asks for, at a date; throws only when the centre's graph fails. */
export async function loadGraphData(center: string, state: GraphState, asOf?: string): Promise<GraphData> {
  const base = neighborhoodOf(center, state, state.depth, NODE_LIMIT, asOf);
  // An expansion shows the node's direct neighbours, whatever the depth around the centre; an
  // expanded summary (graph-summary.ts) only stops folding nodes already there.
  const articles = state.expanded.filter((id) => !isSummaryId(id));
  const expansions = Promise.allSettled(articles.map((id) => neighborhoodOf(id, state, 1, EXPANSION_LIMIT, asOf)));
  const target = state.pathTo ? normalizeArticleId(state.pathTo) ?? state.pathTo : undefined;
  // A failed look-up draws the graph anyway, saying no more than "no path" about it.
  const path = target ? cached(JSON.stringify(['p', center, target, asOf]), () => findCitationPath(center, target, asOf)).catch((): PathOutcome => ({ kind: 'none' })) : Promise.resolve(undefined);
  const [neighborhood, expanded, outcome] = await Promise.all([base, expansions, path]);
  const chain = outcome?.kind === 'directed' || outcome?.kind === 'undirected' ? outcome.chain : null;
  const failedExpansions = articles.filter((_, i) => expanded[i]!.status === 'rejected');
  const graphs = expanded.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const highlighted = new Set<string>();
  if (chain) {
    for (const node of chain.nodes) highlighted.add(node.id);
    for (const edge of chain.edges) highlighted.add(edge.id).add(keyOfEdge(edge));
  }
  return {
    payload: mergeGraphs(neighborhood, ...graphs, ...(chain ? [chain] : [])),
    highlighted,
    truncated: neighborhood.truncated || graphs.some((g) => g.truncated),
    ...(target && outcome ? { path: outcome, pathTarget: target } : {}),
    failedExpansions,
  };
}
