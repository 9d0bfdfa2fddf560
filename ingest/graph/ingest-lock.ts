/**
 * One writer at a time: an ingest, a replay or a history build takes `(:IngestLock {key: 'graph'})`
 * in Neo4j before writing and removes it when done, so that a second one started meanwhile says
 * "an ingest is running since … (pid …)" and exits cleanly instead of dying on a constraint error
 * halfway. A lock left by a process that no longer runs on this machine (killed) is taken over.
 */
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { writeRows } from '../../neo4j/driver.ts';

/** Who holds the lock. */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  since: string;
}

/** Thrown when another writer holds the lock. */
export class IngestLockedError extends Error {
  constructor(readonly holder: LockHolder) {
    super(`an ingest is running since ${holder.since} (pid ${holder.pid} on ${holder.host}: ${holder.command}); wait for it to end, then run again`);
    this.name = 'IngestLockedError';
  }
}

/** Runs `work` holding the lock; throws IngestLockedError when a live process holds it. */
export async function withIngestLock<T>(driver: Driver, command: string, work: () => Promise<T>): Promise<T> {
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, since: new Date().toISOString().slice(0, 19).replace('T', ' ') };
  const [taken] = await writeRows<LockHolder & { mine: boolean }>(
    driver,
    `MERGE (l:IngestLock {key: 'graph'})
     ON CREATE SET l += $me
     RETURN l.pid AS pid, l.host AS host, l.command AS command, l.since AS since, l.pid = $me.pid AND l.host = $me.host AND l.since = $me.since AS mine`,
    { me },
  );
  if (!taken!.mine) {
    const holder = { pid: Number(taken!.pid), host: taken!.host, command: taken!.command, since: taken!.since };
    if (isAlive(holder)) throw new IngestLockedError(holder);
    // Left by a process that died (SIGKILL): take it over, unless another process just did.
    const [overtaken] = await writeRows<{ mine: boolean }>(
      driver,
      `MATCH (l:IngestLock {key: 'graph'}) WHERE l.pid = $old.pid AND l.host = $old.host AND l.since = $old.since
       SET l += $me RETURN true AS mine`,
      { old: holder, me },
    );
    if (!overtaken) throw new IngestLockedError(holder);
  }
  try {
    return await work();
  } finally {
    await writeRows(driver, "MATCH (l:IngestLock {key: 'graph'}) WHERE l.pid = $pid AND l.host = $host DELETE l", { pid: me.pid, host: me.host }).catch(() => {});
  }
}

/** Whether the holder still runs: only knowable on the same machine; elsewhere it is taken to run. */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
