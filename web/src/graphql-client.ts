/**
 * Talks to the GraphQL API at /graphql. Failures the page must explain (the server cannot be
 * reached, answers 503, or returns errors) become an `ApiError`, never a silent blank.
 */

/** Why a request failed: the network, the HTTP status, or GraphQL errors. */
export class ApiError extends Error {
  constructor(
    message: string,
    /** 'unreachable' (fetch failed or 5xx) or 'graphql' (the API refused the query). */
    readonly kind: 'unreachable' | 'graphql',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** An error of a GraphQL answer, with its code and details (`extensions`). */
export interface GraphQLErrorEntry {
  message: string;
  extensions?: Record<string, unknown>;
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

/** Sends a query with its variables and returns `data`; throws an `ApiError` on any failure. */
export async function requestGraphQL<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  return (await requestGraphQLWithErrors<T>(query, variables, signal)).data;
}

/**
 * As requestGraphQL, also returning the errors of an answer that has data: a nullable field that
 * failed is null in `data` and says why only there (`path` to an article that does not exist).
 */
export async function requestGraphQLWithErrors<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<{ data: T; errors: GraphQLErrorEntry[] }> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('la connexion a échoué', 'unreachable');
  }
  if (response.status >= 500) throw new ApiError(`réponse HTTP ${response.status}`, 'unreachable');
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`réponse illisible, HTTP ${response.status}`, 'unreachable');
  }
  if (body.errors?.length && !body.data) throw new ApiError(body.errors.map((e) => e.message).join(' ; '), 'graphql');
  if (!body.data) throw new ApiError(`réponse vide, HTTP ${response.status}`, 'unreachable');
  return { data: body.data, errors: body.errors ?? [] };
}
