/**
 * `cgct db start|stop|status|reset`: the local Neo4j's life cycle (or, with NEO4J_URI set, a check
 * of the external one). `start --foreground` stays attached and stops Neo4j on Ctrl-C.
 */
import { ensureDatabase } from '../../neo4j/ensure-database.ts';
import { isExplainedError } from '../../neo4j/errors.ts';
import { describeDatabaseStatus } from '../../neo4j/database-status.ts';
import { resolveConnectionSettings, usesExternalNeo4j } from '../../neo4j/connection-settings.ts';
import { openDriver, runAutoCommit } from '../../neo4j/driver.ts';
import { describeInstanceFiles, resolveLocalServerOptions } from '../../neo4j/local-server-options.ts';
import { stopLocalServer } from '../../neo4j/local-server.ts';
import { waitForStopSignal } from '../../neo4j/foreground.ts';

export const describe = 'start, stop or check Neo4j; empty the graph (db start|stop|status|reset --yes)';

const USAGE = 'Usage: cgct db start [--foreground] | stop | status | reset --yes';

async function startDatabase(args: string[]): Promise<number> {
  const ready = await ensureDatabase();
  if (!ready.local) {
    console.log(`NEO4J_URI is set: using ${ready.agent} at ${ready.uri}, no local Neo4j started. Schema applied.`);
    return 0;
  }
  const { local } = ready;
  const dataDir = describeInstanceFiles(resolveLocalServerOptions().homeDir).dataDir;
  console.log(
    local.status === 'already-running'
      ? `Neo4j is already running on ${local.uri} (pid ${local.pid}). Schema applied.`
      : `${ready.agent} started on ${local.uri} in ${local.seconds.toFixed(1)} s (pid ${local.pid}, data in ${dataDir}). Schema applied.`,
  );
  if (!args.includes('--foreground')) return 0;
  console.log('Press Ctrl-C to stop Neo4j.');
  const outcome = await waitForStopSignal(local.pid);
  if (outcome === 'died') {
    console.error(`Neo4j (pid ${local.pid}) stopped by itself: see ${describeInstanceFiles(resolveLocalServerOptions().homeDir).neo4jLog}.`);
    return 1;
  }
  return stopDatabase();
}

async function stopDatabase(): Promise<number> {
  if (usesExternalNeo4j()) {
    console.log(`NEO4J_URI is set (${process.env.NEO4J_URI}): cgct never stops an external Neo4j.`);
    return 0;
  }
  const result = await stopLocalServer(resolveLocalServerOptions());
  if (result.status === 'not-running') console.log('Neo4j is not running.');
  else console.log(`Neo4j stopped (pid ${result.pid}${result.forced ? ', killed after 60 s without a clean shutdown' : ''}).`);
  return 0;
}

async function resetGraph(args: string[]): Promise<number> {
  const settings = resolveConnectionSettings();
  if (!args.includes('--yes')) {
    console.error(`cgct db reset deletes every node and relationship of ${settings.uri}. Run \`cgct db reset --yes\` to confirm.`);
    return 2;
  }
  const driver = await openDriver(settings);
  try {
    const [before] = await runAutoCommit<{ nodes: number }>(driver, 'MATCH (n) RETURN count(n) AS nodes');
    // In batches, so a large graph does not need one huge transaction; constraints and indexes stay.
    await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
    console.log(`Graph emptied: ${before?.nodes ?? 0} nodes deleted from ${settings.uri} (constraints and indexes kept).`);
    return 0;
  } finally {
    await driver.close();
  }
}

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  try {
    switch (action) {
      case 'start': return await startDatabase(rest);
      case 'stop': return await stopDatabase();
      case 'status': return await describeDatabaseStatus();
      case 'reset': return await resetGraph(rest);
      default:
        console.error(USAGE);
        return 2;
    }
  } catch (error) {
    if (!isExplainedError(error)) throw error;
    console.error(`cgct db ${action}: ${error.message}`);
    return 1;
  }
}
