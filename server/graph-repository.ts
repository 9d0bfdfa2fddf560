/**
 * All the Cypher of the server, and nothing else: every statement is a constant with parameters
 * (variable-length bounds, which Cypher cannot take as parameters, are generated at load time from
 * fixed ranges, never from input), every read goes through `executeRead` (a cluster routes it to
 * a follower) with the per-query timeout, and every result leaves as plain JS.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { NO_GRAPH_REVISION } from '../graph-schema/graph-revision.ts';
import { toGraphNode as convertNode, toPart, toStatus, type RawNode } from './graph-node.ts';
import { asString, asStrings, toPlain } from './to-plain.ts';
import { toExcerpt } from './excerpt.ts';
import { DEFAULT_SEARCH_FILTERS, partiePattern, type SearchFilters } from './search-filters.ts';
import { sumSectionCounts } from './section-counts.ts';
import { quoteCitation } from './impact.ts';
import { today } from '../graph-schema/today.ts';
import { readArticle, readLinkGroups, readNeighborhood, readPreviousNext, readReferences, readRenumbering, readSearchByNumber, readSearchByWords, readVersions } from './read-model/read-model.ts';
import type { ReadModelData } from './read-model/types.ts';
import { readDependencyChanges, type DependencyChanges, type DependencyChangesRequest } from './dependency-changes.ts';
import { readChangesInSection } from './changes-in-section.ts';
import type {
  ArticleLifeRecord,
  ArticleRecord,
  ArticleSummary,
  ChangeRecord,
  PeriodRecord,
  RenumberingRecord,
  ArticleVersionRecord,
  DirectionName,
  GraphEdge,
  ImpactWalk,
  ImpactWalkStep,
  LinkGroup,
  LinkTypeName,
  Neighborhood,
  PathRecord,
  ProvenanceName,
  ReferenceRecord,
  RelatedLinkGroup,
  NumberSearch,
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
  /**
   * The read model of the current revision, or null (server/read-model/): when it gives one, the
   * hot reads (article, versions, references, link groups, neighbourhood, previous / next, renumbering, search by number; by words, the
   * filtering and projection of the full-text index's hits) are answered
   * from memory, as the same rows as their Cypher; else by their Cypher.
   */
  readModel?: () => Promise<ReadModelData | null>;
}

/**
 * `asOf` as the repository takes it: an ISO date string, or null for today (graph-schema/today.ts).
 * Every statement runs with a date in `$asOf`: the current graph is the graph as of today.
 */
type AsOf = string | null;

// Time (graph-schema/README.md): dates are ISO strings and compare as strings; an interval is
// half-open, validFrom <= d < validTo. An article's `periods` are "from/to" strings, "to" empty
// while open ("2004-07-30/"). Loop variables get names no statement uses elsewhere.
const periodHolds = (p: string) => `(split(${p}, '/')[0] <= $asOf AND (split(${p}, '/')[1] = '' OR split(${p}, '/')[1] > $asOf))`;
const hasPeriods = (a: string) => `size(coalesce(${a}.periods, [])) > 0`;
// Without `periods` (a graph written by `cgct ingest` / `cgct replay` rather than the history
// build, or an article a source lists as repealed without any dated version: lexlib's repealed
// files), an article is in force at d when one of its versions is; with no version at all, from
// its validFrom to its validTo, and never when its status is repealed with no end date.
const versionHolds = (v: string) => `(${v}.validFrom <= $asOf AND (${v}.validTo IS NULL OR ${v}.validTo > $asOf))`;
const articleInForce = (a: string) =>
  `(CASE WHEN ${hasPeriods(a)} THEN any(period_ IN ${a}.periods WHERE ${periodHolds('period_')}) ` +
  `WHEN EXISTS { (${a})-[:HAS_VERSION]->(:ArticleVersion) } THEN EXISTS { (${a})-[:HAS_VERSION]->(old_:ArticleVersion) WHERE ${versionHolds('old_')} } ` +
  `ELSE (${a}.validFrom IS NULL OR ${a}.validFrom <= $asOf) AND (${a}.validTo IS NULL OR ${a}.validTo > $asOf) AND (${a}.validTo IS NOT NULL OR coalesce(${a}.status, '') <> 'repealed') END)`;
const articleValid = (a: string) => `(NOT ${a}:Article OR ${articleInForce(a)})`;
// The status at $asOf: in force in one of its periods, deferred before the first, repealed after
// (or between two). Without periods, the status the ingest wrote.
const statusAt = (a: string) =>
  `CASE WHEN NOT ${hasPeriods(a)} THEN ${a}.status WHEN any(period_ IN ${a}.periods WHERE ${periodHolds('period_')}) THEN 'in-force' WHEN all(period_ IN ${a}.periods WHERE split(period_, '/')[0] > $asOf) THEN 'deferred' ELSE 'repealed' END`;
const citationHolds = (r: string) => `(coalesce(${r}.validFrom, '') <= $asOf AND (${r}.validTo IS NULL OR ${r}.validTo > $asOf))`;
const citesValid = (r: string) => `(type(${r}) <> 'CITES' OR ${citationHolds(r)})`;

// The Légifrance id of a text, or of an external article's text (server/legal-text-url.ts links to it).
const legifranceIdOf = (v: string) => `CASE WHEN ${v}:ExternalArticle THEN head([(${v})-[:PART_OF]->(text_:LegalText) | text_.legifranceId]) ELSE ${v}.legifranceId END`;
// Projections shared by the statements below (constant text, no input inside).
const nodeFields = (v: string) =>
  `{id: ${v}.id, labels: labels(${v}), number: ${v}.number, status: ${statusAt(v)}, part: ${v}.part, title: ${v}.title, textId: ${v}.textId, reason: ${v}.reason, code: ${v}.code, excerpt: left(${v}.text, 160), legifranceId: ${legifranceIdOf(v)}}`;
