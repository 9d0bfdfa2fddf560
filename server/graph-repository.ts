/**
 * All the Cypher of the server, and nothing else: every statement is a constant with parameters
 * (variable-length bounds, which Cypher cannot take as parameters, are generated at load time from
 * fixed ranges, never from input), every read goes through `executeRead` (a cluster routes it to
 * a follower) with the per-query timeout, and every result leaves as plain JS.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { NO_GRAPH_REVISION } from '../graph-schema/graph-revision.ts';
import { toGraphNode, toPart, toStatus, type RawNode } from './graph-node.ts';
import { asString, asStrings, toPlain } from './to-plain.ts';
import { toExcerpt } from './excerpt.ts';
import type {
  ArticleRecord,
  ArticleSummary,
  ArticleVersionRecord,
  DirectionName,
  GraphEdge,
  ImpactRecord,
  LinkGroup,
  LinkTypeName,
  Neighborhood,
  PathRecord,
  ProvenanceName,
  ReferenceRecord,
  RelatedLinkGroup,
  SearchHit,
  SectionRecord,
  StatsRecord,
  UnresolvedRecord,
} from './types.ts';

/** How to reach the graph. */
export interface GraphRepositoryOptions {
  driver: Driver;
  /** Database name; undefined: the server's default. */
  database?: string;
  /** Neo4j aborts any transaction running longer (transaction timeout), in milliseconds. */
  queryTimeoutMs: number;
}

/** `asOf` as the repository takes it: an ISO date string, or null for the current graph. */
type AsOf = string | null;

// Projections shared by the statements below (constant text, no input inside).
const nodeFields = (v: string) =>
  `{id: ${v}.id, labels: labels(${v}), number: ${v}.number, status: ${v}.status, part: ${v}.part, title: ${v}.title, textId: ${v}.textId, reason: ${v}.reason, excerpt: left(${v}.text, 160)}`;
const summaryFields = (v: string) => `{id: ${v}.id, number: ${v}.number, status: ${v}.status, excerpt: left(${v}.text, 240)}`;
// The current graph is what has validTo IS NULL; "as of" d: validFrom <= d < validTo (README, Time).
// Dates compare as ISO strings, whether stored as strings or as Neo4j dates.
const citesValid = (r: string) =>
  `(type(${r}) <> 'CITES' OR ($asOf IS NULL AND ${r}.validTo IS NULL) OR ($asOf IS NOT NULL AND coalesce(toString(${r}.validFrom), '') <= $asOf AND (${r}.validTo IS NULL OR toString(${r}.validTo) > $asOf)))`;
// An article exists at d when its current version or an older one had begun, and it was not yet repealed.
const articleValid = (a: string) =>
  `(NOT ${a}:Article OR $asOf IS NULL OR ((${a}.validFrom IS NULL OR toString(${a}.validFrom) <= $asOf OR EXISTS { (${a})-[:HAS_VERSION]->(old:ArticleVersion) WHERE toString(old.validFrom) <= $asOf }) AND (${a}.validTo IS NULL OR toString(${a}.validTo) > $asOf)))`;

const ARTICLE = `
MATCH (a:Article {id: $id}) WHERE ${articleValid('a')}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion)
  WHERE $asOf IS NOT NULL AND toString(v.validFrom) <= $asOf AND (v.validTo IS NULL OR toString(v.validTo) > $asOf)
  RETURN v ORDER BY toString(v.validFrom) DESC LIMIT 1
}
RETURN a {.id, .number, .part, .status, .text, .html, .validFrom, .validTo, .sources, .sortKey, .contentHash} AS article,
       v {.text, .html, .validFrom, .validTo, .contentHash} AS version`;

