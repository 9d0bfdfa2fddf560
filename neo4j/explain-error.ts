/**
 * Turns the driver's errors into messages that name the cause and what to do. The driver's own
 * messages ("Could not perform discovery. No routing servers available…") are right but say
 * neither which setting is wrong nor how to fix it.
 */
import type { ConnectionSettings } from './connection-settings.ts';
import { DatabaseQueryError, DatabaseSetupError, isExplainedError } from './errors.ts';

function readCode(error: unknown): string {
  return String((error as { code?: unknown }).code ?? '');
}

function readMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const UNREACHABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired', 'ECONNREFUSED', 'ENOTFOUND']);

/** Explains a failure to connect to the Neo4j described by `settings`. */
export function explainConnectionError(error: unknown, settings: ConnectionSettings): Error {
  if (isExplainedError(error)) return error;
  const code = readCode(error);
  // The routing table dump that follows tells a user nothing more.
  const message = readMessage(error).replace(/\s*Known routing table:.*$/s, '');
  const where = settings.source === 'env' ? `Neo4j at ${settings.uri} (set by NEO4J_URI)` : `the local Neo4j at ${settings.uri}`;
  if (/unknown scheme|illegal uri|invalid uri|url scheme|parse/i.test(message) && !code.startsWith('Neo.')) {
    return new DatabaseSetupError(
      `NEO4J_URI "${settings.uri}" is not a Neo4j address (${message}). ` +
        'Use bolt://host:7687 for one server, or neo4j://host:7687 / neo4j+s://xxxx.databases.neo4j.io for a cluster or Aura.',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized') {
    return new DatabaseSetupError(
      settings.source === 'env'
        ? settings.password
          ? `${where} refused user "${settings.user}": wrong user name or password. Check NEO4J_USER and NEO4J_PASSWORD.`
          : `${where} asks for a password and NEO4J_PASSWORD is not set: set NEO4J_PASSWORD (and NEO4J_USER if it is not neo4j).`
        : `${where} refused the password kept in ${settings.passwordFile}. Its store was made with another password: ` +
          'stop it (`npx cgct db stop`), delete its data folder and start again.',
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new DatabaseSetupError(
      `${where} blocks logins for a while after too many wrong passwords. Check NEO4J_PASSWORD, wait a few seconds and retry.`,
      { cause: error },
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new DatabaseSetupError(
      `${where} has no database "${settings.database}". Check NEO4J_DATABASE (leave it unset for the default database).`,
      { cause: error },
    );
  }
  if (UNREACHABLE_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|connect|routing servers/i.test(message)) {
    return new DatabaseSetupError(
      settings.source === 'env'
        ? `Cannot reach ${where}: ${message}. Check NEO4J_URI and that this Neo4j is running and reachable from here.`
        : `Cannot reach ${where}: it is not running. Start it with \`npx cgct db start\` ` +
          '(or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use another Neo4j).',
      { cause: error },
    );
  }
  return new DatabaseSetupError(`Cannot use ${where}: ${code ? `${code}: ` : ''}${message}`, { cause: error });
}

/** Explains why Neo4j refused a query; connection failures during the query stay setup errors. */
export function explainQueryError(error: unknown, cypher: string): Error {
  if (isExplainedError(error)) return error;
  const code = readCode(error);
  const message = readMessage(error);
  if (!code.startsWith('Neo.')) {
    if (UNREACHABLE_CODES.has(code)) {
      return new DatabaseSetupError(`Lost the connection to Neo4j during a query: ${message}. Check that it still runs (\`npx cgct db status\`).`, { cause: error });
    }
    return error instanceof Error ? error : new Error(message);
  }
  const query = cypher.replace(/\s+/g, ' ').trim();
  const shown = query.length > 160 ? `${query.slice(0, 157)}...` : query;
  let cause = `Neo4j refused the query: ${message}`;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') cause = `Constraint violated: ${message}`;
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') cause = `${message}: check NEO4J_DATABASE (unset, it means the server's default database)`;
  if (code === 'Neo.ClientError.Statement.AccessMode') cause = `This query writes, but it ran in a read-only transaction: ${message}`;
  return new DatabaseQueryError(`${cause}\n  [${code}] in: ${shown}`, code, { cause: error });
}