const summaryFields = (v: string) => `{id: ${v}.id, number: ${v}.number, status: ${statusAt(v)}, excerpt: left(${v}.text, 240)}`;
// What explains an article's life: its in-force span, its repeal (the REPEALED_IN amendment's
// title when the article does not carry it), and for graphs without `inForceFrom` the start of
// its oldest version.
// The text that repealed it on its repealedOn (an article repealed and re-enacted has older ones).
const repealTitle = (a: string) => `head([(${a})-[:REPEALED_IN]->(m_:Amendment) WHERE m_.date = ${a}.repealedOn | m_.title])`;
const lifeFields = (a: string) =>
  `.inForceFrom, .repealedOn, .periods, repealedBy: coalesce(${a}.repealedBy, ${repealTitle(a)}), ` +
  `oldestVersionFrom: CASE WHEN ${a}.inForceFrom IS NULL THEN reduce(oldest_ = null, from_ IN [(${a})-[:HAS_VERSION]->(v_:ArticleVersion) | v_.validFrom] | CASE WHEN oldest_ IS NULL OR from_ < oldest_ THEN from_ ELSE oldest_ END) END`;

const ARTICLE = `
MATCH (a:Article {id: $id}) WHERE ${articleInForce('a')}
CALL (a) {
  OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion)
  WHERE v.validFrom <= $asOf AND (v.validTo IS NULL OR v.validTo > $asOf)
  RETURN v ORDER BY v.validFrom DESC LIMIT 1
}
RETURN a {.id, .number, .part, .text, .html, .validFrom, .validTo, .sources, .sortKey, .contentHash, .snapshotDate, .legiarti, status: ${statusAt('a')}, ${lifeFields('a')}} AS article,
       v {.text, .html, .validFrom, .validTo, .contentHash} AS version`;

// An article whatever the date: what explains why it is or is not in force.
const ARTICLE_LIFE = `
MATCH (a:Article {id: $id})
RETURN a {.id, .number, .part, .sortKey, .sources, .validFrom, .validTo, .snapshotDate, status: ${statusAt('a')}, ${lifeFields('a')}} AS article`;

// The CGCT's articles carry no code; the others' count is kept on their :Code by the codes ingest.
const LOADED_CODES = `
MATCH (c:Code)
RETURN c.id AS id, c.snapshotDate AS snapshotDate,
       CASE WHEN c.id = 'CGCT' THEN COUNT { MATCH (a:Article) WHERE a.code IS NULL } ELSE c.articleCount END AS articleCount`;

const RENUMBERING = `
MATCH (a:Article {id: $id})
RETURN [(o:Article)-[r:RENUMBERED_AS]->(a) | {article: ${summaryFields('o')}, date: r.date, evidence: r.evidence}] AS formerNumbers,
       [(a)-[r:RENUMBERED_AS]->(n:Article) | {article: ${summaryFields('n')}, date: r.date, evidence: r.evidence}] AS renumberedAs`;

// From the part down: the article's sections, or the section's ancestors and itself. The label
// on x lets the planner start from the id index and walk up.
const breadcrumb = (label: 'Article' | 'Section') => `
MATCH p = (:Code)-[:CONTAINS*]->(x:${label} {id: $id})
WITH p LIMIT 1
UNWIND ${label === 'Article' ? 'nodes(p)[1..-1]' : 'nodes(p)[1..]'} AS s
RETURN s {.id, .kind, .title, .code} AS section`;
const ARTICLE_BREADCRUMB = breadcrumb('Article');
const SECTION_BREADCRUMB = breadcrumb('Section');

// Family bounds: "L|" < every L key < "L}" ('}' follows '|'), so both are range seeks on sortKey,
// walked in code order up to the first article in force at the date (repealed ones are skipped).
const PREVIOUS_NEXT = `
CALL { OPTIONAL MATCH (p:Article) WHERE p.sortKey > $familyStart AND p.sortKey < $key AND ${articleInForce('p')}
       RETURN p ORDER BY p.sortKey DESC LIMIT 1 }
CALL { OPTIONAL MATCH (n:Article) WHERE n.sortKey > $key AND n.sortKey < $familyEnd AND ${articleInForce('n')}
       RETURN n ORDER BY n.sortKey LIMIT 1 }
RETURN ${summaryFields('p')} AS previous, ${summaryFields('n')} AS next`;

// A citation of a number while no article of it is in force points to its :UnresolvedTarget; the
// relationship's reason (repealed, not-yet-in-force at the citation's dates) wins over the node's
// (as of today), and the dates come from the node or from the article of that number.
const REFERENCES = `
MATCH (:Article {id: $id})-[r:CITES]->(t) WHERE ${citationHolds('r')}
OPTIONAL MATCH (same:Article {id: t.number}) WHERE t:UnresolvedTarget AND coalesce(t.code, 'CGCT') = 'CGCT'
RETURN ${nodeFields('t')} AS target, t.code AS code, t.candidates AS candidates, t.sortKey AS sortKey,
       r {.via, .sources, .pinpoints, .spans, .hrefDisagrees, .viaRange, .validFrom, .validTo} AS rel, coalesce(r.reason, t.reason) AS reason,
       CASE WHEN t:UnresolvedTarget THEN {inForceFrom: coalesce(t.inForceFrom, same.inForceFrom), repealedOn: coalesce(t.repealedOn, same.repealedOn),
         repealedBy: coalesce(t.repealedBy, same.repealedBy, ${repealTitle('same')}), article: same.id} END AS life`;

