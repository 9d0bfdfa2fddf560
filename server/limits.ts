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
} as const;

/** Request bodies above this many bytes are refused with 413. */
export const MAX_BODY_BYTES = 100 * 1024;

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
