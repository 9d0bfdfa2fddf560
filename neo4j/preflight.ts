/**
 * Checks made before launching the local Neo4j, so that a missing Java, missing jars, a full disk
 * or a taken port give one clear message instead of a JVM stack trace in a log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSetupError } from './errors.ts';
import { describePortOwner, isPortFree } from './port-owner.ts';

/** The store, its first transaction log (preallocated) and the logs need well under this. */
export const MIN_FREE_DISK_BYTES = 1024 ** 3;

/** The java executable: $JAVA_HOME/bin/java when JAVA_HOME is set, else the one on the PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): string {
  return env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** Throws unless a Java 17 or later runs (Neo4j 5.26 supports Java 17 and 21). */
export function checkJava(java: string = findJava()): void {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new DatabaseSetupError(
      `Java was not found ("${java}": ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}). ` +
        'Neo4j 5.26 needs Java 17 or 21: install it (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.',
    );
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(result.stderr)?.[1]);
  if (!(major >= 17)) {
    throw new DatabaseSetupError(
      `Java ${Number.isNaN(major) ? '(unknown version)' : major} found at "${java}", but Neo4j 5.26 needs Java 17 or 21: ` +
        'install openjdk-17 and put it first on the PATH or in JAVA_HOME.',
    );
  }
}

/** Throws unless the server's jars are there (they come from neo4j/pom.xml via Maven). */
export function checkJars(libDir: string): void {
  const jars = existsSync(libDir) ? readdirSync(libDir).filter((file) => file.endsWith('.jar')) : [];
  if (!jars.some((jar) => /^neo4j-\d/.test(jar))) {
    throw new DatabaseSetupError(
      `Neo4j's jars are missing from ${libDir}. Run \`node scripts/setup.js\` (it downloads them with Maven), ` +
        'or `npm start`, which does it for you.',
    );
  }
}

/** Throws when the disk holding `dir` has less than `minBytes` free. */
export function checkFreeDisk(dir: string, minBytes: number = MIN_FREE_DISK_BYTES): void {
  let existing = dir;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const stats = statfsSync(existing);
  const free = stats.bavail * stats.bsize;
  if (free < minBytes) {
    throw new DatabaseSetupError(
      `Not enough free disk for Neo4j: ${formatMiB(free)} free where ${dir} lives, ${formatMiB(minBytes)} needed. ` +
        'Free some space (or set CGCT_NEO4J_HOME to a folder on a bigger disk) and start again.',
    );
  }
}

function formatMiB(bytes: number): string {
  return `${Math.floor(bytes / 1024 ** 2)} MiB`;
}

/** Throws when something already listens on 127.0.0.1:port, naming the process when possible. */
export async function checkPortFree(port: number): Promise<void> {
  if (await isPortFree(port)) return;
  const owner = describePortOwner(port);
  throw new DatabaseSetupError(
    `Port ${port} is already taken${owner ? ` by ${owner}` : ' by another process'}, so Neo4j cannot listen on it. ` +
      `Stop that process, or choose another port with CGCT_BOLT_PORT=<port>.`,
  );
}