const linkGroups = (pattern: string) => `
MATCH ${pattern} WHERE type(r) IN $types AND ${citesValid('r')}
WITH type(r) AS type, n ORDER BY CASE WHEN n:Article THEN 0 ELSE 1 END, n.sortKey, n.id
WITH type, collect(DISTINCT n) AS others
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

// The amending texts of a version in commit order (MADE_BY.order), several when one day saw several.
const VERSIONS = `
MATCH (:Article {id: $id})-[:HAS_VERSION]->(v:ArticleVersion)
CALL (v) {
  OPTIONAL MATCH (v)-[made:MADE_BY]->(m:Amendment)
  WITH made, m ORDER BY made.order, m.date, m.id
  RETURN collect(m {.id, .title, .date, .source}) AS amendments
}
RETURN v {.validFrom, .validTo, .text, .html, .status, .source} AS version, amendments,
       [(v)-[e:ENACTED_BY]->(t:LegalText) | {text: ${nodeFields('t')}, heading: e.heading, article: e.article, status: e.status, source: e.source}] AS enactedBy
ORDER BY v.validFrom DESC`;

// Amendments dated within [since, until], in date then id order: one page and the full count.
const CHANGES = `
MATCH (m:Amendment) WHERE m.date >= $since AND m.date <= $until
WITH m ORDER BY m.date, m.id
WITH collect(m) AS inRange
RETURN size(inRange) AS total,
       [m IN inRange[$skip..$skip + $limit] | m {.id, .title, .date, .source, .added, .modified, .repealed, .citationsGained, .citationsLost}] AS page`;

const ARTICLE_SUMMARIES = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, ${summaryFields('a')} AS article`;

// Every key of one code's articles, whatever their status: what "did you mean" chooses from.
const ARTICLE_KEYS_OF_CODE = "MATCH (a:Article) WHERE coalesce(a.code, 'CGCT') = $code RETURN collect(a.id) AS ids";

const GRAPH_REVISION = "MATCH (r:GraphRevision {key: 'graph'}) RETURN r.value AS value";

const SECTION = 'MATCH (s:Section {id: $id}) RETURN s {.id, .kind, .title, .code} AS section';
// Sections in order: CONTAINS.order when the ingest gave one, else the section's sortKey (the
// code-order key of its first article, as the ingest writes it: sections hold contiguous runs of
// articles). Computing the first article here instead costs a walk of the subtree: 300 ms at the top.
const TABLE_OF_CONTENTS = `
MATCH (:Code {id: $code})-[c:CONTAINS]->(s:Section)
RETURN s {.id, .kind, .title, .code} AS section ORDER BY c.order, s.sortKey, s.id`;
const CHILD_SECTIONS = `
UNWIND $ids AS id
MATCH (:Section {id: id})-[c:CONTAINS]->(s:Section)
WITH id, s ORDER BY c.order, s.sortKey, s.id
RETURN id, collect(s {.id, .kind, .title, .code}) AS sections`;
// Every section of one code (the CGCT's carry no code) with its parent and the articles directly
// in it that are in force at $asOf; server/section-counts.ts sums them up the tree.
const SECTION_ARTICLE_COUNTS = `
MATCH (s:Section) WHERE coalesce(s.code, 'CGCT') = $code
RETURN s.id AS id, head([(p:Section)-[:CONTAINS]->(s) | p.id]) AS parent,
       COUNT { MATCH (s)-[:CONTAINS]->(a:Article) WHERE ${articleInForce('a')} } AS direct`;
// A Légifrance article id (lexlib's file names keep it across an article's versions) → the
// article; one no longer in force that was renumbered since leads to its number in force
// (L1114-1's LEGIARTI000006389087 → L1115-1).
const ARTICLE_BY_LEGIARTI = `
MATCH (a:Article {legiarti: $legiarti})
WITH a ORDER BY CASE WHEN ${articleInForce('a')} THEN 0 ELSE 1 END, a.sortKey LIMIT 1
OPTIONAL MATCH renumbered = (a)-[:RENUMBERED_AS*1..8]->(n:Article) WHERE NOT ${articleInForce('a')} AND ${articleInForce('n')}
WITH coalesce(n, a) AS found ORDER BY length(renumbered) LIMIT 1
RETURN ${summaryFields('found')} AS article`;
const SECTION_ARTICLES = `
UNWIND $ids AS id
MATCH (:Section {id: id})-[c:CONTAINS]->(a:Article)
WITH id, a ORDER BY c.order, a.sortKey
RETURN id, collect(${summaryFields('a')}) AS articles`;

// The part and Partie filters of a search (search-filters.ts): the stored part as toPart reads
// it, the Partie by the id's first digit ($partiePattern, null for none).
const inSearchedPart = (a: string) =>
  `(($part IS NULL OR CASE ${a}.part WHEN 'regulatory' THEN 'REGULATORY' WHEN 'annex' THEN 'ANNEX' ELSE 'LEGISLATIVE' END = $part) AND ($partiePattern IS NULL OR ${a}.id =~ $partiePattern))`;

