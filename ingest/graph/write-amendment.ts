/**
 * Neo4j access for amendments applied on top of a history build (ingest/history/apply-amendment.ts):
 * what the graph knows of the articles' lives, what holds on the amendment's date for the articles
 * it concerns, and the writes of one amendment in ONE transaction (it lands whole or not at all,
 * with the graph's revision).
 */
import type { Driver } from 'neo4j-driver';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { openSession, readRows } from '../../neo4j/driver.ts';
import { explainQueryError } from '../../neo4j/explain-error.ts';
import { groupBy } from './write-graph.ts';

/** An article as the history graph holds it. */
export interface StoredLife {
  id: string;
  /** In-force periods, "from/to" ("2004-07-30/" when open). */
  periods: string[];
  sources: string[];
  legiarti: string | null;
  /** The corpus its versions come from. */
  textSource: string | null;
}

/** A citation holding on a date, as stored. */
export interface StoredCitation {
  elementId: string;
  from: string;
  toLabel: string;
  to: string;
  key: string;
  validFrom: string;
  validTo: string | null;
  reason: string | null;
  /** Per-source evidence (JSON), absent on relationships a later ingest must not plan against. */
  evidence: string | null;
}

/** A version holding on a date, as stored. */
export interface StoredVersion {
  articleId: string;
  id: string;
  validFrom: string;
  validTo: string | null;
  contentHash: string;
  status: string;
}

/** Whether the graph holds a complete history build (then `cgct replay` applies amendments the history way). */
export async function isHistoryGraph(driver: Driver): Promise<boolean> {
  const rows = await readRows(driver, "MATCH (b:HistoryBuild {key: 'graph', state: 'complete'}) RETURN b.key AS key");
  return rows.length > 0;
}

/** Every article's life, for the look-up an amendment resolves against. */
export async function readLives(driver: Driver): Promise<StoredLife[]> {
  return readRows<StoredLife>(driver, 'MATCH (a:Article) RETURN a.id AS id, coalesce(a.periods, []) AS periods, coalesce(a.sources, []) AS sources, a.legiarti AS legiarti, a.textSource AS textSource');
}

/** The versions and citations of these articles that hold on `date`. */
export async function readHoldingOn(driver: Driver, ids: string[], date: string): Promise<{ versions: StoredVersion[]; citations: StoredCitation[] }> {
  const versions = await readRows<StoredVersion>(
    driver,
    `UNWIND $ids AS id MATCH (:Article {id: id})-[:HAS_VERSION]->(v:ArticleVersion)
     WHERE v.validFrom <= $date AND (v.validTo IS NULL OR v.validTo > $date)
     RETURN id AS articleId, v.id AS id, v.validFrom AS validFrom, v.validTo AS validTo, v.contentHash AS contentHash, v.status AS status`,
    { ids, date },
  );
  const citations = await readRows<StoredCitation>(
    driver,
    `UNWIND $ids AS id MATCH (:Article {id: id})-[r:CITES]->(t)
     WHERE r.validFrom <= $date AND (r.validTo IS NULL OR r.validTo > $date)
     RETURN elementId(r) AS elementId, id AS from, labels(t)[0] AS toLabel, t.id AS to, coalesce(r.key, '') AS key,
            r.validFrom AS validFrom, r.validTo AS validTo, r.reason AS reason, r.evidence AS evidence`,
    { ids, date },
  );
  return { versions, citations };
}

/** What the graph holds for articles of other codes an amendment cites (see apply-amendment's adoptCodeTargets). */
export interface CodeTargets {
  /** Keys held as an article or as an "absent from the code" target. */
  labels: Map<string, 'Article' | 'UnresolvedTarget'>;
  /** The codes loaded (their articles are in the graph). */
  loadedCodes: Set<string>;
}