// From the part down: the article's sections, or the section's ancestors and itself. The label
// on x lets the planner start from the id index and walk up.
const breadcrumb = (label: 'Article' | 'Section') => `
MATCH p = (:Code)-[:CONTAINS*]->(x:${label} {id: $id})
WITH p LIMIT 1
UNWIND ${label === 'Article' ? 'nodes(p)[1..-1]' : 'nodes(p)[1..]'} AS s
RETURN s {.id, .kind, .title} AS section`;
const ARTICLE_BREADCRUMB = breadcrumb('Article');
const SECTION_BREADCRUMB = breadcrumb('Section');

// Family bounds: "L|" < every L key < "L}" ('}' follows '|'), so both are range seeks on sortKey.
const PREVIOUS_NEXT = `
CALL { OPTIONAL MATCH (p:Article) WHERE p.sortKey > $familyStart AND p.sortKey < $key
       RETURN p ORDER BY p.sortKey DESC LIMIT 1 }
CALL { OPTIONAL MATCH (n:Article) WHERE n.sortKey > $key AND n.sortKey < $familyEnd
       RETURN n ORDER BY n.sortKey LIMIT 1 }
RETURN ${summaryFields('p')} AS previous, ${summaryFields('n')} AS next`;

const REFERENCES = `
MATCH (:Article {id: $id})-[r:CITES]->(t) WHERE ${citesValid('r')}
RETURN ${nodeFields('t')} AS target, t.code AS code, t.candidates AS candidates, t.sortKey AS sortKey,
       r {.via, .sources, .pinpoints, .spans, .hrefDisagrees, .viaRange} AS rel`;

const linkGroups = (pattern: string) => `
MATCH ${pattern} WHERE type(r) IN $types AND ${citesValid('r')}
WITH type(r) AS type, collect(DISTINCT n) AS others
RETURN type, size(others) AS count, [x IN others[..200] | ${nodeFields('x')}] AS nodes
ORDER BY type`;
const OUTGOING = linkGroups('(:Article {id: $id})-[r]->(n)');
const INCOMING = linkGroups('(:Article {id: $id})<-[r]-(n)');

const RELATED_LINKS = `
MATCH (:Article {id: $id})-[r]->(t:LegalText) WHERE type(r) IN $types
RETURN type(r) AS type, r.heading AS heading, r.article AS article, r.status AS status, ${nodeFields('t')} AS text
UNION ALL
MATCH (:Article {id: $id})-[r:CITES]->(t) WHERE 'metadata' IN r.via AND ${citesValid('r')}
RETURN 'CITES' AS type, 'Cite' AS heading, t.number AS article, null AS status, ${nodeFields('t')} AS text
UNION ALL
MATCH (:Article {id: $id})<-[r:CITES]-(t) WHERE 'metadata' IN r.via AND ${citesValid('r')}
RETURN 'CITES' AS type, 'Cité par' AS heading, t.number AS article, null AS status, ${nodeFields('t')} AS text`;

const VERSIONS = `
MATCH (:Article {id: $id})-[:HAS_VERSION]->(v:ArticleVersion)
OPTIONAL MATCH (v)-[:MADE_BY]->(m:Amendment)
RETURN v {.validFrom, .validTo, .text} AS version, m.title AS amendedBy
ORDER BY toString(v.validFrom) DESC`;

const GRAPH_REVISION = "MATCH (r:GraphRevision {key: 'graph'}) RETURN r.value AS value";

const SECTION = 'MATCH (s:Section {id: $id}) RETURN s {.id, .kind, .title} AS section';
// Sections in order: CONTAINS.order when the ingest gave one, else the section's sortKey (the
// code-order key of its first article, as the ingest writes it: sections hold contiguous runs of
// articles). Computing the first article here instead costs a walk of the subtree: 300 ms at the top.
const TABLE_OF_CONTENTS = `
MATCH (:Code)-[c:CONTAINS]->(s:Section)
RETURN s {.id, .kind, .title} AS section ORDER BY c.order, s.sortKey, s.id`;
const CHILD_SECTIONS = `
UNWIND $ids AS id
MATCH (:Section {id: id})-[c:CONTAINS]->(s:Section)
WITH id, s ORDER BY c.order, s.sortKey, s.id
RETURN id, collect(s {.id, .kind, .title}) AS sections`;
const SECTION_ARTICLES = `
UNWIND $ids AS id
MATCH (:Section {id: id})-[c:CONTAINS]->(a:Article)
WITH id, a ORDER BY c.order, a.sortKey
RETURN id, collect(${summaryFields('a')}) AS articles`;

