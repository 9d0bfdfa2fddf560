/**
 * A whole graph as sorted text lines (every node with its labels and properties, every
 * relationship with its ends, type and properties), to compare two graphs exactly: after a
 * second ingest, after a crash and a rerun, after a replay.
 */
import type { Driver } from 'neo4j-driver';
import { readRows } from '../../neo4j/driver.ts';

/** Sorted lines describing every node and relationship; equal graphs give equal arrays. */
export async function dumpGraph(driver: Driver): Promise<string[]> {
  const nodes = await readRows<{ labels: string[]; props: Record<string, unknown> }>(
    driver,
    // The revision node is a cache token that changes with every write, not part of the graph compared.
    'MATCH (n) WHERE NOT n:GraphRevision RETURN labels(n) AS labels, properties(n) AS props',
  );
  const relationships = await readRows<{ from: string; type: string; to: string; props: Record<string, unknown> }>(
    driver,
    'MATCH (a)-[r]->(b) RETURN labels(a)[0] + ":" + a.id AS from, type(r) AS type, labels(b)[0] + ":" + b.id AS to, properties(r) AS props',
  );
  const lines = [
    ...nodes.map((node) => `N ${[...node.labels].sort().join(':')} ${sortedJson(node.props)}`),
    ...relationships.map((rel) => `R ${rel.from} -${rel.type}-> ${rel.to} ${sortedJson(rel.props)}`),
  ];
  return lines.sort();
}

function sortedJson(value: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1))));
}
