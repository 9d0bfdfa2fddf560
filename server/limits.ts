/**
 * What one request may ask for. The query's shape is bounded by GraphQL Armor (depth, aliases,
 * tokens, directives, cost) before it runs; its arguments by `checkRange` (a clear BAD_USER_INPUT
 * rather than a silent clamp, so that "first: 1000000" is noticed); its time by Neo4j's
 * transaction timeout; its body by the size limit of app.ts.
 */
import type { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { badUserInput } from './errors.ts';

/** The bounds of every argument, by field and argument (the SDL's descriptions say the same). */
export const ARGUMENT_LIMITS = {
  searchFirst: { min: 1, max: 100 },
  /** The CGCT's Parties: Première (1) to Septième (7). */
  searchPartie: { min: 1, max: 7 },
  searchQueryLength: { min: 1, max: 200 },
  /** Deepest result offset reachable by paging a search. */
  searchOffset: { min: 0, max: 10_000 },
  neighborhoodDepth: { min: 1, max: 3 },
  neighborhoodLimit: { min: 1, max: 500 },
  pathMaxLength: { min: 1, max: 8 },
  impactMaxDepth: { min: 1, max: 5 },
  impactFirst: { min: 1, max: 1000 },
  unresolvedFirst: { min: 1, max: 200 },
  mostCitedFirst: { min: 1, max: 100 },
  changesFirst: { min: 1, max: 100 },
  dependencyChangesMaxDepth: { min: 1, max: 5 },
  dependencyChangesFirst: { min: 1, max: 500 },
} as const;

/** Request bodies above this many bytes are refused with 413. */
export const MAX_BODY_BYTES = 100 * 1024;

/**
 * Brackets ({, [, () nested deeper than this in a query text are refused before graphql-js parses
 * it (server/query-guards.ts): its parser recurses and a list nested 5,000 deep overflowed the
 * stack. GraphiQL's introspection query nests 10; the deepest legitimate query about 20.
 */
export const MAX_QUERY_NESTING = 40;

/** Query texts longer than this are refused (the body limit bounds POST; this bounds GET too). */
export const MAX_QUERY_CHARS = 50_000;

/** Variables nested deeper than this are refused (the schema's deepest input is a list: 2). */
export const MAX_VARIABLES_NESTING = 10;

/**
 * Points one request may cost (server/query-cost.ts: a neighborhood at depth 3 and limit 500, or
 * an impact at depth 5 of 1,000, is 100): two of the heaviest fields, about 0.8 s of work.
 */
export const MAX_QUERY_COST = 200;

/** Default Neo4j transaction timeout of one query, in milliseconds. */
export const DEFAULT_QUERY_TIMEOUT_MS = 10_000;

/** Throws BAD_USER_INPUT unless `value` is an integer within `range`. */
export function checkRange(value: number, range: { min: number; max: number }, argumentName: string): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw badUserInput(`"${argumentName}" must be between ${range.min} and ${range.max} (got ${value}).`, argumentName);
  }
  return value;
}

// Armor throws a bare error prefixed "Syntax Error:" (and yoga would answer 200): give it the
// standard code and a 400, as for any query refused before execution.
function markRejection(_context: unknown, error: { message: string; extensions: Record<string, unknown> }): void {
  error.message = error.message.replace(/^Syntax Error: /, 'Query refused: ');
  Object.assign(error.extensions, { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } });
}
const onReject = [markRejection];

// Legitimate queries (the web UI's, GraphiQL's introspection) stay far below these; a table of
// contents opened ten levels deep is the deepest (about 12). Armor's cost multiplies a field's
// cost by a literal `first` argument, so `first: 1000000` is refused here already; passed as a
// variable it reaches checkRange and its BAD_USER_INPUT.
export const ARMOR_CONFIG: Parameters<typeof EnvelopArmorPlugin>[0] = {
  maxDepth: { n: 15, onReject },
  maxAliases: { n: 15, onReject },
  maxDirectives: { n: 20, onReject },
  maxTokens: { n: 2000, onReject },
  costLimit: { maxCost: 20_000, onReject },
  blockFieldSuggestion: { enabled: true },
};
