/**
 * Expected failures as GraphQLErrors with a code (the client can act on it), and the one place
 * where infrastructure errors become a clear answer: Neo4j unreachable → 503 SERVICE_UNAVAILABLE
 * with Retry-After (the driver reconnects by itself, so the API recovers without a restart);
 * Neo4j's transaction timeout → QUERY_TIMEOUT. Anything else is masked (yoga's default).
 */
import type { RequestHandler, Response } from 'express';
import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as maskWithYogaDefault } from 'graphql-yoga';
import type { DatabaseMonitor } from './database-monitor.ts';
import { refuse } from './refuse.ts';

// Errors are made by yoga's own factory: under a bundler (vitest) this module's `graphql` may be
// another copy than yoga's, and yoga recognizes expected errors by `instanceof`.

/** Seconds a client should wait before retrying when Neo4j is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** A wrong argument: the message says which and what is allowed. */
export function badUserInput(message: string, argumentName: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argumentName } });
}

/** A named thing that does not exist (where the schema cannot answer null); `details` go in its extensions. */
export function notFound(message: string, details: Record<string, unknown> = {}): GraphQLError {
  return createGraphQLError(message, { extensions: { ...details, code: 'NOT_FOUND' } });
}

/** The error every request gets while Neo4j cannot be reached. */
export function serviceUnavailable(): GraphQLError {
  return createGraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } } },
  });
}

const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.TransientError.General.DatabaseUnavailable']);
const TIMEOUT_CODES = new Set(['Neo.ClientError.Transaction.TransactionTimedOut', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration']);

function neo4jCode(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if (/connection acquisition timed out/i.test(current.message)) return 'ServiceUnavailable';
  }
  return undefined;
}

/** True when the error means Neo4j cannot be reached (down, restarting, network). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = neo4jCode(error);
  return code !== undefined && UNAVAILABLE_CODES.has(code);
}

const UNAVAILABLE_MESSAGE = 'The graph database (Neo4j) cannot be reached; try again in a few seconds.';

/**
 * yoga's maskError, knowing Neo4j's failures. With the monitor, an unreachable Neo4j marks it down
 * (the next requests get their 503 at once), and a timeout while Neo4j is away or restarting is
 * the 503 it really is, not a QUERY_TIMEOUT telling the client to ask for less.
 */
export function maskServerError(error: unknown, message: string, monitor?: DatabaseMonitor): Error {
  const code = neo4jCode(error);
  const path = (error as Partial<GraphQLError> | null)?.path;
  if (code && UNAVAILABLE_CODES.has(code)) monitor?.markUnavailable();
  if ((code && UNAVAILABLE_CODES.has(code)) || (code && TIMEOUT_CODES.has(code) && monitor && !monitor.isAvailable())) {
    const unavailable = serviceUnavailable();
    return createGraphQLError(unavailable.message, { path, extensions: unavailable.extensions });
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return createGraphQLError('The query ran longer than the server allows; ask for less (smaller depth, limit or page).', { path, extensions: { code: 'QUERY_TIMEOUT' } });
  }
  // isDev false: never the original message or stack to the client, whatever NODE_ENV says.
  return maskWithYogaDefault(error, message, false);
}

/**
 * Answers /graphql with 503 at once while the monitor knows Neo4j is away, instead of letting the
 * request wait on the driver. GraphiQL's page (a browser's GET) needs no database and is served.
 */
export function refuseWhileDatabaseAway(monitor: DatabaseMonitor): RequestHandler {
  return (request, response, next) => {
    const isGraphiQLPage = request.method === 'GET' && request.headers.accept?.includes('text/html');
    if (monitor.isAvailable() || isGraphiQLPage || request.method === 'OPTIONS') return next();
    refuseUnavailable(response);
  };
}

/** The 503 sent outside yoga, the same as yoga's (code, message, Retry-After). */
export function refuseUnavailable(response: Response): void {
  refuse(response, 503, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}