// Exact id first, then the code order: "L. 2131" lists L2131-1, L2131-2, …
const SEARCH_NUMBER = `
MATCH (a:Article) WHERE a.id STARTS WITH $prefix AND ${articleValid('a')}
WITH a ORDER BY a.id = $prefix DESC, a.sortKey
WITH collect(a) AS hits
RETURN size(hits) AS total,
       [x IN hits[$skip..$skip + $limit] | {article: ${summaryFields('x')}, text: x.text, score: CASE x.id WHEN $prefix THEN 2.0 ELSE 1.0 END}] AS page`;

const SEARCH_WORDS = `
CALL db.index.fulltext.queryNodes('article_text', $query, {limit: $window}) YIELD node, score
WHERE ${articleValid('node')}
WITH collect({node: node, score: score}) AS hits
RETURN size(hits) AS total,
       [x IN hits[$skip..$skip + $limit] | {article: ${summaryFields('x.node')}, text: x.node.text, score: x.score}] AS page`;

const CENTER = `MATCH (c:Article {id: $id}) WHERE ${articleValid('c')} RETURN elementId(c) AS eid, ${nodeFields('c')} AS node`;

// One breadth-first step: the neighbours of the frontier not yet seen, articles first in code
// order, at most $limit. The first step also finds the centre, the last also returns every edge
// of the chosen types between kept nodes (an edge never leaves the payload): depth d costs d
// statements. Twelve constant variants: 3 directions × first step or not × with edges or not.
// Texts (laws, decrees, other codes) are leaves: the walk shows the law that modified an article
// but does not go on to the hundreds of other articles that law touched, which would fill the
// limit with noise (and cost most of the time).
const neighbourStep = (pattern: string, first: boolean, withEdges: boolean) => `
${first ? `MATCH (c:Article {id: $id}) WHERE ${articleValid('c')} WITH c, [elementId(c)] AS frontier, [elementId(c)] AS seen` : 'WITH $frontier AS frontier, $seen AS seen'}
CALL (frontier, seen) {
  UNWIND frontier AS fid
  MATCH (f) WHERE elementId(f) = fid AND NOT f:LegalText
  MATCH ${pattern}
  WHERE type(r) IN $types AND ${citesValid('r')} AND ${articleValid('n')} AND NOT elementId(n) IN seen
  WITH DISTINCT n
  ORDER BY CASE WHEN n:Article THEN 0 ELSE 1 END, n.sortKey, n.id
  LIMIT $limit
  RETURN collect({eid: elementId(n), node: ${nodeFields('n')}}) AS found
}
${withEdges ? `WITH *, seen + [x IN found[..$room] | x.eid] AS ids
CALL (ids) {
  UNWIND ids AS aid
  MATCH (a) WHERE elementId(a) = aid
  MATCH (a)-[r]->(b)
  WHERE type(r) IN $types AND elementId(b) IN ids AND ${citesValid('r')}
  RETURN collect([a.id, b.id, type(r), r.via, r.pinpoints]) AS edges
}` : ''}
RETURN ${first ? `elementId(c) AS eid, ${nodeFields('c')} AS node, ` : ''}found${withEdges ? ', edges' : ''}`;
const PATTERNS: Record<DirectionName, string> = { OUTGOING: '(f)-[r]->(n)', INCOMING: '(f)<-[r]-(n)', BOTH: '(f)-[r]-(n)' };
const NEIGHBOUR_STEPS = new Map<string, string>();
for (const direction of Object.keys(PATTERNS) as DirectionName[]) {
  for (const first of [true, false]) {
    for (const withEdges of [true, false]) NEIGHBOUR_STEPS.set(`${direction}|${first}|${withEdges}`, neighbourStep(PATTERNS[direction], first, withEdges));
  }
}

