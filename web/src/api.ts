/**
 * The queries the browser sends, one function each, returning the plain shapes of types.ts.
 * Every field asked for is in graph-schema/schema.graphql.
 */
import { requestGraphQL } from './graphql-client.ts';
import type { Article, ArticleLife, ArticleSummary, Direction, LinkType, Neighborhood, SearchResults, SearchHit, TocSection, UnresolvedPage, UnresolvedTarget } from './types.ts';

const NODE_FIELDS = 'id label kind partie status title code';
// The article's lists link texts out to Légifrance; the graph's payloads do without the URL.
const LISTED_NODE_FIELDS = `${NODE_FIELDS} url`;
const EDGE_FIELDS = 'id source target type via';
const SUMMARY_FIELDS = 'id number status excerpt';

// What explains an article's life, on its page and on the page saying it is not in force.
const LIFE_FIELDS = `id number status sources code { id folder title legifranceUrl } snapshotDate inForceFrom repealedOn repealedBy periods { from to }
    versions { validFrom validTo text status source amendedBy amendments { id title date source }
      enactedBy { text { ${LISTED_NODE_FIELDS} } heading article status } }
    formerNumbers { article { ${SUMMARY_FIELDS} } date evidence }
    renumberedAs { article { ${SUMMARY_FIELDS} } date evidence }`;

const ARTICLE_QUERY = `query Article($id: String!, $asOf: Date) {
  today
  article(id: $id, asOf: $asOf) {
    ${LIFE_FIELDS}
    text html validFrom validTo legiarti
    breadcrumb { id kind title }
    previous { ${SUMMARY_FIELDS} }
    next { ${SUMMARY_FIELDS} }
    references { target { ${LISTED_NODE_FIELDS} } code pinpoints spans resolution reason candidates inForceFrom repealedOn repealedBy article via hrefDisagrees viaRange }
    outgoing { type count nodes { ${LISTED_NODE_FIELDS} } }
    incoming { type count nodes { ${LISTED_NODE_FIELDS} } }
    relatedLinks { type heading entries { text { ${LISTED_NODE_FIELDS} } article status } }
  }
}`;

/**
 * Fetches an article as it stood on `asOf` (default today), and the server's today; the article
 * is null when no such article is in force that day.
 */
export async function fetchArticle(id: string, asOf?: string): Promise<{ article: Article | null; today: string }> {
  return requestGraphQL<{ article: Article | null; today: string }>(ARTICLE_QUERY, { id, asOf: asOf ?? null });
}

const LIFE_QUERY = `query ArticleLife($id: String!) { today articleLife(id: $id) { ${LIFE_FIELDS} } }`;

/** The life of an article whatever the date (null: the graph never held that number). */
export async function fetchArticleLife(id: string): Promise<{ life: ArticleLife | null; today: string }> {
  const data = await requestGraphQL<{ articleLife: ArticleLife | null; today: string }>(LIFE_QUERY, { id });
  return { life: data.articleLife, today: data.today };
}

const EXCERPT_QUERY = 'query Excerpt($id: String!) { article(id: $id) { id number status excerpt } }';
const excerptCache = new Map<string, Promise<{ number: string; status: string; excerpt: string } | null>>();

/** The first lines of an article, for a hover preview; fetched once per article. */
export function fetchExcerpt(id: string): Promise<{ number: string; status: string; excerpt: string } | null> {
  let pending = excerptCache.get(id);
  if (!pending) {
    pending = requestGraphQL<{ article: { number: string; status: string; excerpt: string } | null }>(EXCERPT_QUERY, { id }).then((d) => d.article);
    // A failed fetch is not remembered, so the next hover tries again.
    pending.catch(() => excerptCache.delete(id));
    excerptCache.set(id, pending);
  }
  return pending;
}