// Exact id first, then the code order: "L. 2131" lists L2131-1, L2131-2, …
// The CGCT's articles first, then the same number in the other codes ($number: "L2131-1" is also
// the code du travail's), each in code order.
const SEARCH_NUMBER = `
CALL () {
  UNWIND $prefixes AS prefix
  MATCH (a:Article) WHERE a.id STARTS WITH prefix RETURN a
  UNION
  UNWIND $numbers AS number
  MATCH (a:Article) WHERE a.number STARTS WITH number AND a.code IS NOT NULL RETURN a
  UNION
  MATCH (a:Article) WHERE $range IS NOT NULL AND a.sortKey >= $range.from AND a.sortKey <= $range.to AND coalesce(a.code, 'CGCT') = $range.code RETURN a
}
WITH a WHERE ${inSearchedPart('a')}
WITH a, coalesce(head([i IN range(0, size($keys) - 1) WHERE $keys[i] = a.id]), size($keys)) AS rank
ORDER BY rank, a.code IS NOT NULL, a.sortKey, a.id
WITH collect({a: a, rank: rank, inForce: ${articleInForce('a')}}) AS found
// An article the query names exactly is kept whatever its status (search-filters.ts).
WITH [x IN found WHERE x.inForce OR NOT $inForceOnly OR x.rank < size($keys)] AS hits,
     size([x IN found WHERE NOT x.inForce AND x.rank >= size($keys)]) AS notInForce
RETURN size(hits) AS total, notInForce,
       [x IN hits[$skip..$skip + $limit] | {article: ${summaryFields('x.a')}, text: x.a.text, score: CASE WHEN x.rank < size($keys) THEN 2.0 ELSE 1.0 END}] AS page`;

// The CGCT's articles first, then the other codes', each best first; $code keeps one code's.
const SEARCH_WORDS = `
CALL db.index.fulltext.queryNodes('article_text', $query, {limit: $window}) YIELD node, score
WHERE ($code IS NULL OR coalesce(node.code, 'CGCT') = $code) AND ${inSearchedPart('node')}
WITH node, score ORDER BY node.code IS NOT NULL, score DESC
WITH collect({node: node, score: score, inForce: ${articleInForce('node')}}) AS found
WITH [x IN found WHERE x.inForce OR NOT $inForceOnly] AS hits, size([x IN found WHERE NOT x.inForce]) AS notInForce
RETURN size(hits) AS total, notInForce,
       [x IN hits[$skip..$skip + $limit] | {article: ${summaryFields('x.node')}, text: x.node.text, score: x.score}] AS page`;

// The same hits as ids and scores only, for the read model to filter and project.
const SEARCH_WORD_HITS = `
CALL db.index.fulltext.queryNodes('article_text', $query, {limit: $window}) YIELD node, score
RETURN collect([node.id, score]) AS hits`;

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

// One step of the impact walk: who cites the frontier, each with ONE citation that carries the
// dependency (towards the first cited article in code order), the words of that citation and the
// section holding the citer. A citation's spans point into the text of the last citing version of
// its interval (graph-schema/README.md, "Time"), hence the version looked up rather than d.text;
// a window of 30 characters before the designator lets "l'article " be quoted with it.
const IMPACT_HOP = `
UNWIND $frontier AS fid
MATCH (f) WHERE elementId(f) = fid
MATCH (d:Article)-[r:CITES]->(f)
WHERE ${citesValid('r')} AND ${articleValid('d')}
WITH d, f, r ORDER BY f.sortKey, size(coalesce(r.spans, [])) DESC
WITH d, head(collect({f: f, r: r})) AS carrier
WITH d, carrier.f AS f, carrier.r AS r
WITH d, f, r, CASE WHEN size(coalesce(r.spans, [])) >= 2 THEN coalesce(
  reduce(last_ = null, v_ IN [(d)-[:HAS_VERSION]->(x_:ArticleVersion) WHERE r.validTo IS NULL OR x_.validFrom < r.validTo | x_] |
    CASE WHEN last_ IS NULL OR v_.validFrom > last_.validFrom THEN v_ ELSE last_ END).text, d.text) END AS citingText
WITH d, f, r, citingText, CASE WHEN r.spans[0] >= 30 THEN r.spans[0] - 30 ELSE 0 END AS windowStart
RETURN elementId(d) AS eid, ${summaryFields('d')} AS article, d.sortKey AS sortKey, f.id AS viaId, r.via AS provenance,
       CASE WHEN citingText IS NOT NULL THEN substring(citingText, windowStart, r.spans[1] - windowStart) END AS citationWindow,
       CASE WHEN citingText IS NOT NULL THEN r.spans[0] - windowStart END AS designatorAt,
       head([(s_:Section)-[:CONTAINS]->(d) | s_ {.id, .kind, .title}]) AS section`;
const IMPACT_ROOT = `MATCH (c:Article {id: $id}) WHERE ${articleValid('c')} RETURN elementId(c) AS eid, ${summaryFields('c')} AS article`;
// Whether anything not yet seen cites the last frontier: the walk stopped at maxDepth, not at its end.
const IMPACT_BEYOND = `
UNWIND $frontier AS fid
MATCH (f) WHERE elementId(f) = fid
MATCH (d:Article)-[r:CITES]->(f)
WHERE ${citesValid('r')} AND ${articleValid('d')} AND NOT elementId(d) IN $seen
RETURN elementId(d) AS eid LIMIT 1`;

// The targets cited today (or named by a document), most cited first: a target only a past
// version cited belongs to that date, not to today's list. As for a reference, the reason of a
// citation (repealed, not-yet-in-force) wins over the node's, and the dates come from the node or
// from the article of that number.
const UNRESOLVED = `
MATCH (u:UnresolvedTarget)
OPTIONAL MATCH (s)-[r:CITES|MENTIONS]->(u) WHERE ${citesValid('r')}
WITH u, collect(DISTINCT s) AS citers, collect(r.reason) AS reasons
WHERE size(citers) > 0
OPTIONAL MATCH (same:Article {id: u.number}) WHERE coalesce(u.code, 'CGCT') = 'CGCT'
WITH u, citers, reasons, same, CASE WHEN same IS NOT NULL THEN coalesce(same.repealedBy, ${repealTitle('same')}) END AS sameRepealedBy
ORDER BY size(citers) DESC, u.id
WITH collect({u: u, citers: citers, reason: coalesce(head(reasons), u.reason), same: same, sameRepealedBy: sameRepealedBy}) AS targets
RETURN size(targets) AS total,
       [x IN targets[$skip..$skip + $limit] | {
         target: {id: x.u.id, number: x.u.number, code: x.u.code, reason: x.reason, candidates: x.u.candidates,
                  inForceFrom: coalesce(x.u.inForceFrom, x.same.inForceFrom), repealedOn: coalesce(x.u.repealedOn, x.same.repealedOn),
                  repealedBy: coalesce(x.u.repealedBy, x.sameRepealedBy)},
         citedBy: [c IN x.citers | ${nodeFields('c')}]}] AS page`;

