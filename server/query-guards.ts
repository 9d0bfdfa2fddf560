/**
 * What /graphql checks in a request's query text and variables before graphql-js sees them.
 * graphql-js parses and coerces recursively: a list literal nested 5,000 deep (`[[[[…`) overflows
 * the parser's stack and became a 500 (RangeError), and variables nested as deep make
 * JSON.stringify (the response cache's key) throw the same way. A linear scan of the raw text
 * counts bracket depth outside strings and comments, an iterative walk measures the variables,
 * and either past its bound is a 400 in the GraphQL error shape, whatever the request's form
 * (GET parameters, a JSON body, application/graphql, a form).
 */
import type { Request, RequestHandler } from 'express';
import { MAX_QUERY_CHARS, MAX_QUERY_NESTING, MAX_VARIABLES_NESTING } from './limits.ts';
import { refuse } from './refuse.ts';

const OPENING = new Set([0x7b, 0x5b, 0x28]); // { [ (
const CLOSING = new Set([0x7d, 0x5d, 0x29]); // } ] )

/** Why a query text is refused before parsing, or undefined when it may be parsed. */
export function findQueryTextProblem(query: string): string | undefined {
  if (query.length > MAX_QUERY_CHARS) return `The query is ${query.length} characters long; at most ${MAX_QUERY_CHARS} are accepted.`;
  let depth = 0;
  for (let i = 0; i < query.length; i++) {
    const code = query.charCodeAt(i);
    if (code === 0x23) {
      // A comment runs to the end of the line.
      while (i < query.length && query.charCodeAt(i) !== 0x0a && query.charCodeAt(i) !== 0x0d) i++;
    } else if (code === 0x22) {
      i = skipString(query, i);
    } else if (OPENING.has(code)) {
      if (++depth > MAX_QUERY_NESTING) return `The query nests brackets more than ${MAX_QUERY_NESTING} levels deep.`;
    } else if (CLOSING.has(code) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}

// Index of the last character of the string starting at `start`: a block string """…""" (where
// \""" is escaped) or a one-line string (where \ escapes the next character). An unterminated one
// runs to the end, which the parser then reports.
function skipString(text: string, start: number): number {
  if (text.startsWith('"""', start)) {
    for (let i = start + 3; i < text.length; i++) {
      if (text.startsWith('\\"""', i)) i += 3;
      else if (text.startsWith('"""', i)) return i + 2;
    }
    return text.length;
  }
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x5c) i++;
    else if (code === 0x22 || code === 0x0a || code === 0x0d) return i;
  }
  return text.length;
}

/** Depth of a JSON value (a scalar is 0), walked without recursion, stopping past `limit`. */
export function jsonDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(current as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}

interface GraphQLParams {
  queries: unknown[];
  variables: unknown[];
  /** A `variables` or `extensions` parameter given as text that is not JSON (yoga answered 500). */
  unreadable?: string;
}

// The query texts and variables of a request as yoga will read them; what cannot be read is left
// to yoga, which answers it with its own 400.
function readParams(request: Request): GraphQLParams {
  const params: GraphQLParams = { queries: [], variables: [] };
  const add = (source: Record<string, unknown> | null | undefined, variablesAreText: boolean) => {
    if (!source || typeof source !== 'object') return;
    for (const query of [source.query].flat()) params.queries.push(query);
    for (const name of ['variables', 'extensions'] as const) {
      for (const value of [source[name]].flat()) {
        if (variablesAreText && typeof value === 'string') {
          try {
            params.variables.push(JSON.parse(value));
          } catch {
            params.unreadable ??= name;
          }
        } else params.variables.push(value);
      }
    }
  };
  add(request.query as Record<string, unknown>, true);
  if (!Buffer.isBuffer(request.body) || request.body.length === 0) return params;
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const text = request.body.toString('utf8');
  if (mediaType === 'application/graphql') params.queries.push(text);
  else if (mediaType === 'application/x-www-form-urlencoded') add(Object.fromEntries(new URLSearchParams(text)), true);
  else if (mediaType !== 'multipart/form-data') {
    try {
      const body = JSON.parse(text) as unknown;
      // A batch (an array) is refused by yoga; its entries are checked all the same.
      for (const entry of [body].flat()) add(entry as Record<string, unknown>, false);
    } catch {
      // Not JSON: yoga answers 400.
    }
  }
  return params;
}

/** Refuses, with 400, a query nested or sized past the limits, variables (or extensions) nested too deep or not JSON. */
export const refuseOversizedQueries: RequestHandler = (request, response, next) => {
  const { queries, variables, unreadable } = readParams(request);
  if (unreadable) return refuse(response, 400, 'BAD_REQUEST', `The "${unreadable}" parameter is not valid JSON.`);
  for (const query of queries) {
    const problem = typeof query === 'string' ? findQueryTextProblem(query) : undefined;
    if (problem) return refuse(response, 400, 'GRAPHQL_VALIDATION_FAILED', `Query refused: ${problem}`);
  }
  for (const value of variables) {
    if (jsonDepth(value, MAX_VARIABLES_NESTING) > MAX_VARIABLES_NESTING) {
      return refuse(response, 400, 'BAD_USER_INPUT', `Query refused: the variables nest more than ${MAX_VARIABLES_NESTING} levels deep.`);
    }
  }
  next();
};
