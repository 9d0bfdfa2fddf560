/**
 * Where the local Neo4j lives and how big it is. One folder per server ("instance"), keyed by its
 * Bolt port so that the product's server (7687) and the tests' (7688) never share a store:
 *
 *   .cache/neo4j/lib/                 the jars resolved by neo4j/pom.xml (shared by every instance)
 *   .cache/neo4j/server-7687/conf/    the generated neo4j.conf
 *   .cache/neo4j/server-7687/data/    the store (databases, transaction logs, dbms/auth.ini)
 *   .cache/neo4j/server-7687/logs/    neo4j.log, debug.log, console.log (the JVM's own output)
 *   .cache/neo4j/server-7687/neo4j.pid, password
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSetupError } from './errors.ts';

/** Everything needed to run one local Neo4j. */
export interface LocalServerOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** The instance folder (conf, data, logs, pid and password files). */
  homeDir: string;
  /** Folder holding the server's jars. */
  libDir: string;
  /** JVM heap, in Neo4j's size syntax ("2g"); initial = max so the heap never resizes. */
  heapSize: string;
  /** Page cache (the store's pages kept in memory), e.g. "1g". */
  pageCacheSize: string;
  /** How long to wait for Bolt to answer after launching, in milliseconds. */
  startTimeoutMs: number;
  /** More JVM flags (the tests' server trades peak speed for a faster start). */
  extraJvmArgs?: string[];
}

/** The project's root folder (this file is in neo4j/). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Default Bolt port of the product's local server. */
export const DEFAULT_BOLT_PORT = 7687;

/** The jars folder filled by `mvn -f neo4j/pom.xml dependency:copy-dependencies`. */
export const DEFAULT_LIB_DIR = path.join(PROJECT_ROOT, '.cache', 'neo4j', 'lib');

/** Sized for a 2-core / 24 GiB machine shared with the ingest and the web server. */
const DEFAULT_HEAP = '2g';
const DEFAULT_PAGE_CACHE = '1g';

/** Reads a port from the environment, refusing anything that is not one. */
export function parsePort(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new DatabaseSetupError(`${name}="${value}" is not a TCP port: give a number between 1 and 65535.`);
  }
  return port;
}

/** Reads a memory size in the syntax both Neo4j and the JVM accept ("512m", "2g"). */
function parseSize(value: string | undefined, fallback: string, name: string): string {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+[kmg]?$/i.test(value)) throw new DatabaseSetupError(`${name}="${value}" is not a memory size: write it like 512m or 2g.`);
  return value;
}

/** The instance folder of the product's server listening on `port`. */
export function defaultHomeDir(port: number): string {
  return path.join(PROJECT_ROOT, '.cache', 'neo4j', `server-${port}`);
}

/**
 * The product's local server, from the environment: CGCT_BOLT_PORT (default 7687),
 * CGCT_NEO4J_HOME, CGCT_NEO4J_LIB, CGCT_NEO4J_HEAP, CGCT_NEO4J_PAGECACHE, CGCT_NEO4J_START_TIMEOUT
 * (seconds). See .env.example.
 */
export function resolveLocalServerOptions(env: NodeJS.ProcessEnv = process.env): LocalServerOptions {
  const port = parsePort(env.CGCT_BOLT_PORT, DEFAULT_BOLT_PORT, 'CGCT_BOLT_PORT');
  const timeoutSeconds = Number(env.CGCT_NEO4J_START_TIMEOUT || 180);
  return {
    port,
    homeDir: path.resolve(env.CGCT_NEO4J_HOME || defaultHomeDir(port)),
    libDir: path.resolve(env.CGCT_NEO4J_LIB || DEFAULT_LIB_DIR),
    heapSize: parseSize(env.CGCT_NEO4J_HEAP, DEFAULT_HEAP, 'CGCT_NEO4J_HEAP'),
    pageCacheSize: parseSize(env.CGCT_NEO4J_PAGECACHE, DEFAULT_PAGE_CACHE, 'CGCT_NEO4J_PAGECACHE'),
    startTimeoutMs: (Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? timeoutSeconds : 180) * 1000,
  };
}

/** Files of one instance, derived from its home folder. */
export function describeInstanceFiles(homeDir: string) {
  return {
    confDir: path.join(homeDir, 'conf'),
    confFile: path.join(homeDir, 'conf', 'neo4j.conf'),
    dataDir: path.join(homeDir, 'data'),
    authFile: path.join(homeDir, 'data', 'dbms', 'auth.ini'),
    logsDir: path.join(homeDir, 'logs'),
    neo4jLog: path.join(homeDir, 'logs', 'neo4j.log'),
    consoleLog: path.join(homeDir, 'logs', 'console.log'),
    pidFile: path.join(homeDir, 'neo4j.pid'),
    passwordFile: path.join(homeDir, 'password'),
  };
}

/** The Bolt URI of a local server. */
export function toLocalUri(port: number): string {
  return `bolt://127.0.0.1:${port}`;
}
