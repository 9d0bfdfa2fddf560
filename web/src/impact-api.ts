/**
 * The impact panel's query: what depends on an article, page by page, with the counts and groups
 * of the whole walk (graph-schema/schema.graphql, Query.impact).
 */
import { requestGraphQL } from './graphql-client.ts';

/** An article as the impact list names it. */
export interface ImpactArticle {
  id: string;
  number: string;
  status: string;
}

/** A section of a code's table of contents. */
export interface ImpactSection {
  id: string;
  title: string;
}

/** One article depending on the one shown. */
export interface Dependant {
  article: ImpactArticle;
  /** 1: cites it; 2: cites an article that cites it; … */
  distance: number;
  /** The article it cites on the way. */
  via: ImpactArticle;
  /** The words citing `via` (« l'article L. 2131-1 »), null for a link or metadata only. */
  citation: string | null;
  /** TEXT, LINK, METADATA. */
  provenance: string[];
  section: ImpactSection | null;
  code: { id: string; title: string };
}

/** A page of the impact, with the counts of the whole walk. */
export interface ImpactPage {
  directCount: number;
  totalCount: number;
  /** False when articles lie beyond the depth asked. */
  complete: boolean;
  countsByDistance: Array<{ distance: number; count: number }>;
  bySection: Array<{ code: { id: string; title: string }; section: ImpactSection | null; count: number }>;
  dependants: Dependant[];
  /** The cursor of the next page, when there is one. */
  nextCursor?: string;
}

const ARTICLE = 'id number status';
const IMPACT_QUERY = `query Impact($id: String!, $maxDepth: Int, $first: Int, $after: String, $asOf: Date) {
  impact(id: $id, maxDepth: $maxDepth, first: $first, after: $after, asOf: $asOf) {
    directCount totalCount complete
    countsByDistance { distance count }
    bySection { code { id title } section { id title } count }
    pageInfo { hasNextPage endCursor }
    dependants { distance article { ${ARTICLE} } via { ${ARTICLE} } citation provenance section { id title } code { id title } }
  }
}`;

/** What to ask. */
export interface ImpactRequest {
  /** Follow citations back this many steps (1 to 5). */
  maxDepth: number;
  /** Page size (1 to 1000). */
  first: number;
  after?: string;
  /** The date the code is read at (default today). */
  asOf?: string;
}

/** One page of what depends on `id`. */
export async function fetchImpact(id: string, request: ImpactRequest): Promise<ImpactPage> {
  const data = await requestGraphQL<{ impact: Omit<ImpactPage, 'nextCursor'> & { pageInfo: { hasNextPage: boolean; endCursor: string | null } } }>(IMPACT_QUERY, {
    id, maxDepth: request.maxDepth, first: request.first, after: request.after ?? null, asOf: request.asOf ?? null,
  });
  const { pageInfo, ...page } = data.impact;
  return { ...page, ...(pageInfo.hasNextPage && pageInfo.endCursor ? { nextCursor: pageInfo.endCursor } : {}) };
}

// The API's largest page: a CSV of a hub's whole impact takes a few requests.
const CSV_PAGE = 1000;

/** Every dependant, for the CSV: the pages fetched one after the other. */
export async function fetchAllDependants(id: string, request: Omit<ImpactRequest, 'first' | 'after'>): Promise<Dependant[]> {
  const all: Dependant[] = [];
  let after: string | undefined;
  do {
    const page = await fetchImpact(id, { ...request, first: CSV_PAGE, ...(after ? { after } : {}) });
    all.push(...page.dependants);
    after = page.nextCursor;
  } while (after);
  return all;
}
