/**
 * The only ingest file that talks to Neo4j: reads what the graph holds for the plan, then applies
 * a plan in batches of `UNWIND $rows … MERGE` inside write transactions. Every batch is its own
 * transaction, so a killed run leaves whole batches; the next run plans against the graph as it
 * is and converges (ingest/graph/plan-graph-changes.ts).
 */
import type { Driver, ManagedTransaction, Session } from 'neo4j-driver';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { openSession, readRows } from '../../neo4j/driver.ts';
import { explainQueryError } from '../../neo4j/explain-error.ts';
import type { Evidence, NodeLabel, RelationshipType } from './graph-records.ts';
import type { GraphChangePlan, GraphState, StoredEdge, StoredNode } from './plan-graph-changes.ts';
import { edgeKeyOf, nodeKeyOf } from './graph-records.ts';

/** Rows per transaction: large enough to amortize the round trip, small enough to keep memory flat. */
export const BATCH_SIZE = 2000;

/** The relationships the ingest plans (RENUMBERED_AS, HAS_VERSION… are the history build's, never planned). */
const INGEST_RELATIONSHIP_TYPES: RelationshipType[] = [
  'CONTAINS', 'CITES', 'MENTIONS', 'PART_OF', 'CREATED_BY', 'MODIFIED_BY', 'REPEALED_BY', 'CODIFIED_BY', 'TRANSFERRED_BY', 'FORMER_TEXT', 'NEW_TEXT', 'RELATED_TO',
];

const NODE_LABELS: NodeLabel[] = ['Code', 'Section', 'Article', 'LegalText', 'ExternalArticle', 'UnresolvedTarget', 'Document'];

/** Reads every node and relationship the ingest owns (those with a recordHash / evidence). */
export async function readGraphState(driver: Driver): Promise<GraphState> {
  const session = openSession(driver, 'READ');
  try {
    return await readStateIn(session);
  } catch (error) {
    throw explainQueryError(error, 'read the graph state');
  } finally {
    await session.close();
  }
}

async function readStateIn(session: ReturnType<typeof openSession>): Promise<GraphState> {
  const nodeRows = await session.executeRead((tx) => tx.run(
    `MATCH (n) WHERE n.recordHash IS NOT NULL AND any(label IN labels(n) WHERE label IN $labels)
     OPTIONAL MATCH (n)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL
     RETURN labels(n)[0] AS label, n.id AS id, n.recordHash AS recordHash, coalesce(n.sources, []) AS sources,
            n.textSource AS textSource, n.contentHash AS contentHash, n.validFrom AS validFrom, n.status AS status,
            CASE WHEN v IS NULL THEN null ELSE v.contentHash + '|' + coalesce(v.status, '') END AS versionHash,
            n.title AS title, n.titleRank AS titleRank, n.sortKey AS sortKey`,
    { labels: NODE_LABELS },
  ));
  const nodes = new Map<string, StoredNode>();
  for (const record of nodeRows.records) {
    const node = record.toObject() as StoredNode;
    node.titleRank = node.titleRank === null ? null : Number(node.titleRank);
    nodes.set(nodeKeyOf(node.label, node.id), node);
  }
  const edgeRows = await session.executeRead((tx) => tx.run(
    `MATCH (a)-[r]->(b) WHERE type(r) IN $types AND r.evidence IS NOT NULL AND r.validTo IS NULL
     RETURN type(r) AS type, labels(a)[0] AS fromLabel, a.id AS from, labels(b)[0] AS toLabel, b.id AS to,
            r.key AS key, r.evidence AS evidence, r.validFrom AS validFrom`,
    { types: INGEST_RELATIONSHIP_TYPES },
  ));
  const edges = new Map<string, StoredEdge>();
  for (const record of edgeRows.records) {
    const row = record.toObject() as Omit<StoredEdge, 'evidence'> & { evidence: string };
    const edge: StoredEdge = { ...row, evidence: JSON.parse(row.evidence) as Record<string, Evidence> };
    edges.set(edgeKeyOf(edge), edge);
  }
  return { nodes, edges };
}

/** Progress of applyGraphChanges: rows written so far out of the total. */
export type WriteProgress = (done: number, total: number) => void;

/** The amendment a snapshot stands for, when it comes from a commit of a corpus. */
export interface AmendmentInfo {
  /** The commit's hash. */
  id: string;
  /** The amending text (the commit's subject). */
  title: string;
  /** Entry into force (YYYY-MM-DD). */
  date: string;
  /** The corpus label. */
  source: string;
}

/** Relationships whose end is history to keep ("L1115-1 cited L4131-1 until 2015"), closed rather than deleted. */
const HISTORY_TYPES = new Set(['CITES', 'MENTIONS']);

/** The amendment a batch of versions points to (none for a folder snapshot). */
const AMENDMENT = `OPTIONAL CALL {
  WITH $amendment AS amendment WHERE amendment IS NOT NULL
  MERGE (m:Amendment {id: amendment.id}) SET m.title = amendment.title, m.date = amendment.date, m.source = amendment.source
  RETURN m
}`;

