/**
 * "What changed in what my article relies on" (issue 14's change alerts): the articles an article
 * cites, directly and transitively, that entered into force, were amended or were repealed in a
 * period, with the amendments that did it. The article's own changes come first, at distance 0.
 *
 * A dependency is followed when its citation held at some time in the period, not only at its end:
 * an article repealed in the period no longer has the citation pointing to it afterwards, and that
 * repeal is exactly what a lawyer must be told. Other codes' articles carry no history in this
 * graph: they are counted apart (`untrackedCount`), never reported as unchanged.
 */
import { CGCT_CODE } from '../ingest/codes/code-registry.ts';

/** Runs one read statement and returns its rows in plain JS (the repository's `query`). */
export type RunQuery = (cypher: string, params?: Record<string, unknown>) => Promise<Array<Record<string, unknown>>>;

/** What is asked: whose dependencies, over which period, how far. */
export interface DependencyChangesRequest {
  id: string;
  since: string;
  until: string;
  maxDepth: number;
}

/** How an article's text changed on a date. */
export type DependencyChangeKind = 'ENTERED_INTO_FORCE' | 'AMENDED' | 'REPEALED';

/** One amendment, as the history names it. */
export interface AmendmentRef {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
}

/** One change of one dependency (or of the article itself, at distance 0). */
export interface DependencyChangeRecord {
  articleId: string;
  /** Citations between the article and this one: 0 for the article itself. */
  distance: number;
  /** The article that cites this one on the shortest way (null for the article itself). */
  via: string | null;
  kind: DependencyChangeKind;
  date: string;
  amendments: AmendmentRef[];
}

/** The whole answer: every change in the period, latest first, and what was looked at. */
export interface DependencyChanges {
  /** Articles depended on within maxDepth (not counting the article itself). */
  dependencyCount: number;
  /** Of those, the articles of codes without history here (their changes are unknown). */
  untrackedCount: number;
  changes: DependencyChangeRecord[];
}

// One level of the walk: what the frontier cites, by citations holding at some time in the period.
const CITED_BY_FRONTIER = `
UNWIND $frontier AS fromId
MATCH (:Article {id: fromId})-[r:CITES]->(d:Article)
WHERE coalesce(r.validFrom, '') <= $until AND (r.validTo IS NULL OR r.validTo > $since)
RETURN DISTINCT fromId AS via, d.id AS id, coalesce(d.code, '${CGCT_CODE}') AS code
ORDER BY via, id`;

// The versions that began in the period: entered into force when no version ended that day, else amended.
const VERSIONS_BEGUN = `
UNWIND $ids AS id
MATCH (a:Article {id: id})-[:HAS_VERSION]->(v:ArticleVersion)
WHERE v.validFrom >= $since AND v.validFrom <= $until
OPTIONAL MATCH (v)-[made:MADE_BY]->(m:Amendment)
WITH a, v, made, m ORDER BY made.order
WITH a, v, [x IN collect(m {.id, .title, .date, .source}) WHERE x IS NOT NULL] AS amendments
RETURN a.id AS id, v.validFrom AS date, amendments,
       CASE WHEN EXISTS { MATCH (a)-[:HAS_VERSION]->(before:ArticleVersion) WHERE before.validTo = v.validFrom }
            THEN 'AMENDED' ELSE 'ENTERED_INTO_FORCE' END AS kind`;

// The repeals in the period, with the amendments that made them.
const REPEALS = `
UNWIND $ids AS id
MATCH (a:Article {id: id})-[r:REPEALED_IN]->(m:Amendment)
WHERE r.date >= $since AND r.date <= $until
WITH a, r.date AS date, m ORDER BY m.date, m.id
RETURN a.id AS id, date, collect(m {.id, .title, .date, .source}) AS amendments, 'REPEALED' AS kind`;

/** Breadth-first over citations: each dependency at its shortest distance, with the article citing it on the way. */
async function walkDependencies(query: RunQuery, request: DependencyChangesRequest): Promise<Map<string, { distance: number; via: string; code: string }>> {
  const found = new Map<string, { distance: number; via: string; code: string }>();
  let frontier = [request.id];
  for (let distance = 1; distance <= request.maxDepth && frontier.length > 0; distance++) {
    const rows = await query(CITED_BY_FRONTIER, { frontier, since: request.since, until: request.until });
    const next: string[] = [];
    for (const row of rows) {
      const id = String(row.id);
      if (id === request.id || found.has(id)) continue;
      found.set(id, { distance, via: String(row.via), code: String(row.code) });
      next.push(id);
    }
    frontier = next;
  }
  return found;
}

const asAmendments = (raw: unknown): AmendmentRef[] =>
  ((raw as Array<Record<string, unknown>> | null) ?? []).map((m) => ({
    id: String(m.id),
    title: m.title === null || m.title === undefined ? String(m.id) : String(m.title),
    date: m.date === null || m.date === undefined ? null : String(m.date),
    source: m.source === null || m.source === undefined ? null : String(m.source),
  }));

/** Reads every change of the article and of its dependencies in the period, latest first (then nearest, then by id). */
export async function readDependencyChanges(query: RunQuery, request: DependencyChangesRequest): Promise<DependencyChanges> {
  const dependencies = await walkDependencies(query, request);
  const tracked = [...dependencies].filter(([, dependency]) => dependency.code === CGCT_CODE).map(([id]) => id);
  const ids = [request.id, ...tracked];
  const params = { ids, since: request.since, until: request.until };
  const rows = [...(await query(VERSIONS_BEGUN, params)), ...(await query(REPEALS, params))];
  const changes = rows.map((row): DependencyChangeRecord => {
    const id = String(row.id);
    const dependency = dependencies.get(id);
    return {
      articleId: id,
      distance: dependency?.distance ?? 0,
      via: dependency?.via ?? null,
      kind: row.kind as DependencyChangeKind,
      date: String(row.date),
      amendments: asAmendments(row.amendments),
    };
  });
  changes.sort((a, b) => b.date.localeCompare(a.date) || a.distance - b.distance || a.articleId.localeCompare(b.articleId) || a.kind.localeCompare(b.kind));
  return { dependencyCount: dependencies.size, untrackedCount: dependencies.size - tracked.length, changes };
}
