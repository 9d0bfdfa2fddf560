/**
 * "How does A depend on B?": the chain of citations A cites … cites B, followed in the direction
 * of the citations. Only when there is none is the undirected chain asked for, to be shown as a
 * link that is not a dependency (L1115-1 → L3132-1 ← L1115-4 is no chain of dependency).
 */
import { requestGraphQLWithErrors } from './graphql-client.ts';
import type { GraphPayload } from './types.ts';

/** A chain as the API returns it: nodes from the first to the last, edges in chain order. */
export type CitationChain = GraphPayload & { length: number };

/** What the path finder found between two articles. */
export type PathOutcome =
  /** A cites … cites B. */
  | { kind: 'directed'; chain: CitationChain }
  /** No chain that way; one exists ignoring the direction of the citations. */
  | { kind: 'undirected'; chain: CitationChain }
  /** Nothing within the API's length, either way. */
  | { kind: 'none' }
  /** An article named does not exist (the API's keys). */
  | { kind: 'missing'; ids: string[] };

const NODE_FIELDS = 'id label kind partie status title code';
const EDGE_FIELDS = 'id source target type via';
const PATH_QUERY = `query Path($from: String!, $to: String!, $directed: Boolean!, $asOf: Date) {
  path(from: $from, to: $to, directed: $directed, asOf: $asOf) { length nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } }
}`;

async function fetchChain(from: string, to: string, directed: boolean, asOf?: string): Promise<CitationChain | { missing: string[] }> {
  const { data, errors } = await requestGraphQLWithErrors<{ path: CitationChain | null }>(PATH_QUERY, { from, to, directed, asOf: asOf ?? null });
  const missing = errors.flatMap((error) => (error.extensions?.code === 'NOT_FOUND' && Array.isArray(error.extensions.missing) ? error.extensions.missing.map(String) : []));
  if (missing.length > 0) return { missing };
  // Any other error on the field is the API failing, not "no chain": the panel says it failed.
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join(' ; '));
  return data.path ?? { missing: [] };
}

/** The chain from `from` to `to` in the direction of citations, else the undirected one, else why not. */
export async function findCitationPath(from: string, to: string, asOf?: string): Promise<PathOutcome> {
  const directed = await fetchChain(from, to, true, asOf);
  if ('nodes' in directed) return { kind: 'directed', chain: directed };
  if (directed.missing.length > 0) return { kind: 'missing', ids: directed.missing };
  const undirected = await fetchChain(from, to, false, asOf);
  if ('nodes' in undirected) return { kind: 'undirected', chain: undirected };
  return { kind: 'none' };
}
