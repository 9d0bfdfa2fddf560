/**
 * "Make the database usable": with NEO4J_URI set, check that external Neo4j answers; otherwise
 * start the local server unless it runs. Then apply the graph schema. `cgct db start` and
 * `cgct start` both go through here.
 */
import { applySchema } from '../graph-schema/apply-schema.ts';
import { resolveConnectionSettings, usesExternalNeo4j } from './connection-settings.ts';
import { openDriver } from './driver.ts';
import { resolveLocalServerOptions } from './local-server-options.ts';
import { startLocalServer, type RunningServer } from './local-server.ts';

/** What ensureDatabase found or did. */
export interface DatabaseReady {
  /** The URI the product uses. */
  uri: string;
  /** The local server (absent when NEO4J_URI points elsewhere). */
  local?: RunningServer;
  /** Neo4j's version, as the server reports it ("Neo4j/5.26.30"). */
  agent: string;
}

/** Starts (or finds) the database and applies the schema. */
export async function ensureDatabase(env: NodeJS.ProcessEnv = process.env): Promise<DatabaseReady> {
  const local = usesExternalNeo4j(env) ? undefined : await startLocalServer(resolveLocalServerOptions(env));
  const settings = resolveConnectionSettings(env);
  const driver = await openDriver(settings);
  try {
    const info = await driver.getServerInfo({ database: settings.database });
    await applySchema(driver);
    return { uri: settings.uri, local, agent: info.agent ?? 'Neo4j' };
  } finally {
    await driver.close();
  }
}