/** Reads which of these keys the graph holds as another code's article or as absent from its code, and which codes are loaded. */
export async function readCodeTargets(driver: Driver, ids: string[]): Promise<CodeTargets> {
  const [row] = await readRows<{ articles: string[]; absent: string[]; codes: string[] }>(
    driver,
    `CALL () { UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN collect(a.id) AS articles }
     CALL () { UNWIND $ids AS id MATCH (u:UnresolvedTarget {id: id}) RETURN collect(u.id) AS absent }
     CALL () { MATCH (c:Code) WHERE c.id <> 'CGCT' AND c.articlesHash IS NOT NULL RETURN collect(c.id) AS codes }
     RETURN articles, absent, codes`,
    { ids: [...new Set(ids)] },
  );
  const labels = new Map<string, 'Article' | 'UnresolvedTarget'>();
  for (const id of row?.absent ?? []) labels.set(id, 'UnresolvedTarget');
  for (const id of row?.articles ?? []) labels.set(id, 'Article');
  return { labels, loadedCodes: new Set(row?.codes ?? []) };
}

/** Everything one amendment writes. */
export interface AmendmentWrites {
  amendment: { id: string; props: Record<string, unknown> };
  /** Target nodes (texts, external articles, unresolved numbers) merged by label and id; `reason` set when given. */
  targets: Array<{ label: string; id: string; props: Record<string, unknown> }>;
  /** Article properties to set (created when new). */
  articles: Array<{ id: string; props: Record<string, unknown> }>;
  /** Sections merged (props set on creation only) and table-of-contents relationships. */
  sections: Array<{ id: string; props: Record<string, unknown> }>;
  contains: Array<{ fromLabel: string; from: string; to: string; toLabel: string; props: Record<string, unknown> }>;
  /** External articles' texts (`PART_OF`), merged. */
  partOf: Array<{ from: string; to: string; props: Record<string, unknown> }>;
  /** Articles whose place in today's table of contents is removed (repealed) or redone (moved). */
  uncontained: string[];
  /** Versions ending on the amendment's date. */
  closedVersions: Array<{ id: string; validTo: string }>;
  /** New versions, with the amendment that made them. */
  versions: Array<{ articleId: string; id: string; props: Record<string, unknown> }>;
  repeals: Array<{ articleId: string; date: string }>;
  renumberings: Array<{ from: string; to: string; props: Record<string, unknown> }>;
  /** Citations: closed (validTo set), deleted (would have lasted no time), updated, created. */
  closedCitations: Array<{ elementId: string; validTo: string }>;
  deletedCitations: string[];
  updatedCitations: Array<{ elementId: string; props: Record<string, unknown> }>;
  newCitations: Array<{ from: string; toLabel: string; to: string; props: Record<string, unknown> }>;
  /** Unresolved targets whose reason changes (a number that came into force was "not yet in force" before). */
  targetReasons: Array<{ id: string; reason: string; inForceFrom: string }>;
}

