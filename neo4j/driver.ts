/**
 * The one way the product connects to Neo4j. Typical use:
 *
 *   const driver = await openDriver();              // settings from NEO4J_* or the local server
 *   try {
 *     const rows = await readRows<{ id: string }>(driver, 'MATCH (a:Article) RETURN a.id AS id');
 *     await writeRows(driver, 'UNWIND $rows AS row MERGE (a:Article {id: row.id})', { rows });
 *   } finally {
 *     await driver.close();
 *   }
 *
 * Reads run in read transactions and writes in write transactions (so a `neo4j://` cluster routes
 * them to readers and the leader), both retried by the driver on transient failures. Rows come
 * back as plain JS (see to-plain.ts). Failures are DatabaseSetupError (cannot connect: the message
 * says why and what to do) or DatabaseQueryError (Neo4j refused the query: its code and message).
 */
import neo4j, { type Driver, type Session } from 'neo4j-driver';
import { resolveConnectionSettings, type ConnectionSettings } from './connection-settings.ts';
import { explainConnectionError, explainQueryError } from './explain-error.ts';
import { toPlainRow } from './to-plain.ts';
import { DatabaseSetupError } from './errors.ts';

/** Database name per driver, for the sessions opened by the helpers below. */
const databases = new WeakMap<Driver, string | undefined>();

/** Connects and checks the connection (so a wrong URI or password fails here, clearly). */
export async function openDriver(settings: ConnectionSettings = resolveConnectionSettings()): Promise<Driver> {
  if (!settings.password && settings.source === 'local') {
    throw new DatabaseSetupError(
      `The local Neo4j has never been started (no password in ${settings.passwordFile}). ` +
        'Start it with `npx cgct db start`, or set NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD to use another Neo4j.',
    );
  }
  let driver: Driver;
  try {
    driver = neo4j.driver(settings.uri, neo4j.auth.basic(settings.user, settings.password), {
      userAgent: 'cgct-graph',
      connectionTimeout: 10_000,
    });
  } catch (error) {
    throw explainConnectionError(error, settings);
  }
  try {
    await driver.getServerInfo({ database: settings.database });
  } catch (error) {
    await driver.close();
    throw explainConnectionError(error, settings);
  }
  databases.set(driver, settings.database);
  return driver;
}

/** Opens a session on the configured database; close it in a `finally`. */
export function openSession(driver: Driver, mode: 'READ' | 'WRITE' = 'WRITE'): Session {
  return driver.session({
    database: databases.get(driver),
    defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
  });
}

/** Runs a query in a read transaction; resolves to its rows as plain objects. */
export async function readRows<Row = Record<string, unknown>>(
  driver: Driver, cypher: string, params: Record<string, unknown> = {},
): Promise<Row[]> {
  const session = openSession(driver, 'READ');
  try {
    const result = await session.executeRead((tx) => tx.run(cypher, params));
    return result.records.map((record) => toPlainRow(record) as Row);
  } catch (error) {
    throw explainQueryError(error, cypher);
  } finally {
    await session.close();
  }
}

/** Runs a query in a write transaction; resolves to its rows as plain objects. */
export async function writeRows<Row = Record<string, unknown>>(
  driver: Driver, cypher: string, params: Record<string, unknown> = {},
): Promise<Row[]> {
  const session = openSession(driver, 'WRITE');
  try {
    const result = await session.executeWrite((tx) => tx.run(cypher, params));
    return result.records.map((record) => toPlainRow(record) as Row);
  } catch (error) {
    throw explainQueryError(error, cypher);
  } finally {
    await session.close();
  }
}

/**
 * Runs a query in an auto-commit transaction: needed for `CALL { … } IN TRANSACTIONS` and
 * schema commands. Not retried; use it for administration only.
 */
export async function runAutoCommit<Row = Record<string, unknown>>(
  driver: Driver, cypher: string, params: Record<string, unknown> = {},
): Promise<Row[]> {
  const session = openSession(driver, 'WRITE');
  try {
    const result = await session.run(cypher, params);
    return result.records.map((record) => toPlainRow(record) as Row);
  } catch (error) {
    throw explainQueryError(error, cypher);
  } finally {
    await session.close();
  }
}