const STATS = `
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL { MATCH (a:Article) WHERE ${statusAt('a')} = 'in-force' RETURN count(a) AS articlesInForce }
CALL { MATCH (s:Section) RETURN count(s) AS sections }
CALL { MATCH ()-[r:CITES]->() WHERE ${citationHolds('r')} RETURN count(r) AS citations }
CALL { MATCH (e:ExternalArticle) RETURN count(e) AS externalArticles }
CALL { MATCH (t:LegalText) RETURN count(t) AS legalTexts }
CALL { MATCH (u:UnresolvedTarget) WHERE EXISTS { (s)-[r:CITES|MENTIONS]->(u) WHERE ${citesValid('r')} } RETURN count(u) AS unresolvedTargets }
CALL { MATCH (d:Document) RETURN count(d) AS documents }
RETURN articles, articlesInForce, sections, citations, externalArticles + legalTexts AS externalTargets, unresolvedTargets, documents`;

const MOST_CITED = `
MATCH (a:Article)<-[r:CITES]-(s) WHERE ${citationHolds('r')} AND s <> a
WITH a, count(DISTINCT s) AS count
ORDER BY count DESC, a.sortKey LIMIT $limit
RETURN ${summaryFields('a')} AS article, count`;

const PROVENANCE: Record<string, ProvenanceName> = { text: 'TEXT', link: 'LINK', metadata: 'METADATA' };
const METADATA_TYPES: LinkTypeName[] = ['CREATED_BY', 'MODIFIED_BY', 'REPEALED_BY', 'CODIFIED_BY', 'TRANSFERRED_BY', 'FORMER_TEXT', 'NEW_TEXT', 'RELATED_TO'];

function toProvenance(value: unknown): ProvenanceName[] {
  return asStrings(value).flatMap((via) => (PROVENANCE[via] ? [PROVENANCE[via]] : []));
}

function toImpactStep(row: Record<string, unknown>, distance: number): ImpactWalkStep {
  const window = asString(row.citationWindow);
  const section = row.section as Record<string, unknown> | null;
  return {
    article: toSummary(row.article),
    sortKey: asString(row.sortKey) ?? '',
    distance,
    viaId: String(row.viaId),
    citation: window === null ? null : quoteCitation(window, Number(row.designatorAt)),
    provenance: toProvenance(row.provenance),
    section: section ? { id: String(section.id), kind: asString(section.kind) ?? '', title: asString(section.title) ?? '' } : null,
  };
}

// "1996-02-24/2004-07-30" → {from, to}; "2004-07-30/" is open.
function toPeriod(value: string): PeriodRecord {
  const [from = '', to = ''] = value.split('/');
  return { from, to: to || null };
}

function toLife(article: Record<string, unknown>): ArticleLifeRecord {
  const status = toStatus(article.status);
  // Not the article's own validFrom: that is its current version's start (or a snapshot's day).
  const inForceFrom = asString(article.inForceFrom) ?? asString(article.oldestVersionFrom);
  const repealedOn = asString(article.repealedOn) ?? (status === 'REPEALED' ? asString(article.validTo) : null);
  const stored = asStrings(article.periods);
  // Without periods (see articleInForce): one from the oldest version, when its end is known too.
  const periods = stored.length ? stored.map(toPeriod) : inForceFrom && (status !== 'REPEALED' || repealedOn) ? [{ from: inForceFrom, to: repealedOn }] : [];
  return {
    id: String(article.id),
    number: asString(article.number) ?? String(article.id),
    part: toPart(article.part),
    status,
    sources: asStrings(article.sources),
    sortKey: asString(article.sortKey) ?? '',
    inForceFrom,
    repealedOn,
    repealedBy: asString(article.repealedBy),
    periods,
    snapshotDate: asString(article.snapshotDate),
  };
}

function toSummary(raw: unknown): ArticleSummary {
  const row = raw as Record<string, unknown>;
  return { id: String(row.id), number: asString(row.number) ?? String(row.id), status: toStatus(row.status), excerpt: toExcerpt(asString(row.excerpt) ?? '') };
}

// Edges of a neighbourhood travel as lists [source, target, type, via, pinpoints]: hundreds of
// them, and map keys would be most of the bytes the driver decodes.
type EdgeRow = Record<string, unknown> | unknown[];

// The read model hands out the same row objects for the same node (at one status) and the same
// relationship, request after request: their conversions are kept with them rather than redone
// (fewer allocations: the garbage collector was an eighth of the CPU under load). Never mutated.
const convertedNodes = new WeakMap<RawNode, ReturnType<typeof convertNode>>();
const convertedEdges = new WeakMap<object, GraphEdge>();

function toGraphNode(raw: RawNode) {
  let node = convertedNodes.get(raw);
  if (!node) convertedNodes.set(raw, (node = convertNode(raw)));
  return node;
}

function toEdge(row: EdgeRow): GraphEdge {
  let edge = convertedEdges.get(row);
  if (!edge) convertedEdges.set(row, (edge = convertEdge(row)));
  return edge;
}

