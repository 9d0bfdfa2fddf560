/**
 * How the driver's failures reach a client: the errors below are the driver's own Neo4jError
 * objects with the codes Neo4j and the driver use (the live 503 path is in availability.test.ts).
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { badUserInput, maskServerError } from '../../server/errors.ts';

describe('maskServerError', () => {
  it('turns an unreachable Neo4j into SERVICE_UNAVAILABLE with HTTP 503 and Retry-After', () => {
    const masked = maskServerError(new Neo4jError('Could not perform discovery. No routing servers available.', 'ServiceUnavailable', '08000', 'error: connection exception'), 'Unexpected error.') as unknown as { message: string; extensions: Record<string, unknown> };
    expect(masked.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } });
    expect(masked.message).not.toContain('routing');
  });

  it("turns Neo4j's transaction timeout into QUERY_TIMEOUT", () => {
    const timedOut = new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', '25N05', 'error: transaction timed out');
    expect(maskServerError(timedOut, 'Unexpected error.')).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  });

  it('masks any other failure: no message, no stack for the client', () => {
    const masked = maskServerError(new Neo4jError('Invalid input "MATC" at /app/server/x.ts:12', 'Neo.ClientError.Statement.SyntaxError', '42001', 'error: syntax error'), 'Unexpected error.');
    expect(masked.message).toBe('Unexpected error.');
    expect(JSON.stringify(masked)).not.toMatch(/MATC|x\.ts/);
  });

  it('lets expected errors through as they are', () => {
    const expected = badUserInput('"depth" must be between 1 and 3 (got 50).', 'depth');
    expect(maskServerError(expected, 'Unexpected error.')).toBe(expected);
  });
});
