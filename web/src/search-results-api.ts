/**
 * The results page's query: `search` with its filters (search-filters.ts) and the count of the
 * matches not in force, which the page offers apart. The search box's suggestions keep
 * api.ts's searchArticles (the code in force, no filter).
 */
import { requestGraphQL } from './graphql-client.ts';
import type { SearchFilterArguments } from './search-filters.ts';
import type { ArticleSummary, SearchHit, SearchResults } from './types.ts';

const SUMMARY_FIELDS = 'id number status excerpt';

const FILTERED_SEARCH_QUERY = `query FilteredSearch($query: String!, $first: Int, $after: String, $inForceOnly: Boolean, $part: CodePart, $partie: Int) {
  search(query: $query, first: $first, after: $after, inForceOnly: $inForceOnly, part: $part, partie: $partie) {
    totalCount totalCountIsExact notInForceCount pageInfo { hasNextPage endCursor }
    edges { score exact highlights node { ${SUMMARY_FIELDS} } }
    suggestions { ${SUMMARY_FIELDS} }
  }
}`;

/** A result, and whether the query named it exactly (then listed whatever its status). */
export interface FilteredSearchHit extends SearchHit {
  exact: boolean;
}

/** A page of results with the number of matches not in force (listed apart, or left out). */
export interface FilteredSearchResults extends SearchResults {
  hits: FilteredSearchHit[];
  notInForceCount: number;
}

interface SearchAnswer {
  search: {
    totalCount: number;
    totalCountIsExact: boolean;
    notInForceCount: number;
    edges: FilteredSearchHit[];
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    suggestions: ArticleSummary[];
  };
}

/** Searches with the page's filters; `after` continues from a previous page. */
export async function searchWithFilters(query: string, filters: SearchFilterArguments, first: number, after?: string): Promise<FilteredSearchResults> {
  const { search } = await requestGraphQL<SearchAnswer>(FILTERED_SEARCH_QUERY, { query, first, after: after ?? null, ...filters });
  const next = search.pageInfo.hasNextPage && search.pageInfo.endCursor ? { nextCursor: search.pageInfo.endCursor } : {};
  return { hits: search.edges, totalCount: search.totalCount, totalCountIsExact: search.totalCountIsExact, notInForceCount: search.notInForceCount, suggestions: search.suggestions, ...next };
}