/** A connection's pageInfo, as every paged query asks for it. */
interface PageInfo {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/** `{ nextCursor }` when there is a next page, else nothing. */
function nextCursorOf(pageInfo: PageInfo): { nextCursor?: string } {
  return pageInfo.hasNextPage && pageInfo.endCursor ? { nextCursor: pageInfo.endCursor } : {};
}

const SEARCH_QUERY = `query Search($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    totalCount totalCountIsExact pageInfo { hasNextPage endCursor } edges { score highlights node { ${SUMMARY_FIELDS} } }
    suggestions { ${SUMMARY_FIELDS} }
  }
}`;

/** Searches articles by number or words, best first; `after` continues from a previous page. */
export async function searchArticles(query: string, first: number, signal?: AbortSignal, after?: string): Promise<SearchResults> {
  const data = await requestGraphQL<{ search: { totalCount: number; totalCountIsExact: boolean; edges: SearchHit[]; pageInfo: PageInfo; suggestions: ArticleSummary[] } }>(
    SEARCH_QUERY, { query, first, after: after ?? null }, signal);
  const { edges, totalCount, totalCountIsExact, suggestions, pageInfo } = data.search;
  return { hits: edges, totalCount, totalCountIsExact, suggestions, ...nextCursorOf(pageInfo) };
}

const UNRESOLVED_QUERY = `query Unresolved($first: Int, $after: String) {
  unresolvedReferences(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { number code reason candidates inForceFrom repealedOn repealedBy citedBy { ${NODE_FIELDS} } }
  }
}`;

/** A page of the unresolved targets, most cited first; `after` continues from a previous page. */
export async function fetchUnresolved(first: number, after?: string): Promise<UnresolvedPage> {
  const data = await requestGraphQL<{ unresolvedReferences: { totalCount: number; edges: UnresolvedTarget[]; pageInfo: PageInfo } }>(
    UNRESOLVED_QUERY, { first, after: after ?? null });
  const { edges, totalCount, pageInfo } = data.unresolvedReferences;
  return { targets: edges, totalCount, ...nextCursorOf(pageInfo) };
}

/** What the graph panel asks for around an article. */
export interface NeighborhoodOptions {
  /** Hops, 1 to 3. */
  depth: number;
  /** Which way to follow relationships. */
  direction: Direction;
  /** Relationship types to follow; empty means all. */
  types: LinkType[];
  /** At most this many nodes. */
  limit?: number;
  /** Read the graph as it stood on this date (default today). */
  asOf?: string;
}

const NEIGHBORHOOD_QUERY = `query Neighborhood($id: String!, $depth: Int, $direction: Direction, $types: [LinkType!], $limit: Int, $asOf: Date) {
  neighborhood(id: $id, depth: $depth, direction: $direction, types: $types, limit: $limit, asOf: $asOf) {
    center truncated nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} }
  }
}`;

/** Fetches the graph around an article. */
export async function fetchNeighborhood(id: string, options: NeighborhoodOptions): Promise<Neighborhood> {
  const data = await requestGraphQL<{ neighborhood: Neighborhood }>(NEIGHBORHOOD_QUERY, {
    id,
    depth: options.depth,
    direction: options.direction,
    types: options.types.length ? options.types : null,
    limit: options.limit ?? 150,
    asOf: options.asOf ?? null,
  });
  return data.neighborhood;
}

/** Counts of the graph and its most cited articles, for the home page. */
export interface GraphStats {
  articles: number;
  articlesInForce: number;
  citations: number;
  mostCited: { article: { id: string; number: string; excerpt: string }; count: number }[];
}

const STATS_QUERY = 'query Stats { stats { articles articlesInForce citations mostCited(first: 10) { count article { id number excerpt } } } }';

/** Fetches the counts shown on the home page. */
export async function fetchStats(): Promise<GraphStats> {
  return (await requestGraphQL<{ stats: GraphStats }>(STATS_QUERY)).stats;
}

/** One amendment and what it changed (graph-schema/schema.graphql, Change). */
export interface Change {
  /** The corpus commit that applied it. */
  id: string;
  /** The day it took effect. */
  date?: string | null;
  /** The amending text. */
  title: string;
  /** The corpus whose history holds it. */
  source?: string | null;
  /** Articles it created, modified, repealed; `article` null for an id the graph does not hold. */
  articlesAdded: ChangedArticle[];
  articlesModified: ChangedArticle[];
  articlesRepealed: ChangedArticle[];
  /** Citations gained and lost, as pairs of ids. */
  citationsGained: { from: string; to: string }[];
  citationsLost: { from: string; to: string }[];
}

/** An article named by a change set. */
export interface ChangedArticle {
  /** The id as the change set names it. */
  id: string;
  /** The article, when the graph holds that id. */
  article?: { id: string; number: string } | null;
}

/** A page of amendments, and the server's today. */
export interface ChangesPage {
  changes: Change[];
  totalCount: number;
  today: string;
  nextCursor?: string;
}

const CHANGED_ARTICLE = 'id article { id number }';
const CHANGES_QUERY = `query Changes($since: Date!, $until: Date, $first: Int, $after: String, $section: ID) {
  today
  changes(since: $since, until: $until, first: $first, after: $after, section: $section) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id date title source
      articlesAdded { ${CHANGED_ARTICLE} } articlesModified { ${CHANGED_ARTICLE} } articlesRepealed { ${CHANGED_ARTICLE} }
      citationsGained { from to } citationsLost { from to } } }
  }
}`;

/** The amendments dated from `since` to `until` (default today), oldest first; in one section (cut down to it) when given. */
export async function fetchChanges(since: string, until: string | undefined, first: number, after?: string, section?: string): Promise<ChangesPage> {
  const data = await requestGraphQL<{ today: string; changes: { totalCount: number; pageInfo: PageInfo; edges: { node: Change }[] } }>(
    CHANGES_QUERY, { since, until: until ?? null, first, after: after ?? null, section: section ?? null });
  return { today: data.today, changes: data.changes.edges.map((edge) => edge.node), totalCount: data.changes.totalCount, ...nextCursorOf(data.changes.pageInfo) };
}

/** The server's today (the date the code is read at by default). */
export async function fetchToday(): Promise<string> {
  return (await requestGraphQL<{ today: string }>('query Today { today }')).today;
}

// The deepest sections of the CGCT and the CGI are ten levels down (Partie réglementaire … « c) »):
// the whole tree in one request, two levels deeper than that, counts included. Twelve levels put
// the articles' ids at depth 14, within the server's limit of 15; below the twelfth only the
// subsections' ids come (`sections { id }`), so the page can say that there are more.
const TOC_DEPTH = 12;
const TOC_FIELDS = 'id kind title articleCount(asOf: $asOf) articles { id number status }';
const tocLevels = (depth: number): string => (depth === 0 ? ' sections { id }' : ` sections { ${TOC_FIELDS}${tocLevels(depth - 1)} }`);
const TOC_QUERY = `query TableOfContents($code: String, $asOf: Date) {
  today codes { id title }
  tableOfContents(code: $code) { ${TOC_FIELDS}${tocLevels(TOC_DEPTH - 1)} }
}`;

/**
 * A code's whole table of contents (default the CGCT), each section counting its articles in
 * force on `asOf` (default today), with the code's title and the server's today.
 */
export async function fetchTableOfContents(code: string | undefined, asOf: string | undefined): Promise<{ sections: TocSection[]; today: string; title: string }> {
  const data = await requestGraphQL<{ tableOfContents: TocSection[]; today: string; codes: { id: string; title: string }[] }>(TOC_QUERY, { code: code ?? null, asOf: asOf ?? null });
  const title = data.codes.find((loaded) => loaded.id === (code ?? 'CGCT'))?.title ?? code ?? 'Code général des collectivités territoriales';
  return { sections: data.tableOfContents, today: data.today, title };
}

const LEGIARTI_QUERY = 'query ArticleByLegiarti($id: String!) { articleByLegiarti(id: $id) { id number status } }';

/** The article a Légifrance id names, at its number in force (null: no article has it). */
export async function fetchArticleByLegiarti(id: string): Promise<Pick<ArticleSummary, 'id' | 'number' | 'status'> | null> {
  return (await requestGraphQL<{ articleByLegiarti: Pick<ArticleSummary, 'id' | 'number' | 'status'> | null }>(LEGIARTI_QUERY, { id })).articleByLegiarti;
}