function convertEdge(row: EdgeRow): GraphEdge {
  const [source, target, type, via, pinpoints] = Array.isArray(row) ? row : [row.source, row.target, row.type, row.via, row.pinpoints];
  const edgeType = String(type) as LinkTypeName;
  return { id: `${String(source)}|${edgeType}|${String(target)}`, source: String(source), target: String(target), type: edgeType, via: toProvenance(via), pinpoints: asStrings(pinpoints) };
}

// The texts that enacted a version come in the store's order, which is none: by text, then by what the link says.
function compareEnactments(a: ArticleVersionRecord['enactedBy'][number], b: ArticleVersionRecord['enactedBy'][number]): number {
  const keyA = [a.text.id, a.heading ?? '', a.article ?? '', a.status ?? '', a.source ?? ''].join('\n');
  const keyB = [b.text.id, b.heading ?? '', b.article ?? '', b.status ?? '', b.source ?? ''].join('\n');
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

// By id, then (rarely: two relationships of one type between the same nodes, from two sources) by what they say.
function compareEdges(a: GraphEdge, b: GraphEdge): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  const keyA = `${a.id}\n${a.via.join(',')}\n${a.pinpoints.join('\t')}`;
  const keyB = `${b.id}\n${b.via.join(',')}\n${b.pinpoints.join('\t')}`;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
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

// JS numbers travel as floats; SKIP, LIMIT and list slices need Cypher integers. `$asOf` is
// always a date: today when the caller gave none.
function toCypherParams(params: Record<string, unknown>): Record<string, unknown> {
  const converted: Record<string, unknown> = { asOf: today() };
  for (const [key, value] of Object.entries(params)) {
    if (key === 'asOf' && (value === null || value === undefined)) continue;
    converted[key] = typeof value === 'number' && Number.isInteger(value) ? neo4j.int(value) : value;
  }
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
  const memory = async () => (options.readModel ? options.readModel() : null);
  const searchNumbers = async (search: NumberSearch, skip: number, limit: number, asOf: AsOf, filters = DEFAULT_SEARCH_FILTERS): Promise<SearchPage> => {
    const model = await memory();
    const row = model ? readSearchByNumber(model, search, skip, limit, asOf ?? today(), filters) : (await query(SEARCH_NUMBER, { ...search, skip, limit, asOf, ...filterParams(filters) }))[0];
    return toSearchPage(row);
  };

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
      const model = await memory();
      const row = model ? readArticle(model, id, asOf ?? today()) : (await query(ARTICLE, { id, asOf }))[0];
      if (!row) return null;
      const article = row.article as Record<string, unknown>;
      const version = row.version as Record<string, unknown> | null;
      const shown = version ?? article;
      const life = toLife(article);
      return {
        ...life,
        // A past version was in force during its interval, whatever became of the article since.
        status: version && version.validTo !== null ? 'IN_FORCE' : life.status,
        text: asString(shown.text) ?? '',
        html: asString(shown.html) ?? '',
        validFrom: asString(shown.validFrom),
        validTo: asString(shown.validTo),
        // Citation spans point into the article's current text: they mean nothing in another one.
        spansApply: !version || version.contentHash === article.contentHash,
        legiarti: asString(article.legiarti),
      };
    },

    /** The codes the graph holds, the CGCT included: how many articles each, and the date of the text of those without history. */
    async getLoadedCodes(): Promise<Map<string, { articleCount: number; snapshotDate: string | null }>> {
      const rows = await query(LOADED_CODES);
      return new Map(rows.map((row) => [String(row.id), { articleCount: Number(row.articleCount ?? 0), snapshotDate: asString(row.snapshotDate) }]));
    },

    /** An article whatever the date (null: no such number in the graph), its status as of today. */
    async getArticleLife(id: string): Promise<ArticleLifeRecord | null> {
      const [row] = await query(ARTICLE_LIFE, { id });
      return row ? toLife(row.article as Record<string, unknown>) : null;
    },

    /** The numbers the article had before, and the ones it went to, oldest first. */
    async getRenumbering(id: string): Promise<{ formerNumbers: RenumberingRecord[]; renumberedAs: RenumberingRecord[] }> {
      const model = await memory();
      const row = model ? readRenumbering(model, id, today()) : (await query(RENUMBERING, { id }))[0];
      const read = (raw: unknown): RenumberingRecord[] =>
        ((raw as Array<Record<string, unknown>> | undefined) ?? [])
          .map((r) => ({ article: toSummary(r.article), date: asString(r.date), evidence: asString(r.evidence) }))
          .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.article.id.localeCompare(b.article.id));
      return { formerNumbers: read(row?.formerNumbers), renumberedAs: read(row?.renumberedAs) };
    },

    /** The sections holding an article, or a section's ancestors and itself, from the top. */
    async getBreadcrumb(of: 'Article' | 'Section', id: string): Promise<SectionRecord[]> {
      return (await query(of === 'Article' ? ARTICLE_BREADCRUMB : SECTION_BREADCRUMB, { id })).map((row) => row.section as SectionRecord);
    },

    /** The articles before and after in code order, among those in force at `asOf` (default today). */
    async getPreviousNext(sortKey: string, asOf: AsOf = null): Promise<{ previous: ArticleSummary | null; next: ArticleSummary | null }> {
      const family = sortKey.slice(0, sortKey.indexOf('|') + 1);
      const familyEnd = `${family.slice(0, -1)}}`;
      const model = await memory();
      const row = model ? readPreviousNext(model, sortKey, family, familyEnd, asOf ?? today()) : (await query(PREVIOUS_NEXT, { key: sortKey, familyStart: family, familyEnd, asOf }))[0];
      const pick = (raw: unknown) => (raw && (raw as Record<string, unknown>).id ? toSummary(raw) : null);
      return { previous: pick(row?.previous), next: pick(row?.next) };
    },

    async getReferences(id: string, asOf: AsOf): Promise<ReferenceRecord[]> {
      const model = await memory();
      const rows = model ? readReferences(model, id, asOf ?? today()) : await query(REFERENCES, { id, asOf });
      const references = rows.map((row) => {
        const rel = row.rel as Record<string, unknown>;
        const target = toGraphNode(row.target as RawNode);
        const resolution = target.kind === 'ARTICLE' ? 'RESOLVED' : target.kind === 'UNRESOLVED' ? 'UNRESOLVED' : 'EXTERNAL';
        const raw = row.target as RawNode;
        // An article's code is its key's ("code-de-lurbanisme:L300-5" → code-de-lurbanisme; the CGCT's carry none).
        const code = target.kind === 'ARTICLE' ? (target.code ?? 'CGCT') : target.kind === 'EXTERNAL_ARTICLE' ? String(raw.textId) : target.kind === 'LEGAL_TEXT' ? target.id : (asString(row.code) ?? 'CGCT');
        const life = (row.life as Record<string, unknown> | null) ?? {};
        return {
          reference: {
            target,
            code,
            pinpoints: asStrings(rel.pinpoints),
            spans: Array.isArray(rel.spans) ? rel.spans.map(Number) : [],
            via: toProvenance(rel.via),
            sources: asStrings(rel.sources),
            resolution,
            reason: resolution === 'UNRESOLVED' ? asString(row.reason) : null,
            candidates: asStrings(row.candidates),
            hrefDisagrees: asString(rel.hrefDisagrees),
            viaRange: rel.viaRange === true,
            validFrom: asString(rel.validFrom),
            validTo: asString(rel.validTo),
            inForceFrom: asString(life.inForceFrom),
            repealedOn: asString(life.repealedOn),
            repealedBy: asString(life.repealedBy),
            article: asString(life.article),
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
      const types = [...METADATA_TYPES, 'CITES', 'MENTIONS'];
      const model = await memory();
      const rows = model ? readLinkGroups(model, id, direction, types, asOf ?? today()) : await query(direction === 'OUTGOING' ? OUTGOING : INCOMING, { id, asOf, types });
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
      const model = await memory();
      return (model ? readVersions(model, id, today()) : await query(VERSIONS, { id })).map((row) => {
        const version = row.version as Record<string, unknown>;
        const amendments = (row.amendments as Array<Record<string, unknown>>).map((m) => ({
          id: String(m.id),
          title: asString(m.title) ?? String(m.id),
          date: asString(m.date),
          source: asString(m.source),
        }));
        return {
          validFrom: asString(version.validFrom),
          validTo: asString(version.validTo),
          text: asString(version.text) ?? '',
          html: asString(version.html) ?? '',
          status: toStatus(version.status),
          source: asString(version.source),
          amendments,
          amendedBy: amendments.length ? amendments.map((m) => m.title).join(' ; ') : null,
          enactedBy: (row.enactedBy as Array<Record<string, unknown>>).map((e) => ({
            text: toGraphNode(e.text as RawNode),
            heading: asString(e.heading),
            article: asString(e.article),
            status: asString(e.status),
            source: asString(e.source),
          })).sort(compareEnactments),
        };
      });
    },

    /** The amendments of a period cut down to one section (server/changes-in-section.ts); null when no section has that id. */
    getChangesInSection(section: string, since: string, until: string, skip: number, limit: number): Promise<{ total: number; changes: ChangeRecord[] } | null> {
      return readChangesInSection(query, section, since, until, skip, limit);
    },

    /** What changed in what an article depends on (server/dependency-changes.ts). */
    getDependencyChanges(request: DependencyChangesRequest): Promise<DependencyChanges> {
      return readDependencyChanges(query, request);
    },

    /** Amendments dated from `since` to `until` (both included), by date then id. */
    async getChanges(since: string, until: string, skip: number, limit: number): Promise<{ total: number; changes: ChangeRecord[] }> {
      const [row] = await query(CHANGES, { since, until, skip, limit });
      const page = (row?.page as Array<Record<string, unknown>> | undefined) ?? [];
      return {
        total: Number(row?.total ?? 0),
        changes: page.map((m) => ({
          id: String(m.id),
          title: asString(m.title) ?? String(m.id),
          date: asString(m.date),
          source: asString(m.source),
          added: asStrings(m.added),
          modified: asStrings(m.modified),
          repealed: asStrings(m.repealed),
          citationsGained: asStrings(m.citationsGained),
          citationsLost: asStrings(m.citationsLost),
        })),
      };
    },

    /** The summaries of the given article ids that exist (one statement for all), as of today. */
    async getArticleSummaries(ids: string[]): Promise<Map<string, ArticleSummary>> {
      const rows = await query(ARTICLE_SUMMARIES, { ids });
      return new Map(rows.map((row) => [String(row.id), toSummary(row.article)]));
    },

    async getSection(id: string): Promise<SectionRecord | null> {
      const [row] = await query(SECTION, { id });
      return row ? (row.section as SectionRecord) : null;
    },

    /** The top sections of a code ("CGCT" or another code's id). */
    async getTableOfContents(code: string): Promise<SectionRecord[]> {
      return (await query(TABLE_OF_CONTENTS, { code })).map((row) => row.section as SectionRecord);
    },

    /** Every section of a code with the articles in force at `asOf` in it and below (one statement). */
    async getSectionArticleCounts(code: string, asOf: AsOf): Promise<Map<string, number>> {
      const rows = await query(SECTION_ARTICLE_COUNTS, { code, asOf });
      return sumSectionCounts(rows.map((row) => ({ id: String(row.id), parent: asString(row.parent), direct: Number(row.direct ?? 0) })));
    },

    /** The article a LEGIARTI id names, at its number in force today when it was renumbered; null when none has it. */
    async getArticleByLegiarti(legiarti: string): Promise<ArticleSummary | null> {
      const [row] = await query(ARTICLE_BY_LEGIARTI, { legiarti });
      return row ? toSummary(row.article) : null;
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
    async searchByNumber(prefix: string, number: string | null, skip: number, limit: number, asOf: AsOf): Promise<SearchPage> {
      return searchNumbers({ keys: [prefix], prefixes: [prefix], numbers: number === null ? [] : [number], range: null }, skip, limit, asOf);
    },

    /** Articles a number search finds: the keys asked for first, in their order (NumberSearch). */
    searchNumbers,

    /** The keys of every article of a code ("CGCT" or another code's id), for "did you mean". */
    async getArticleKeys(code: string): Promise<string[]> {
      const [row] = await query(ARTICLE_KEYS_OF_CODE, { code });
      return asStrings(row?.ids);
    },

    /** Articles matching a Lucene query on the French full-text index; `window` caps the count. */
    async searchByWords(luceneQuery: string, code: string | null, skip: number, limit: number, window: number, asOf: AsOf, filters = DEFAULT_SEARCH_FILTERS): Promise<SearchPage> {
      const model = await memory();
      if (model) {
        const [found] = await query(SEARCH_WORD_HITS, { query: luceneQuery, window });
        const row = readSearchByWords(model, (found?.hits as Array<[string, number]> | undefined) ?? [], code, skip, limit, asOf ?? today(), filters);
        if (row) return toSearchPage(row);
      }
      const [row] = await query(SEARCH_WORDS, { query: luceneQuery, code, skip, limit, window, asOf, ...filterParams(filters) });
      return toSearchPage(row);
    },

    /** Breadth-first, one statement per hop in one transaction, so `limit` bounds the work too. */
    async getNeighborhood(id: string, depth: number, direction: DirectionName, types: LinkTypeName[], limit: number, asOf: AsOf): Promise<Neighborhood | null> {
      const model = await memory();
      const fromMemory = model && readNeighborhood(model, id, depth, direction, types, limit, asOf ?? today());
      const rows = model ? (fromMemory ? [fromMemory] : []) : await readRows(options, async (tx) => {
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
      // The store's order of relationships is no order: edges go out sorted by id.
      const edges = (row.edges as EdgeRow[]).map(toEdge).sort(compareEdges);
      return { center: nodes[0]!.id, truncated: row.truncated === true, nodes, edges };
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

    /**
     * Articles citing `id`, then those citing them…, each at its shortest distance with the
     * citation that carries it; null when `id` is no article in force. Paging and counting are
     * server/impact.ts's.
     */
    async getImpact(id: string, maxDepth: number, asOf: AsOf): Promise<ImpactWalk | null> {
      const rows = await readRows(options, async (tx) => {
        const [root] = await runRows(tx, IMPACT_ROOT, { id, asOf });
        if (!root) return [];
        const seen = new Set([String(root.eid)]);
        const steps: ImpactWalkStep[] = [];
        let frontier = [String(root.eid)];
        for (let distance = 1; distance <= maxDepth && frontier.length > 0; distance++) {
          const hop = await runRows(tx, IMPACT_HOP, { frontier, asOf });
          frontier = [];
          for (const row of hop) {
            if (seen.has(String(row.eid))) continue;
            seen.add(String(row.eid));
            frontier.push(String(row.eid));
            steps.push(toImpactStep(row, distance));
          }
        }
        const complete = frontier.length === 0 || (await runRows(tx, IMPACT_BEYOND, { frontier, seen: [...seen], asOf })).length === 0;
        return [{ root: root.article, steps, complete }];
      });
      if (rows.length === 0) return null;
      const { root, steps, complete } = rows[0] as { root: unknown; steps: ImpactWalkStep[]; complete: boolean };
      steps.sort((a, b) => a.distance - b.distance || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
      return { root: toSummary(root), steps, complete };
    },

    async getUnresolved(skip: number, limit: number): Promise<{ total: number; targets: UnresolvedRecord[] }> {
      const [row] = await query(UNRESOLVED, { skip, limit });
      const page = (row?.page as Array<Record<string, unknown>> | undefined) ?? [];
      return {
        total: Number(row?.total ?? 0),
        targets: page.map((entry) => {
          const target = entry.target as Record<string, unknown>;
          return {
            id: String(target.id),
            number: asString(target.number) ?? String(target.id),
            code: asString(target.code) ?? 'CGCT',
            reason: asString(target.reason) ?? 'not-in-code',
            candidates: asStrings(target.candidates),
            citedBy: (entry.citedBy as RawNode[]).map(toGraphNode),
            inForceFrom: asString(target.inForceFrom),
            repealedOn: asString(target.repealedOn),
            repealedBy: asString(target.repealedBy),
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

/** A page of search hits, with the count of all matches kept and of those not in force (SearchConnection). */
export interface SearchPage {
  total: number;
  hits: SearchHit[];
  /** Matches not in force on the date that `inForceOnly` leaves out (or would). */
  notInForce: number;
}

function toSearchPage(row: Record<string, unknown> | undefined): SearchPage {
  if (!row) return { total: 0, hits: [], notInForce: 0 };
  const page = row.page as Array<Record<string, unknown>>;
  return { total: Number(row.total), notInForce: Number(row.notInForce), hits: page.map((hit) => ({ article: toSummary(hit.article), score: Number(hit.score), text: asString(hit.text) ?? '' })) };
}

// The statement parameters of the filters (inSearchedPart and the inForceOnly clause).
function filterParams(filters: SearchFilters): Record<string, unknown> {
  return { inForceOnly: filters.inForceOnly, part: filters.part, partiePattern: partiePattern(filters.partie) };
}
