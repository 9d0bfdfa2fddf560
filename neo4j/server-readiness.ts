/**
 * Is the server up? Asked over Bolt itself (a `RETURN 1` in the default database), since "the
 * process runs" and even "the port is open" come before the databases are ready.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import neo4j from 'neo4j-driver';

/** What one probe found. */
export type ProbeResult = { state: 'ready' } | { state: 'unreachable' } | { state: 'refused'; reason: string };

/** Tries once to log in and run a query. */
export async function probeBolt(uri: string, user: string, password: string): Promise<ProbeResult> {
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    connectionTimeout: 2000,
    connectionAcquisitionTimeout: 3000,
    maxConnectionPoolSize: 1,
  });
  // An auto-commit query, not executeQuery: the latter retries for up to 30 s by itself.
  const session = driver.session();
  try {
    await session.run('RETURN 1');
    return { state: 'ready' };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    // Unauthorized before the system database finished starting is not final; a bad password is.
    if (code.startsWith('Neo.ClientError.Security.')) return { state: 'refused', reason: (error as Error).message };
    return { state: 'unreachable' };
  } finally {
    await session.close();
    await driver.close();
  }
}

/** The size of a file, 0 when it does not exist yet (so a later tail reads only this run's lines). */
export function measureFile(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The last `count` lines written to `file` after byte `from`. */
export function readLogTail(file: string, from = 0, count = 20): string[] {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return [];
  }
  try {
    const size = statSync(file).size;
    const start = Math.max(from, size - 64 * 1024);
    const buffer = Buffer.alloc(Math.max(0, size - start));
    readSync(fd, buffer, 0, buffer.length, start);
    return buffer.toString('utf8').split('\n').filter((line) => line.trim() !== '').slice(-count);
  } finally {
    closeSync(fd);
  }
}

/** Waits `ms` milliseconds (between two probes). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
