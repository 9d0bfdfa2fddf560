/**
 * Errors of the database layer. Each one's message names the cause and what to do, so the CLI
 * prints it as it is, without a stack trace.
 */

/** Neo4j could not be installed, started, stopped or reached: a problem of the machine or settings. */
export class DatabaseSetupError extends Error {
  override name = 'DatabaseSetupError';
}

/** Neo4j refused a query (a constraint violated, a syntax error, a write in a read transaction…). */
export class DatabaseQueryError extends Error {
  override name = 'DatabaseQueryError';

  /** Neo4j's status code, e.g. "Neo.ClientError.Schema.ConstraintValidationFailed". */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** True for the errors whose message is meant for the user as it is. */
export function isExplainedError(error: unknown): error is DatabaseSetupError | DatabaseQueryError {
  return error instanceof DatabaseSetupError || error instanceof DatabaseQueryError;
}
