/**
 * The whole citation graph as of one date, read from Neo4j in two statements (nodes, then
 * relationships), for `cgct export` and the page's download: every article in force that day with
 * its section, every target it cites (another code's article, a law, an unresolved number), the
 * documents, and every CITES / MENTIONS relationship holding that day with how it was found.
 * Another code's articles carry no history: their text of the snapshot and their citations (no
 * validFrom) are in every date's graph. One code alone: its articles and what they cite.
 */
import type { Driver } from 'neo4j-driver';
import { readRows } from '../../neo4j/driver.ts';

/** A node of the exported graph. */
export interface ExportNode {
  id: string;
  /** Article, ExternalArticle, LegalText, UnresolvedTarget, Document. */
  kind: string;
  /** The text it belongs to: the code's id for the graph's articles ("CGCT", "code-de-lurbanisme"), else the text's name. */
  code: string;
  number: string;
  status: string;
  /** The deepest section holding an article today ("L/1/1/1/5"); "" for the rest. */
  section: string;
  label: string;
}

/** A relationship of the exported graph. */
export interface ExportEdge {
  source: string;
  target: string;
  type: string;
  /** How it was found: text, link, metadata (joined by "+"). */
  provenance: string;
  validFrom: string;
  /** "" when open. */
  validTo: string;
}

/** The graph as of a date. */
export interface CitationGraph {
  asOf: string;
  nodes: ExportNode[];
  edges: ExportEdge[];
}

// An article holds on d when one of its periods ("from/to") does; graphs without periods (a snapshot
// ingest) fall back on the article's own validity.
const ARTICLE_HOLDS = `(a.periods IS NOT NULL AND size(a.periods) > 0 AND any(p IN a.periods WHERE split(p, '/')[0] <= $asOf AND (split(p, '/')[1] = '' OR split(p, '/')[1] > $asOf)))
  OR ((a.periods IS NULL OR size(a.periods) = 0) AND a.status <> 'repealed' AND coalesce(a.validFrom, '') <= $asOf AND (a.validTo IS NULL OR a.validTo > $asOf))`;
// Another code's citations have no validFrom: they hold as its snapshot's text does, on any date.
const HOLDS = (r: string) => `coalesce(${r}.validFrom, '') <= $asOf AND (${r}.validTo IS NULL OR ${r}.validTo > $asOf)`;
const OF_CODE = (a: string) => `($code IS NULL OR coalesce(${a}.code, 'CGCT') = $code)`;

const EDGES = `
MATCH (a)-[r:CITES|MENTIONS]->(b)
WHERE (type(r) = 'MENTIONS' OR ${HOLDS('r')})
  AND (NOT a:Article OR EXISTS { MATCH (a) WHERE (${ARTICLE_HOLDS}) AND ${OF_CODE('a')} })
  AND (a:Article OR $code IS NULL OR $code = 'CGCT')
  AND (NOT b:Article OR EXISTS { MATCH (b) WHERE ${ARTICLE_HOLDS.replaceAll('a.', 'b.')} })
RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.via, []) AS via, coalesce(r.validFrom, '') AS validFrom, coalesce(r.validTo, '') AS validTo`;

const ARTICLES = `
MATCH (a:Article) WHERE (${ARTICLE_HOLDS}) AND ${OF_CODE('a')}
OPTIONAL MATCH (s:Section)-[:CONTAINS]->(a)
WITH a, s ORDER BY s.depth DESC
WITH a, collect(s.id)[0] AS section
RETURN a.id AS id, 'Article' AS kind, coalesce(a.code, 'CGCT') AS code, coalesce(a.number, a.id) AS number, coalesce(a.status, '') AS status, coalesce(section, '') AS section, a.id AS label`;

// One index seek per label: a bare MATCH (n {id: id}) would scan every node of the graph for each id.
const OTHERS = `
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Article {id: id}) RETURN n UNION MATCH (n:ExternalArticle {id: id}) RETURN n
  UNION MATCH (n:LegalText {id: id}) RETURN n UNION MATCH (n:UnresolvedTarget {id: id}) RETURN n
  UNION MATCH (n:Document {id: id}) RETURN n
}
RETURN n.id AS id, labels(n)[0] AS kind, coalesce(n.textId, n.code, CASE WHEN n:LegalText THEN n.id WHEN n:Article THEN 'CGCT' END, '') AS code,
       coalesce(n.number, '') AS number, coalesce(n.reason, n.status, '') AS status, '' AS section, coalesce(n.title, n.number, n.id) AS label`;

/** Reads the citation graph holding on `asOf` (YYYY-MM-DD), of every code or of one (its id: "CGCT", "code-de-lurbanisme"). */
export async function readCitationGraph(driver: Driver, asOf: string, code: string | null = null): Promise<CitationGraph> {
  const articles = await readRows<ExportNode>(driver, ARTICLES, { asOf, code });
  const rows = await readRows<{ source: string; target: string; type: string; via: string[]; validFrom: string; validTo: string }>(driver, EDGES, { asOf, code });
  const known = new Set(articles.map((node) => node.id));
  const others = [...new Set(rows.flatMap((row) => [row.source, row.target]).filter((id) => !known.has(id)))];
  const nodes = [...articles, ...(await readRows<ExportNode>(driver, OTHERS, { ids: others }))];
  const ids = new Set(nodes.map((node) => node.id));
  const edges = rows
    .filter((row) => ids.has(row.source) && ids.has(row.target))
    .map((row) => ({ source: row.source, target: row.target, type: row.type, provenance: [...row.via].sort().join('+'), validFrom: row.validFrom, validTo: row.validTo }));
  return { asOf, nodes, edges };
}
