/**
 * Applies the constraints and indexes of schema-statements.ts. Every statement says
 * `IF NOT EXISTS`, so applying twice changes nothing; run at each `cgct db start` and before an
 * ingest. Waits for the indexes to be online, since a query planned while an index still populates
 * falls back to a label scan (and a full-text query fails outright).
 */
import type { Driver } from 'neo4j-driver';
import { runAutoCommit } from '../neo4j/driver.ts';
import { SCHEMA_STATEMENTS } from './schema-statements.ts';

/** How long to wait for indexes to come online, in seconds (an empty graph takes well under 1 s). */
const INDEX_ONLINE_TIMEOUT_SECONDS = 300;

/** Creates whatever constraint or index is missing; resolves once all indexes are online. */
export async function applySchema(driver: Driver, statements: string[] = SCHEMA_STATEMENTS): Promise<{ statements: number }> {
  // Schema commands cannot share a transaction with anything else: one auto-commit each.
  for (const statement of statements) await runAutoCommit(driver, statement);
  await runAutoCommit(driver, 'CALL db.awaitIndexes($seconds)', { seconds: INDEX_ONLINE_TIMEOUT_SECONDS });
  return { statements: statements.length };
}
