/**
 * Which Neo4j the product talks to. NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (and optionally
 * NEO4J_DATABASE) point it at any Neo4j: a container, Aura, a cluster (`neo4j://` or
 * `neo4j+s://` for routing). Without NEO4J_URI, it is the local server that `cgct db start` runs,
 * whose password was generated on its first start.
 */
import { readLocalPassword } from './initial-password.ts';
import { describeInstanceFiles, resolveLocalServerOptions, toLocalUri } from './local-server-options.ts';

/** Everything needed to connect. */
export interface ConnectionSettings {
  /** Bolt URI: bolt://, bolt+s://, neo4j:// or neo4j+s://. */
  uri: string;
  user: string;
  /** Empty when unknown (a local server never started). */
  password: string;
  /** Database name; undefined means the server's default database. */
  database: string | undefined;
  /** "env" when set by NEO4J_URI, "local" for the server that `cgct db start` runs. */
  source: 'env' | 'local';
  /** Where the local password is kept (local only), for messages. */
  passwordFile?: string;
}

/** True when NEO4J_URI sends the product to an external Neo4j (then none is started locally). */
export function usesExternalNeo4j(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.NEO4J_URI);
}

/** Reads the connection settings from the environment, else from the local server's files. */
export function resolveConnectionSettings(env: NodeJS.ProcessEnv = process.env): ConnectionSettings {
  if (usesExternalNeo4j(env)) {
    return {
      uri: env.NEO4J_URI!,
      user: env.NEO4J_USER || 'neo4j',
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      source: 'env',
    };
  }
  const options = resolveLocalServerOptions(env);
  return {
    uri: toLocalUri(options.port),
    user: 'neo4j',
    password: readLocalPassword(options.homeDir) ?? '',
    database: env.NEO4J_DATABASE || undefined,
    source: 'local',
    passwordFile: describeInstanceFiles(options.homeDir).passwordFile,
  };
}
