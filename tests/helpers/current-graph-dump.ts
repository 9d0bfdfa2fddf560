/**
 * The current graph (what is valid today: `validTo IS NULL`) as sorted text lines, to compare a
 * replayed history with a direct ingest of its tip. History is left out: article versions,
 * amendments, relationships closed by a `validTo`, articles no source holds any more, and the
 * targets only history still points at. Validity dates are left out too (a replay dates an
 * article from the amendment that made it, a direct ingest from the snapshot).
 */
import type { Driver } from 'neo4j-driver';
import { readRows } from '../../neo4j/driver.ts';

/** Node properties that say when, not what. */
const NODE_DATES = new Set(['validFrom', 'validTo']);
/** Relationship properties that say when, not what. */
const RELATIONSHIP_DATES = new Set(['validFrom', 'validTo']);
/** Nodes that are current by themselves (the others only through an open relationship). */
const OWN_LABELS = new Set(['Code', 'Section', 'Article', 'Document']);
/** History, and runs: not part of the current graph. */
const HISTORY_LABELS = new Set(['ArticleVersion', 'Amendment']);

interface NodeRow {
  key: string;
  label: string;
  props: Record<string, unknown>;
}

interface RelationshipRow {
  from: string;
  type: string;
  to: string;
  props: Record<string, unknown>;
}

/** Sorted lines describing the current graph; two graphs with the same present give equal arrays. */
export async function dumpCurrentGraph(driver: Driver): Promise<string[]> {
  const nodes = await readRows<NodeRow>(driver, 'MATCH (n) WHERE NOT n:GraphRevision RETURN labels(n)[0] + ":" + n.id AS key, labels(n)[0] AS label, properties(n) AS props');
  const relationships = await readRows<RelationshipRow>(
    driver,
    `MATCH (a)-[r]->(b) WHERE r.validTo IS NULL AND NOT type(r) IN ['HAS_VERSION', 'MADE_BY']
     RETURN labels(a)[0] + ":" + a.id AS from, type(r) AS type, labels(b)[0] + ":" + b.id AS to, properties(r) AS props`,
  );
  const current = new Set<string>();
  for (const node of nodes) {
    if (node.label === 'Article' ? node.props.validTo == null : OWN_LABELS.has(node.label)) current.add(node.key);
  }
  // Targets (texts, articles of other codes, unresolved ones) are current while an open relationship
  // other than PART_OF touches them; an external article then brings the text it is part of.
  for (const rel of relationships) {
    if (rel.type === 'PART_OF') continue;
    current.add(rel.from);
    current.add(rel.to);
  }
  for (const rel of relationships) if (rel.type === 'PART_OF' && current.has(rel.from)) current.add(rel.to);
  const lines: string[] = [];
  for (const node of nodes) {
    if (HISTORY_LABELS.has(node.label) || !current.has(node.key)) continue;
    lines.push(`N ${node.key} ${sortedJson(node.props, NODE_DATES)}`);
  }
  for (const rel of relationships) {
    if (rel.type === 'PART_OF' && !current.has(rel.from)) continue;
    lines.push(`R ${rel.from} -${rel.type}-> ${rel.to} ${sortedJson(rel.props, RELATIONSHIP_DATES)}`);
  }
  return lines.sort();
}

/** The lines of `a` not in `b` and those of `b` not in `a`, for a readable failure. */
export function diffDumps(a: string[], b: string[]): { onlyInFirst: string[]; onlyInSecond: string[] } {
  const inA = new Set(a);
  const inB = new Set(b);
  return { onlyInFirst: a.filter((line) => !inB.has(line)), onlyInSecond: b.filter((line) => !inA.has(line)) };
}

function sortedJson(value: Record<string, unknown>, left: ReadonlySet<string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(value).filter(([key]) => !left.has(key)).sort(([a], [b]) => (a < b ? -1 : 1))));
}