/** First versions of articles new to the graph: created outright. */
const FIRST_VERSIONS = `${AMENDMENT}
  UNWIND $rows AS row
  MATCH (a:Article {id: row.articleId})
  CREATE (a)-[:HAS_VERSION]->(v:ArticleVersion {id: row.articleId + '@' + row.validFrom})
  SET v.articleId = row.articleId, v.validFrom = row.validFrom, v.text = row.text, v.html = row.html, v.contentHash = row.contentHash, v.status = row.status
  FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | CREATE (v)-[:MADE_BY]->(m))`;

/** A new version of an article the graph holds: the open one is closed at the new one's start. */
const NEXT_VERSIONS = `${AMENDMENT}
  UNWIND $rows AS row
  MATCH (a:Article {id: row.articleId})
  WITH m, a, row, row.articleId + '@' + row.validFrom AS versionId
  CALL (a, row, versionId) {
    MATCH (a)-[:HAS_VERSION]->(old:ArticleVersion) WHERE old.validTo IS NULL AND old.id <> versionId
    SET old.validTo = row.validFrom
  }
  MERGE (v:ArticleVersion {id: versionId})
  SET v.articleId = row.articleId, v.validFrom = row.validFrom, v.validTo = null, v.text = row.text, v.html = row.html,
      v.contentHash = row.contentHash, v.status = row.status
  MERGE (a)-[:HAS_VERSION]->(v)
  FOREACH (_ IN CASE WHEN m IS NULL THEN [] ELSE [1] END | MERGE (v)-[:MADE_BY]->(m))`;

/**
 * Plans up to this many rows are written in one transaction: an amendment then lands whole or
 * not at all, and pays one commit (a disk flush) instead of one per group of rows, most of the
 * time of a small amendment. Larger plans (a first ingest) go in batches of BATCH_SIZE.
 */
export const SINGLE_TRANSACTION_ROWS = 5000;

/** What applyGraphChanges may do besides the plan. */
export interface ApplyOptions {
  /** Delete the nodes left without relationships (default true; a replay does it once at its end). */
  deleteOrphans?: boolean;
  /** Mark the amendment applied once its changes are written (in the same transaction when there is one). */
  markApplied?: boolean;
}

const MARK_APPLIED = 'MERGE (m:Amendment {id: $id}) SET m.title = $title, m.date = $date, m.source = $source, m.applied = true';

/** One statement over a batch of rows; `rows` counts them for the progress. */
interface Batch {
  groupKey: string;
  rows: number;
  run: (tx: ManagedTransaction) => Promise<unknown>;
}

/** Applies a plan: nodes first (so relationships find their ends), then relationships, versions, removals, and orphans last. */
export async function applyGraphChanges(
  driver: Driver,
  plan: GraphChangePlan,
  onProgress: WriteProgress = () => {},
  amendment?: AmendmentInfo,
  options: ApplyOptions = {},
): Promise<void> {
  const total = plan.nodeUpserts.length + plan.edgeUpserts.length + plan.edgeDeletes.length + plan.nodeRemovals.length + plan.versionWrites.length;
  const batches: Batch[] = [];
  const gather = <T>(rows: T[], group: (row: T) => string, write: (tx: ManagedTransaction, groupKey: string, batch: T[]) => Promise<unknown>) => {
    for (const [groupKey, groupRows] of groupBy(rows, group)) {
      for (let start = 0; start < groupRows.length; start += BATCH_SIZE) {
        const batch = groupRows.slice(start, start + BATCH_SIZE);
        batches.push({ groupKey, rows: batch.length, run: (tx) => write(tx, groupKey, batch) });
      }
    }
  };
  const session = openSession(driver, 'WRITE');
  try {
    // Labels and types cannot be parameters in Cypher: they come from the closed lists of graph-records.ts, never from input.
    // What the graph does not hold yet is CREATEd (no look-up for an existing match); the rest is MERGEd.
    gather(plan.nodeUpserts, (row) => `${row.label}|${row.isNew}`, (tx, group, batch) => {
      const [label, isNew] = group.split('|');
      return tx.run(
        isNew === 'true'
          ? `UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`
          : `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) SET n += row.props`,
        { rows: batch.map(({ id, props }) => ({ id, props })) },
      );
    });
    gather(plan.edgeUpserts, (row) => `${row.fromLabel}|${row.type}|${row.toLabel}|${row.isNew}`, (tx, group, batch) => {
      const [fromLabel, type, toLabel, isNew] = group.split('|');
      // An existing relationship is the open one (validTo IS NULL): closed ones are history and stay as they are.
      return tx.run(
        isNew === 'true'
          ? `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props`
          : `UNWIND $rows AS row MATCH (:${fromLabel} {id: row.from})-[r:${type} {key: row.key}]->(:${toLabel} {id: row.to}) WHERE r.validTo IS NULL SET r += row.props`,
        { rows: batch.map(({ from, to, key, props }) => ({ from, to, key, props })) },
      );
    });
    gather(plan.edgeDeletes, (row) => `${row.fromLabel}|${row.type}|${row.toLabel}`, (tx, group, batch) => {
      const [fromLabel, type, toLabel] = group.split('|');
      const match = `UNWIND $rows AS row MATCH (:${fromLabel} {id: row.from})-[r:${type} {key: row.key}]->(:${toLabel} {id: row.to}) WHERE r.validTo IS NULL`;
      return tx.run(HISTORY_TYPES.has(type!) ? `${match} SET r.validTo = $date` : `${match} DELETE r`, { rows: batch, date: plan.date });
    });
    gather(plan.versionWrites, (row) => String(row.isFirst), (tx, isFirst, batch) => tx.run(
      isFirst === 'true' ? FIRST_VERSIONS : NEXT_VERSIONS,
      { rows: batch, amendment: amendment ?? null },
    ));
    gather(plan.nodeRemovals, (row) => row.label, (tx, label, batch) =>
      tx.run(
        label === 'Document'
          ? `UNWIND $rows AS row MATCH (n:Document {id: row.id}) WHERE size(row.sources) = 0 DETACH DELETE n`
          : `UNWIND $rows AS row MATCH (n:${label} {id: row.id})
             SET n.sources = row.sources
             FOREACH (_ IN CASE WHEN size(row.sources) = 0 THEN [1] ELSE [] END | SET n.status = 'repealed', n.validTo = row.validTo)
             WITH n, row WHERE size(row.sources) = 0
             MATCH (n)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL
             SET v.validTo = row.validTo`,
        { rows: batch },
      ));
    if (options.markApplied && amendment) batches.push({ groupKey: 'the amendment mark', rows: 0, run: (tx) => tx.run(MARK_APPLIED, { ...amendment }) });
    // A small plan is one transaction (one commit); a large one, one transaction per batch.
    await writeTransactions(session, total <= SINGLE_TRANSACTION_ROWS ? [batches] : batches.map((batch) => [batch]), total, onProgress);
    // A replay keeps its in-memory state exact by leaving orphans until its end (deleteOrphanNodes).
    if (options.deleteOrphans !== false && (plan.edgeDeletes.length > 0 || plan.nodeRemovals.length > 0)) await deleteOrphans(session);
  } finally {
    await session.close();
  }
}

