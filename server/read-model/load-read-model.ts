/**
 * Reads the read model out of Neo4j in one read transaction: the revision, every node an article
 * can be linked to, every relationship of the link types, then the revision again (a write that
 * committed in between makes the load start over, so the model is one revision's graph).
 * These statements are the read model's only Cypher; the queries it answers are in
 * graph-repository.ts, whose results it must equal (tests/server/read-model.test.ts).
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { NO_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { toPlain } from '../to-plain.ts';
import { LINK_TYPES } from '../types.ts';
import type { ModelNode, ModelRelationship, ReadModelData } from './types.ts';

const REVISION = "OPTIONAL MATCH (r:GraphRevision {key: 'graph'}) RETURN r.value AS value";

// Lists rather than maps: tens of thousands of rows, and map keys would be most of the bytes.
const NODES = `
MATCH (n) WHERE n:Article OR n:ExternalArticle OR n:LegalText OR n:UnresolvedTarget OR n:Document
RETURN [elementId(n), n.id, labels(n), n.number, n.status, n.part, n.title, n.textId, n.reason, left(n.text, 160), left(n.text, 240),
        n.periods, n.sortKey, n.code, n.candidates, n.inForceFrom, n.repealedOn, n.repealedBy, n.snapshotDate,
        CASE WHEN n:ExternalArticle THEN head([(n)-[:PART_OF]->(t:LegalText) | t.legifranceId]) ELSE n.legifranceId END, n.legiarti] AS row`;
const ARTICLES = `
MATCH (a:Article)
RETURN [elementId(a), a.text, a.html, a.validFrom, a.validTo, a.sources, a.contentHash,
        [(a)-[:REPEALED_IN]->(m:Amendment) | [m.date, m.title]],
        [(a)-[:HAS_VERSION]->(v:ArticleVersion) | [v.validFrom, v.validTo, v.text, v.html, v.contentHash, v.status, v.source,
          [(v)-[made:MADE_BY]->(m:Amendment) | [made.order, m.date, m.id, m.title, m.source]],
          [(v)-[e:ENACTED_BY]->(t:LegalText) | [elementId(t), e.heading, e.article, e.status, e.source]]]]] AS row`;
const RENUMBERINGS = `
MATCH (o:Article)-[r:RENUMBERED_AS]->(n:Article)
RETURN [elementId(o), elementId(n), r.date, r.evidence] AS row`;
const RELATIONSHIPS = `
MATCH (a)-[r]->(b) WHERE type(r) IN $types
RETURN [elementId(a), elementId(b), type(r), r.via, r.sources, r.pinpoints, r.spans, r.hrefDisagrees, r.viaRange, r.validFrom, r.validTo, r.reason] AS row`;

type Row = unknown[];
const str = (value: unknown) => (value === null || value === undefined ? null : String(value));
const strs = (value: unknown) => (Array.isArray(value) ? value.map(String) : null);

function compareNullable(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return (a as string | number) < (b as string | number) ? -1 : 1;
}

const compareAmendments = (a: Row, b: Row) => compareNullable(a[0], b[0]) || compareNullable(a[1], b[1]) || compareNullable(a[2], b[2]);

async function rows(tx: ManagedTransaction, statement: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  const result = await tx.run(statement, params);
  return result.records.map((record) => record.get('row') as Row);
}

async function readRevision(tx: ManagedTransaction): Promise<string> {
  const result = await tx.run(REVISION);
  return str(result.records[0]?.get('value')) ?? NO_GRAPH_REVISION;
}

/** Builds the model from the graph; null when the graph changed during the load (try again). */
export async function loadReadModel(driver: Driver, database: string | undefined): Promise<ReadModelData | null> {
  const session = driver.session({ database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(async (tx) => {
      const revision = await readRevision(tx);
      const nodes: ModelNode[] = [];
      const byElementId = new Map<string, ModelNode>();
      for (const row of await rows(tx, NODES)) {
        const labels = (row[2] as string[]).map(String);
        const node: ModelNode = {
          index: nodes.length,
          id: String(row[1]),
          labels,
          isArticle: labels.includes('Article'),
          isLegalText: labels.includes('LegalText'),
          isUnresolved: labels.includes('UnresolvedTarget'),
          number: str(row[3]),
          status: str(row[4]),
          part: str(row[5]),
          title: str(row[6]),
          textId: str(row[7]),
          reason: str(row[8]),
          excerpt160: str(row[9]),
          excerpt240: str(row[10]),
          periods: strs(row[11]),
          sortKey: str(row[12]),
          code: str(row[13]),
          candidates: strs(row[14]),
          inForceFrom: str(row[15]),
          repealedOn: str(row[16]),
          repealedBy: str(row[17]),
          snapshotDate: str(row[18]),
          legifranceId: str(row[19]),
          legiarti: str(row[20]),
          text: null,
          html: null,
          validFrom: null,
          validTo: null,
          sources: null,
          contentHash: null,
          repealedIn: [],
          versions: [],
          outgoing: [],
          incoming: [],
          rows: new Map(),
          renumberedFrom: [],
          renumberedTo: [],
        };
        nodes.push(node);
        byElementId.set(String(row[0]), node);
      }
      for (const row of await rows(tx, ARTICLES)) {
        const node = byElementId.get(String(row[0]))!;
        node.text = str(row[1]);
        node.html = str(row[2]);
        node.validFrom = str(row[3]);
        node.validTo = str(row[4]);
        node.sources = strs(row[5]);
        node.contentHash = str(row[6]);
        node.repealedIn = (row[7] as Row[]).map((m) => [str(m[0]), str(m[1])]);
        // The current version's text is the article's: one string kept, not two.
        const same = (value: string | null, current: string | null) => (value !== null && value === current ? current : value);
        node.versions = (row[8] as Row[]).map((v) => ({
          validFrom: str(v[0]), validTo: str(v[1]), text: same(str(v[2]), node.text), html: same(str(v[3]), node.html), contentHash: str(v[4]), status: str(v[5]), source: str(v[6]),
          // ORDER BY made.order, m.date, m.id (nulls last).
          amendments: (v[7] as Row[]).map((m) => toPlain(m) as Row).sort(compareAmendments).map((m) => ({ id: m[2] ?? null, title: m[3] ?? null, date: m[1] ?? null, source: m[4] ?? null })),
          enactedBy: (v[8] as Row[]).map((e) => {
            const text = byElementId.get(String(e[0]));
            if (!text) throw new Error(`read model: an ENACTED_BY text ${String(e[0])} is not among its nodes`);
            return { text: text.index, heading: e[1] ?? null, article: e[2] ?? null, status: e[3] ?? null, source: e[4] ?? null };
          }),
        }));
      }
      for (const row of await rows(tx, RENUMBERINGS)) {
        const former = byElementId.get(String(row[0]))!;
        const next = byElementId.get(String(row[1]))!;
        former.renumberedTo.push({ article: next, date: str(row[2]), evidence: str(row[3]) });
        next.renumberedFrom.push({ article: former, date: str(row[2]), evidence: str(row[3]) });
      }
      const relationships: ModelRelationship[] = [];
      for (const row of await rows(tx, RELATIONSHIPS, { types: [...LINK_TYPES] })) {
        const from = byElementId.get(String(row[0]));
        const to = byElementId.get(String(row[1]));
        // A link type between nodes the model does not hold: the model would answer wrong, so none.
        if (!from || !to) throw new Error(`read model: a ${String(row[2])} relationship from ${String(row[0])} to ${String(row[1])} leaves the nodes it holds`);
        const index = relationships.length;
        relationships.push({
          from: from.index,
          to: to.index,
          type: String(row[2]),
          via: strs(row[3]),
          sources: strs(row[4]),
          pinpoints: strs(row[5]),
          spans: Array.isArray(row[6]) ? (row[6] as unknown[]).map((n) => toPlain(n) as number) : null,
          hrefDisagrees: str(row[7]),
          viaRange: typeof row[8] === 'boolean' ? row[8] : null,
          validFrom: str(row[9]),
          validTo: str(row[10]),
          reason: str(row[11]),
        });
        from.outgoing.push(index);
        to.incoming.push(index);
      }
      if ((await readRevision(tx)) !== revision) return null;
      const articles = new Map<string, ModelNode>();
      for (const node of nodes) if (node.isArticle) articles.set(node.id, node);
      const articlesById = [...articles.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const articlesBySortKey = articlesById.filter((a) => a.sortKey !== null).sort((a, b) => (a.sortKey! < b.sortKey! ? -1 : a.sortKey! > b.sortKey! ? 1 : 0));
      const otherCodes = [...new Set(articlesById.filter((a) => a.code !== null).map((a) => a.code!))];
      return { revision, nodes, relationships, articles, articlesById, articlesBySortKey, otherCodes };
    });
  } finally {
    await session.close();
  }
}