/** Writes one amendment in one transaction. */
export async function writeAmendment(driver: Driver, writes: AmendmentWrites): Promise<void> {
  const session = openSession(driver, 'WRITE');
  let step = 'the amendment';
  // The statements are sent one after the other without waiting for each answer (the driver
  // pipelines them; Neo4j runs them in order): a round trip per statement was most of a small
  // amendment's time. A statement with no rows is not sent.
  const statements: Array<{ what: string; cypher: string; params: Record<string, unknown> }> = [];
  const add = (what: string, cypher: string, params: Record<string, unknown>) => {
    const rows = (params.rows ?? params.ids) as unknown[] | undefined;
    if (rows === undefined || rows.length > 0) statements.push({ what, cypher, params });
  };
  try {
    await session.executeWrite(async (tx) => {
      statements.length = 0;
      add('the amendment', 'MERGE (m:Amendment {id: $id}) SET m += $props', writes.amendment);
      // Labels come from the closed lists of graph-records.ts, never from input.
      // A text the history named without a link takes the Légifrance id the amendment's link gives (never another one's).
      for (const [label, rows] of groupBy(writes.targets, (row) => row.label)) {
        add(`${label} targets`, `UNWIND $rows AS row MERGE (n:${label} {id: row.id}) ON CREATE SET n += row.props
          SET n.legifranceId = coalesce(n.legifranceId, row.props.legifranceId)
          WITH n, row WHERE row.props.reason IS NOT NULL SET n.reason = row.props.reason`, { rows });
      }
      add('external articles', 'UNWIND $rows AS row MATCH (e:ExternalArticle {id: row.from}) MATCH (t:LegalText {id: row.to}) MERGE (e)-[r:PART_OF]->(t) ON CREATE SET r += row.props', { rows: writes.partOf });
      add('articles', 'UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row.props', { rows: writes.articles });
      // A section keeps its place (sortKey) but takes the title an amendment gives it (a renamed folder),
      // unless it has a better one (a title printed by a source over one rebuilt from a slug).
      add('sections', `UNWIND $rows AS row MERGE (s:Section {id: row.id}) ON CREATE SET s += row.props
        ON MATCH SET s.title = CASE WHEN row.props.titleRank >= coalesce(s.titleRank, 0) THEN row.props.title ELSE s.title END,
                     s.titleRank = CASE WHEN row.props.titleRank >= coalesce(s.titleRank, 0) THEN row.props.titleRank ELSE s.titleRank END`, { rows: writes.sections });
      add('table of contents', "UNWIND $ids AS id MATCH (:Article {id: id})<-[c:CONTAINS]-() DELETE c", { ids: writes.uncontained });
      for (const [fromLabel, rows] of groupBy(writes.contains, (row) => `${row.fromLabel}|${row.toLabel}`)) {
        const [from, to] = fromLabel.split('|');
        add('table of contents', `UNWIND $rows AS row MATCH (p:${from} {id: row.from}) MATCH (c:${to} {id: row.to}) MERGE (p)-[r:CONTAINS]->(c) ON CREATE SET r += row.props`, { rows });
      }
      add('closed versions', 'UNWIND $rows AS row MATCH (v:ArticleVersion {id: row.id}) SET v.validTo = row.validTo', { rows: writes.closedVersions });
      add('new versions', `MATCH (m:Amendment {id: $amendment})
        UNWIND $rows AS row MATCH (a:Article {id: row.articleId})
        MERGE (v:ArticleVersion {id: row.id}) SET v += row.props
        MERGE (a)-[:HAS_VERSION]->(v)
        WITH v, m, COUNT { (v)-[:MADE_BY]->() } AS made
        MERGE (v)-[r:MADE_BY]->(m) ON CREATE SET r.order = made`, { rows: writes.versions, amendment: writes.amendment.id });
      add('repeals', `MATCH (m:Amendment {id: $amendment}) UNWIND $rows AS row MATCH (a:Article {id: row.articleId}) MERGE (a)-[r:REPEALED_IN]->(m) SET r.date = row.date`, { rows: writes.repeals, amendment: writes.amendment.id });
      add('renumberings', 'UNWIND $rows AS row MATCH (o:Article {id: row.from}) MATCH (n:Article {id: row.to}) MERGE (o)-[r:RENUMBERED_AS]->(n) SET r += row.props', { rows: writes.renumberings });
      add('closed citations', 'UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.elementId SET r.validTo = row.validTo REMOVE r.evidence', { rows: writes.closedCitations });
      add('deleted citations', 'UNWIND $ids AS id MATCH ()-[r]->() WHERE elementId(r) = id DELETE r', { ids: writes.deletedCitations });
      add('updated citations', 'UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.elementId SET r += row.props', { rows: writes.updatedCitations });
      for (const [toLabel, rows] of groupBy(writes.newCitations, (row) => row.toLabel)) {
        add('new citations', `UNWIND $rows AS row MATCH (a:Article {id: row.from}) MATCH (t:${toLabel} {id: row.to}) CREATE (a)-[r:CITES]->(t) SET r += row.props`, { rows });
      }
      add('target reasons', 'UNWIND $rows AS row MATCH (u:UnresolvedTarget {id: row.id}) SET u.reason = row.reason, u.candidates = [], u.inForceFrom = coalesce(u.inForceFrom, row.inForceFrom)', { rows: writes.targetReasons });
      // Targets no citation points to any more (a citation that would have lasted no time was deleted).
      add('orphan targets', 'MATCH (u:UnresolvedTarget) WHERE NOT ()-[:CITES|MENTIONS]->(u) DETACH DELETE u', {});
      add('empty sections', 'MATCH (s:Section) WHERE NOT (s)-[:CONTAINS]->() DETACH DELETE s', {});
      add('the revision', BUMP_GRAPH_REVISION, {});
      const pending = statements.map((statement) => tx.run(statement.cypher, statement.params).then(
        () => undefined,
        (error: unknown) => {
          step = statement.what;
          throw error;
        },
      ));
      await Promise.all(pending);
    });
  } catch (error) {
    throw explainQueryError(error, `write ${step}`);
  } finally {
    await session.close();
  }
}