// Every edge of the chosen types between kept nodes, when the walk ended before its last step.
const EDGES_AMONG = `
UNWIND $ids AS aid
MATCH (a) WHERE elementId(a) = aid
MATCH (a)-[r]->(b)
WHERE type(r) IN $types AND elementId(b) IN $ids AND ${citesValid('r')}
RETURN [a.id, b.id, type(r), r.via, r.pinpoints] AS edge`;

const ENDPOINTS = 'MATCH (a:Article) WHERE a.id IN [$from, $to] RETURN collect(a.id) AS found';
const pathQuery = (length: number, directed: boolean) => `
MATCH (a:Article {id: $from}), (b:Article {id: $to})
MATCH p = shortestPath((a)-[:CITES*..${length}]-${directed ? '>' : ''}(b))
WHERE all(r IN relationships(p) WHERE ${citesValid('r')})
RETURN [n IN nodes(p) | ${nodeFields('n')}] AS nodes,
       [r IN relationships(p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), via: r.via, pinpoints: r.pinpoints}] AS edges`;
/** Longest chain `path` considers. */
export const MAX_PATH_LENGTH = 8;
const PATH_QUERIES = new Map<string, string>();
for (let length = 1; length <= MAX_PATH_LENGTH; length++) {
  for (const directed of [true, false]) PATH_QUERIES.set(`${length}|${directed}`, pathQuery(length, directed));
}

const IMPACT_HOP = `
UNWIND $frontier AS fid
MATCH (f) WHERE elementId(f) = fid
MATCH (d:Article)-[r:CITES]->(f)
WHERE ${citesValid('r')} AND ${articleValid('d')}
RETURN DISTINCT elementId(d) AS eid, ${summaryFields('d')} AS article, d.sortKey AS sortKey`;

const UNRESOLVED = `
CALL { MATCH (u:UnresolvedTarget) RETURN count(u) AS total }
MATCH (u:UnresolvedTarget)
OPTIONAL MATCH (s)-[:CITES|MENTIONS]->(u)
WITH total, u, collect(DISTINCT s) AS citers
ORDER BY size(citers) DESC, u.id
SKIP $skip LIMIT $limit
RETURN total, u {.id, .number, .code, .reason, .candidates} AS target, [x IN citers | ${nodeFields('x')}] AS citedBy`;

const STATS = `
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (a:Article {status: 'in-force'}) RETURN count(a) AS articlesInForce }
CALL { MATCH (s:Section) RETURN count(s) AS sections }
CALL { MATCH ()-[r:CITES]->() WHERE r.validTo IS NULL RETURN count(r) AS citations }
CALL { MATCH (e:ExternalArticle) RETURN count(e) AS externalArticles }
CALL { MATCH (t:LegalText) RETURN count(t) AS legalTexts }
CALL { MATCH (u:UnresolvedTarget) RETURN count(u) AS unresolvedTargets }
CALL { MATCH (d:Document) RETURN count(d) AS documents }
RETURN articles, articlesInForce, sections, citations, externalArticles + legalTexts AS externalTargets, unresolvedTargets, documents`;

const MOST_CITED = `
MATCH (a:Article)<-[r:CITES]-(s) WHERE r.validTo IS NULL AND s <> a
WITH a, count(DISTINCT s) AS count
ORDER BY count DESC, a.sortKey LIMIT $limit
RETURN ${summaryFields('a')} AS article, count`;

const PROVENANCE: Record<string, ProvenanceName> = { text: 'TEXT', link: 'LINK', metadata: 'METADATA' };
const METADATA_TYPES: LinkTypeName[] = ['CREATED_BY', 'MODIFIED_BY', 'REPEALED_BY', 'CODIFIED_BY', 'TRANSFERRED_BY', 'FORMER_TEXT', 'NEW_TEXT', 'RELATED_TO'];

