/**
 * Writes a whole history build into an empty graph in bulk: `UNWIND $rows … CREATE` in batches,
 * nodes first, then relationships between nodes found by their key. A marker node
 * `(:HistoryBuild {key: 'graph'})` says `writing` until the last batch, then `complete`, so a
 * build killed halfway is recognised and its partial graph wiped before the next build writes
 * again: a killed build run again gives the identical graph.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { openSession, readRows } from '../../neo4j/driver.ts';
import { explainQueryError } from '../../neo4j/explain-error.ts';
import type { HistoryEdge, HistoryNode, HistoryRows } from '../history/history-records.ts';
import { groupBy } from './write-graph.ts';

/** Rows per transaction: bulk creates are cheap; a larger batch only costs memory. */
export const HISTORY_BATCH_SIZE = 10000;

/** What the graph holds before a history build. */
export type GraphOccupancy =
  | { kind: 'empty' }
  /** A build was killed while writing: its partial graph is to be wiped. */
  | { kind: 'partial-build' }
  | { kind: 'complete-build'; fingerprint: string }
  | { kind: 'other-data'; nodes: number };

/** Looks at the graph before a history build. */
export async function readGraphOccupancy(driver: Driver): Promise<GraphOccupancy> {
  const [marker] = await readRows<{ state: string; fingerprint: string }>(driver, "MATCH (b:HistoryBuild {key: 'graph'}) RETURN b.state AS state, b.fingerprint AS fingerprint");
  if (marker?.state === 'writing') return { kind: 'partial-build' };
  if (marker?.state === 'complete') return { kind: 'complete-build', fingerprint: marker.fingerprint };
  const [{ nodes } = { nodes: 0 }] = await readRows<{ nodes: number }>(driver, 'MATCH (n) WHERE NOT n:GraphRevision AND NOT n:IngestLock RETURN count(n) AS nodes');
  return Number(nodes) === 0 ? { kind: 'empty' } : { kind: 'other-data', nodes: Number(nodes) };
}

/** Deletes every node and relationship (in batches: a single transaction would hold it all in memory). */
export async function wipeGraph(driver: Driver): Promise<void> {
  const session = openSession(driver, 'WRITE');
  try {
    for (;;) {
      const deleted = await session.executeWrite(async (tx) => {
        const result = await tx.run('MATCH (n) WHERE NOT n:GraphRevision AND NOT n:IngestLock WITH n LIMIT 20000 DETACH DELETE n');
        await tx.run(BUMP_GRAPH_REVISION);
        return result.summary.counters.updates().nodesDeleted;
      });
      if (deleted === 0) return;
    }
  } finally {
    await session.close();
  }
}

/** Writes the rows into an empty graph; `fingerprint` names what was built (sources and their tips). */
export async function writeHistoryRows(driver: Driver, rows: HistoryRows, fingerprint: string, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  const total = rows.nodes.length + rows.edges.length;
  let done = 0;
  const session = openSession(driver, 'WRITE');
  const write = async (what: string, work: (tx: ManagedTransaction) => Promise<unknown>) => {
    await session.executeWrite(async (tx) => {
      await work(tx);
      await tx.run(BUMP_GRAPH_REVISION);
    }).catch((error: unknown) => {
      throw explainQueryError(error, what);
    });
  };
  try {
    await write('mark the build as writing', (tx) => tx.run("MERGE (b:HistoryBuild {key: 'graph'}) SET b.state = 'writing', b.fingerprint = $fingerprint", { fingerprint }));
    // Labels and types cannot be parameters: they come from the closed lists of the records, never from input.
    for (const [label, nodes] of groupBy(rows.nodes, (node) => node.label)) {
      for (const batch of batches(nodes)) {
        await write(`create ${label} nodes`, (tx) => tx.run(`UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`, { rows: batch.map(toNodeParam) }));
        onProgress((done += batch.length), total);
      }
    }
    for (const [group, edges] of groupBy(rows.edges, (edge) => `${edge.fromLabel}|${edge.type}|${edge.toLabel}`)) {
      const [fromLabel, type, toLabel] = group.split('|');
      for (const batch of batches(edges)) {
        await write(`create ${type} relationships`, (tx) => tx.run(
          `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r += row.props`,
          { rows: batch.map(toEdgeParam) },
        ));
        onProgress((done += batch.length), total);
      }
    }
    await write('mark the build as complete', (tx) => tx.run("MATCH (b:HistoryBuild {key: 'graph'}) SET b.state = 'complete'"));
  } finally {
    await session.close();
  }
}

function* batches<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += HISTORY_BATCH_SIZE) yield rows.slice(start, start + HISTORY_BATCH_SIZE);
}

/** Neo4j properties cannot be null: absent instead. */
function withoutNulls(props: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (value !== null && value !== undefined) kept[key] = value;
  return kept;
}

function toNodeParam(node: HistoryNode) {
  return { id: node.id, props: withoutNulls(node.props) };
}

function toEdgeParam(edge: HistoryEdge) {
  return { from: edge.from, to: edge.to, props: withoutNulls(edge.props) };
}
