/** `cgct db status`: is the configured Neo4j up, where, and what does it hold? */
import { resolveConnectionSettings, usesExternalNeo4j } from './connection-settings.ts';
import { openDriver, readRows } from './driver.ts';
import { isExplainedError } from './errors.ts';
import { describeInstanceFiles, resolveLocalServerOptions } from './local-server-options.ts';
import { findRunningPid } from './local-server.ts';

/** Exit code of `status` when the database is not up (as in LSB init scripts). */
export const NOT_RUNNING = 3;

/** Prints the status; resolves to 0 when Neo4j answers, 3 when it does not. */
export async function describeDatabaseStatus(): Promise<number> {
  const settings = resolveConnectionSettings();
  if (!usesExternalNeo4j()) {
    const options = resolveLocalServerOptions();
    const pid = findRunningPid(options);
    if (pid === undefined) {
      console.log(`Neo4j is not running (port ${options.port}, data in ${describeInstanceFiles(options.homeDir).dataDir}). Start it with \`npx cgct db start\`.`);
      return NOT_RUNNING;
    }
    console.log(`Neo4j is running (pid ${pid}) on ${settings.uri}, data in ${describeInstanceFiles(options.homeDir).dataDir}.`);
  }
  try {
    const driver = await openDriver(settings);
    try {
      const info = await driver.getServerInfo({ database: settings.database });
      const [counts] = await readRows<{ nodes: number; relationships: number }>(
        driver, 'CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
      );
      console.log(`${info.agent} answers at ${settings.uri}${settings.source === 'env' ? ' (NEO4J_URI)' : ''}: ${counts?.nodes} nodes, ${counts?.relationships} relationships.`);
      return 0;
    } finally {
      await driver.close();
    }
  } catch (error) {
    if (!isExplainedError(error)) throw error;
    console.log(error.message);
    return NOT_RUNNING;
  }
}
