/**
 * The graph's revision: one `(:GraphRevision {key: 'graph'})` node whose `value` changes in every
 * transaction that changes the graph's data. The server keeps its answers for as long as the
 * revision stays the same (server/response-cache.ts), so every writer of the product runs this
 * statement inside its own write transaction: data and revision commit together or not at all.
 * A random value rather than a counter: a wiped and reloaded database must not reuse an old one.
 */
export const BUMP_GRAPH_REVISION = "MERGE (r:GraphRevision {key: 'graph'}) SET r.value = randomUUID(), r.changedAt = datetime()";

/** What the revision reads as when the node is absent (an empty or wiped database). */
export const NO_GRAPH_REVISION = 'none';