/** Runs each group of batches in a write transaction of its own, which also changes the graph's revision. */
async function writeTransactions(session: Session, transactions: Batch[][], total: number, onProgress: WriteProgress): Promise<void> {
  let done = 0;
  for (const transaction of transactions) {
    if (transaction.length === 0) continue;
    let current = transaction[0]!.groupKey;
    await session.executeWrite(async (tx) => {
      for (const batch of transaction) {
        current = batch.groupKey;
        await batch.run(tx);
      }
      await tx.run(BUMP_GRAPH_REVISION);
    }).catch((error: unknown) => {
      throw explainQueryError(error, `write ${current}`);
    });
    done += transaction.reduce((sum, batch) => sum + batch.rows, 0);
    onProgress(done, total);
  }
}

/** Deletes the sections left empty and the targets nobody cites any more. */
export async function deleteOrphanNodes(driver: Driver): Promise<void> {
  const session = openSession(driver, 'WRITE');
  try {
    await deleteOrphans(session);
  } finally {
    await session.close();
  }
}

/** Sections left empty and targets nobody cites any more go: they only exist through relationships. */
async function deleteOrphans(session: ReturnType<Driver['session']>): Promise<void> {
  // Each statement bumps the revision only when it deleted something: a rerun that changes nothing leaves it alone.
  const deleteAndBump = (statement: string) => session.executeWrite(async (tx) => {
    const deleted = (await tx.run(statement)).summary.counters.updates().nodesDeleted;
    if (deleted > 0) await tx.run(BUMP_GRAPH_REVISION);
    return deleted;
  });
  for (let level = 0; level < 10; level++) {
    if ((await deleteAndBump('MATCH (n:Section) WHERE NOT (n)-[:CONTAINS]->() DETACH DELETE n')) === 0) break;
  }
  await deleteAndBump('MATCH (n) WHERE (n:ExternalArticle OR n:UnresolvedTarget) AND NOT (n)<-[]-() AND NOT (n)-[:CITES]->() DETACH DELETE n');
  await deleteAndBump('MATCH (n:LegalText) WHERE NOT (n)--() DELETE n');
}

/** Groups rows by a key, keeping their order (Map.groupBy arrives only with Node 21). */
export function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** The commits of a corpus a replay has already applied (marked on their `:Amendment`). */
export async function readAppliedAmendments(driver: Driver, source: string): Promise<Set<string>> {
  const rows = await readRows<{ id: string }>(driver, 'MATCH (m:Amendment {source: $source, applied: true}) RETURN m.id AS id', { source });
  return new Set(rows.map((row) => row.id));
}

/** The status of every article a corpus holds, by id. */
export async function readArticleStatuses(driver: Driver, source: string): Promise<Map<string, string | null>> {
  const rows = await readRows<{ id: string; status: string | null }>(driver, 'MATCH (a:Article) WHERE $source IN a.sources RETURN a.id AS id, a.status AS status', { source });
  return new Map(rows.map((row) => [row.id, row.status]));
}