function toProvenance(value: unknown): ProvenanceName[] {
  return asStrings(value).flatMap((via) => (PROVENANCE[via] ? [PROVENANCE[via]] : []));
}

function toSummary(raw: unknown): ArticleSummary {
  const row = raw as Record<string, unknown>;
  return { id: String(row.id), number: asString(row.number) ?? String(row.id), status: toStatus(row.status), excerpt: toExcerpt(asString(row.excerpt) ?? '') };
}

// Edges of a neighbourhood travel as lists [source, target, type, via, pinpoints]: hundreds of
// them, and map keys would be most of the bytes the driver decodes.
type EdgeRow = Record<string, unknown> | unknown[];

function toEdge(row: EdgeRow): GraphEdge {
  const [source, target, type, via, pinpoints] = Array.isArray(row) ? row : [row.source, row.target, row.type, row.via, row.pinpoints];
  const edgeType = String(type) as LinkTypeName;
  return { id: `${String(source)}|${edgeType}|${String(target)}`, source: String(source), target: String(target), type: edgeType, via: toProvenance(via), pinpoints: asStrings(pinpoints) };
}

// Reads run in read transactions: a cluster routes them to followers, a read-only user suffices.
async function readRows(options: GraphRepositoryOptions, work: (tx: ManagedTransaction) => Promise<Array<Record<string, unknown>>>) {
  const session = options.driver.session({ database: options.database, defaultAccessMode: 'READ' });
  try {
    return await session.executeRead(work, { timeout: options.queryTimeoutMs });
  } finally {
    await session.close();
  }
}

// JS numbers travel as floats; SKIP, LIMIT and list slices need Cypher integers.
function toCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) converted[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  return converted;
}

async function runRows(tx: ManagedTransaction, query: string, params: Record<string, unknown>) {
  const result = await tx.run(query, toCypherParams(params));
  return result.records.map((record) => toPlain(record.toObject()) as Record<string, unknown>);
}

/** The graph's read API, in plain JS. */
export type GraphRepository = ReturnType<typeof createGraphRepository>;

