/**
 * One writer at a time, against the real test Neo4j: a second ingest started while another holds
 * the lock says who holds it and since when, and writes nothing; a lock left by a killed process
 * is taken over; the lock is gone once the ingest ends.
 */
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows, writeRows } from '../../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { applySchema } from '../../../graph-schema/apply-schema.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';
import { dumpGraph } from '../../helpers/graph-dump.ts';

const SEEDS = path.join(PROJECT_ROOT, '..', 'shared', 'seeds');
let driver: Driver;

async function holdLock(pid: number): Promise<void> {
  await writeRows(driver, "CREATE (:IngestLock {key: 'graph', pid: $pid, host: $host, command: 'cgct ingest somewhere', since: '2026-12-01 09:00:00'})", { pid, host: os.hostname() });
}

async function lockCount(): Promise<number> {
  const [row] = await readRows<{ locks: number }>(driver, 'MATCH (l:IngestLock) RETURN count(l) AS locks');
  return Number(row!.locks);
}

beforeAll(async () => {
  driver = await openTestDriver();
  await applySchema(driver);
});
afterAll(() => driver.close());

describe('the ingest lock', () => {
  it('makes a second ingest say who is running since when, and write nothing', async () => {
    await clearGraph(driver);
    await holdLock(process.pid);
    const before = await dumpGraph(driver);
    const refused = await runCgct(['ingest', SEEDS]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`an ingest is running since 2026-12-01 09:00:00 (pid ${process.pid} on ${os.hostname()}: cgct ingest somewhere)`);
    expect(await dumpGraph(driver)).toEqual(before);
    const replay = await runCgct(['replay', path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-etalab-history.bundle')]);
    expect(replay.code).toBe(1);
    expect(replay.stderr).toContain('an ingest is running since');
  });

  it('takes over a lock left by a process that no longer runs, and removes it when done', async () => {
    await clearGraph(driver);
    // A pid above the kernel's limit cannot be running.
    await holdLock(4_194_304 + 1);
    const ingest = await runCgct(['ingest', SEEDS]);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(await lockCount()).toBe(0);
    const [{ articles } = { articles: 0 }] = await readRows<{ articles: number }>(driver, 'MATCH (a:Article) RETURN count(a) AS articles');
    expect(Number(articles)).toBeGreaterThan(0);
  });
});