/** Creates the repository over a driver (the caller owns and closes the driver). */
export function createGraphRepository(options: GraphRepositoryOptions) {
  const query = (cypher: string, params: Record<string, unknown> = {}) => readRows(options, (tx) => runRows(tx, cypher, params));

  return {
    /** Answers when Neo4j accepts a read (for /ready). */
    async ping(): Promise<void> {
      await query('RETURN 1 AS ok');
    },

    /** The graph's revision (graph-schema/graph-revision.ts): it changes whenever the data does. */
    async getGraphRevision(): Promise<string> {
      const [row] = await query(GRAPH_REVISION);
      return asString(row?.value) ?? NO_GRAPH_REVISION;
    },

    async getArticle(id: string, asOf: AsOf): Promise<ArticleRecord | null> {
      const [row] = await query(ARTICLE, { id, asOf });
      if (!row) return null;
      const article = row.article as Record<string, unknown>;
      const version = row.version as Record<string, unknown> | null;
      const shown = version ?? article;
      return {
        id: String(article.id),
        number: asString(article.number) ?? String(article.id),
        part: toPart(article.part),
        // A past version was in force during its interval, whatever became of the article since.
        status: version && version.validTo !== null ? 'IN_FORCE' : toStatus(article.status),
        text: asString(shown.text) ?? '',
        html: asString(shown.html) ?? '',
        validFrom: asString(shown.validFrom),
        validTo: asString(shown.validTo),
        sources: asStrings(article.sources),
        sortKey: asString(article.sortKey) ?? '',
        // Citation spans point into the current text: they mean nothing in an older one.
        spansApply: !version || version.contentHash === article.contentHash,
      };
    },

    /** The sections holding an article, or a section's ancestors and itself, from the top. */
    async getBreadcrumb(of: 'Article' | 'Section', id: string): Promise<SectionRecord[]> {
      return (await query(of === 'Article' ? ARTICLE_BREADCRUMB : SECTION_BREADCRUMB, { id })).map((row) => row.section as SectionRecord);
    },

    async getPreviousNext(sortKey: string): Promise<{ previous: ArticleSummary | null; next: ArticleSummary | null }> {
      const family = sortKey.slice(0, sortKey.indexOf('|') + 1);
      const [row] = await query(PREVIOUS_NEXT, { key: sortKey, familyStart: family, familyEnd: `${family.slice(0, -1)}}` });
      const pick = (raw: unknown) => (raw && (raw as Record<string, unknown>).id ? toSummary(raw) : null);
      return { previous: pick(row?.previous), next: pick(row?.next) };
    },

    async getReferences(id: string, asOf: AsOf): Promise<ReferenceRecord[]> {
      const rows = await query(REFERENCES, { id, asOf });
      const references = rows.map((row) => {
        const rel = row.rel as Record<string, unknown>;
        const target = toGraphNode(row.target as RawNode);
        const resolution = target.kind === 'ARTICLE' ? 'RESOLVED' : target.kind === 'UNRESOLVED' ? 'UNRESOLVED' : 'EXTERNAL';
        const raw = row.target as RawNode;
        const code = target.kind === 'ARTICLE' ? 'CGCT' : target.kind === 'EXTERNAL_ARTICLE' ? String(raw.textId) : target.kind === 'LEGAL_TEXT' ? target.id : (asString(row.code) ?? 'CGCT');
        return {
          reference: {
            target,
            code,
            pinpoints: asStrings(rel.pinpoints),
            spans: Array.isArray(rel.spans) ? rel.spans.map(Number) : [],
            via: toProvenance(rel.via),
            sources: asStrings(rel.sources),
            resolution,
            reason: resolution === 'UNRESOLVED' ? asString(raw.reason) : null,
            candidates: asStrings(row.candidates),
            hrefDisagrees: asString(rel.hrefDisagrees),
            viaRange: rel.viaRange === true,
          } satisfies ReferenceRecord,
          order: asString(row.sortKey) ?? target.id,
        };
      });
      // Text order (first span); citations found only in the metadata follow, in code order.
      const start = (r: ReferenceRecord) => Math.min(...r.spans.filter((_, i) => i % 2 === 0), Number.POSITIVE_INFINITY);
      references.sort((a, b) => start(a.reference) - start(b.reference) || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
      return references.map((r) => r.reference);
    },

    async getLinkGroups(id: string, direction: 'OUTGOING' | 'INCOMING', asOf: AsOf): Promise<LinkGroup[]> {
      const rows = await query(direction === 'OUTGOING' ? OUTGOING : INCOMING, { id, asOf, types: [...METADATA_TYPES, 'CITES', 'MENTIONS'] });
      return rows.map((row) => ({ type: row.type as LinkTypeName, count: Number(row.count), nodes: (row.nodes as RawNode[]).map(toGraphNode) }));
    },

    async getRelatedLinks(id: string, asOf: AsOf): Promise<RelatedLinkGroup[]> {
      const rows = await query(RELATED_LINKS, { id, asOf, types: METADATA_TYPES });
      const groups = new Map<string, RelatedLinkGroup>();
      for (const row of rows) {
        const type = row.type as LinkTypeName;
        const heading = asString(row.heading) ?? type;
        const key = `${type}|${heading}`;
        if (!groups.has(key)) groups.set(key, { type, heading, entries: [] });
        groups.get(key)!.entries.push({ text: toGraphNode(row.text as RawNode), article: asString(row.article) || null, status: asString(row.status) || null });
      }
      return [...groups.values()];
    },

    async getVersions(id: string): Promise<ArticleVersionRecord[]> {
      return (await query(VERSIONS, { id })).map((row) => {
        const version = row.version as Record<string, unknown>;
        return { validFrom: asString(version.validFrom), validTo: asString(version.validTo), text: asString(version.text) ?? '', amendedBy: asString(row.amendedBy) };
      });
    },

    async getSection(id: string): Promise<SectionRecord | null> {
      const [row] = await query(SECTION, { id });
      return row ? (row.section as SectionRecord) : null;
    },

    async getTableOfContents(): Promise<SectionRecord[]> {
      return (await query(TABLE_OF_CONTENTS)).map((row) => row.section as SectionRecord);
    },

    /** The sections directly in each of the given sections, in order (one statement for all). */
    async getChildSections(ids: string[]): Promise<Map<string, SectionRecord[]>> {
      const rows = await query(CHILD_SECTIONS, { ids });
      return new Map(rows.map((row) => [String(row.id), row.sections as SectionRecord[]]));
    },

    /** The articles directly in each of the given sections, in order (one statement for all). */
    async getSectionArticles(ids: string[]): Promise<Map<string, ArticleSummary[]>> {
      const rows = await query(SECTION_ARTICLES, { ids });
      return new Map(rows.map((row) => [String(row.id), (row.articles as unknown[]).map(toSummary)]));
    },

    /** Articles whose id starts with a normalized (partial) number. */
    async searchByNumber(prefix: string, skip: number, limit: number, asOf: AsOf): Promise<{ total: number; hits: SearchHit[] }> {
      const [row] = await query(SEARCH_NUMBER, { prefix, skip, limit, asOf });
      return toSearchPage(row);
    },

    /** Articles matching a Lucene query on the French full-text index; `window` caps the count. */
    async searchByWords(luceneQuery: string, skip: number, limit: number, window: number, asOf: AsOf): Promise<{ total: number; hits: SearchHit[] }> {
      const [row] = await query(SEARCH_WORDS, { query: luceneQuery, skip, limit, window, asOf });
      return toSearchPage(row);
    },

    /** Breadth-first, one statement per hop in one transaction, so `limit` bounds the work too. */
    async getNeighborhood(id: string, depth: number, direction: DirectionName, types: LinkTypeName[], limit: number, asOf: AsOf): Promise<Neighborhood | null> {
      const rows = await readRows(options, async (tx) => {
        const kept = new Map<string, RawNode>();
        let frontier: string[] = [];
        let truncated = false;
        let edges: EdgeRow[] | undefined;
        for (let hop = 0; hop < depth; hop++) {
          const first = hop === 0;
          const last = hop === depth - 1;
          const room = limit - Math.max(kept.size, 1);
          const statement = NEIGHBOUR_STEPS.get(`${direction}|${first}|${last}`)!;
          const [row] = await runRows(tx, statement, { id, frontier, seen: [...kept.keys()], types, asOf, limit: room + 1, room });
          if (!row) return [];
          if (first) kept.set(String(row.eid), row.node as RawNode);
          const found = row.found as Array<{ eid: string; node: RawNode }>;
          if (found.length > room) truncated = true;
          frontier = [];
          for (const { eid, node } of found.slice(0, room)) {
            kept.set(eid, node);
            frontier.push(eid);
          }
          if (last) edges = row.edges as EdgeRow[];
          if (truncated || frontier.length === 0) break;
        }
        edges ??= (await runRows(tx, EDGES_AMONG, { ids: [...kept.keys()], types, asOf })).map((r) => r.edge as EdgeRow);
        return [{ truncated, nodes: [...kept.values()], edges }];
      });
      const row = rows[0];
      if (!row) return null;
      const nodes = (row.nodes as RawNode[]).map(toGraphNode);
      return { center: nodes[0]!.id, truncated: row.truncated === true, nodes, edges: (row.edges as EdgeRow[]).map(toEdge) };
    },

    /** Which of the two ids are articles, then the shortest chain of CITES between them. */
    async getPath(from: string, to: string, maxLength: number, directed: boolean, asOf: AsOf): Promise<{ missing: string[]; path: PathRecord | null }> {
      const rows = await readRows(options, async (tx) => {
        const [endpoints] = await runRows(tx, ENDPOINTS, { from, to });
        const found = asStrings(endpoints?.found);
        const missing = [from, to].filter((id) => !found.includes(id));
        if (missing.length > 0 || from === to) return [{ missing, found, chain: null }];
        const [chain] = await runRows(tx, PATH_QUERIES.get(`${maxLength}|${directed}`)!, { from, to, asOf });
        return [{ missing, found, chain: chain ?? null }];
      });
      const { missing, chain } = rows[0] as { missing: string[]; chain: Record<string, unknown> | null };
      if (missing.length > 0) return { missing, path: null };
      if (from === to) {
        const [center] = await query(CENTER, { id: from, asOf });
        return { missing, path: center ? { nodes: [toGraphNode(center.node as RawNode)], edges: [], length: 0 } : null };
      }
      if (!chain) return { missing, path: null };
      const edges = (chain.edges as Array<Record<string, unknown>>).map(toEdge);
      return { missing, path: { nodes: (chain.nodes as RawNode[]).map(toGraphNode), edges, length: edges.length } };
    },

    /** Articles citing `id`, then those citing them…, each at its shortest distance. */
    async getImpact(id: string, maxDepth: number, first: number, asOf: AsOf): Promise<ImpactRecord | null> {
      const rows = await readRows(options, async (tx) => {
        const [center] = await runRows(tx, CENTER, { id, asOf });
        if (!center) return [];
        const seen = new Set([String(center.eid)]);
        const dependants: Array<{ article: unknown; sortKey: string; distance: number }> = [];
        let frontier = [String(center.eid)];
        for (let distance = 1; distance <= maxDepth && frontier.length > 0; distance++) {
          const hop = (await runRows(tx, IMPACT_HOP, { frontier, asOf })).filter((row) => !seen.has(String(row.eid)));
          frontier = [];
          for (const row of hop) {
            if (seen.has(String(row.eid))) continue;
            seen.add(String(row.eid));
            frontier.push(String(row.eid));
            dependants.push({ article: row.article, sortKey: asString(row.sortKey) ?? '', distance });
          }
        }
        return [{ dependants }];
      });
      if (rows.length === 0) return null;
      const all = rows[0]!.dependants as Array<{ article: unknown; sortKey: string; distance: number }>;
      all.sort((a, b) => a.distance - b.distance || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      return {
        root: id,
        directCount: all.filter((d) => d.distance === 1).length,
        totalCount: all.length,
        dependants: all.slice(0, first).map((d) => ({ article: toSummary(d.article), distance: d.distance })),
        truncated: all.length > first,
      };
    },

    async getUnresolved(skip: number, limit: number): Promise<{ total: number; targets: UnresolvedRecord[] }> {
      const rows = await query(UNRESOLVED, { skip, limit });
      const total = rows[0] ? Number(rows[0].total) : (await query('MATCH (u:UnresolvedTarget) RETURN count(u) AS total'))[0]!.total;
      return {
        total: Number(total),
        targets: rows.map((row) => {
          const target = row.target as Record<string, unknown>;
          return {
            id: String(target.id),
            number: asString(target.number) ?? String(target.id),
            code: asString(target.code) ?? 'CGCT',
            reason: asString(target.reason) ?? 'not-in-code',
            candidates: asStrings(target.candidates),
            citedBy: (row.citedBy as RawNode[]).map(toGraphNode),
          };
        }),
      };
    },

    async getStats(): Promise<StatsRecord> {
      const [row] = await query(STATS);
      return row as unknown as StatsRecord;
    },

    async getMostCited(limit: number): Promise<Array<{ article: ArticleSummary; count: number }>> {
      return (await query(MOST_CITED, { limit })).map((row) => ({ article: toSummary(row.article), count: Number(row.count) }));
    },
  };
}

function toSearchPage(row: Record<string, unknown> | undefined): { total: number; hits: SearchHit[] } {
  if (!row) return { total: 0, hits: [] };
  const page = row.page as Array<Record<string, unknown>>;
  return { total: Number(row.total), hits: page.map((hit) => ({ article: toSummary(hit.article), score: Number(hit.score), text: asString(hit.text) ?? '' })) };
}
