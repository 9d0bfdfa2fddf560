/**
 * The database monitor (server/database-monitor.ts) over a stand-in driver whose `RETURN 1`
 * succeeds or fails on demand, and what the error mask makes of a timeout while it says Neo4j is
 * away. The live path (a real Neo4j stopped and restarted) is in hardening-availability.test.ts.
 */
import { Neo4jError, type Driver } from 'neo4j-driver';
import { afterEach, expect, it } from 'vitest';
import { createDatabaseMonitor, type DatabaseMonitor } from '../../server/database-monitor.ts';
import { maskServerError } from '../../server/errors.ts';

let up = true;
let probes = 0;
const driver = {
  session: () => ({
    run: () => {
      probes++;
      return up ? Promise.resolve({ records: [] }) : Promise.reject(new Neo4jError('connect ECONNREFUSED', 'ServiceUnavailable', '08000', ''));
    },
    close: () => Promise.resolve(),
  }),
} as unknown as Driver;

let monitor: DatabaseMonitor | undefined;
afterEach(() => {
  monitor?.stop();
  up = true;
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls, so that a busy machine only makes the test slower, not wrong.
async function until(predicate: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !predicate(); i++) await wait(10);
  expect(predicate()).toBe(true);
}

it('notices Neo4j gone within one probe, tells its listeners, and notices it back', async () => {
  monitor = createDatabaseMonitor({ driver, intervalMs: 50, downIntervalMs: 20 });
  let lost = 0;
  monitor.onUnavailable(() => lost++);
  await until(() => probes > 0);
  expect(monitor.isAvailable()).toBe(true);
  up = false;
  await until(() => !monitor!.isAvailable());
  expect(lost).toBe(1);
  expect(await monitor.check()).toBe(false);
  up = true;
  await until(() => monitor!.isAvailable());
  expect(await monitor.check()).toBe(true);
});

it('is marked down at once by a query that met an unreachable Neo4j, and a timeout then is a 503', async () => {
  monitor = createDatabaseMonitor({ driver, intervalMs: 10_000, downIntervalMs: 10_000 });
  const timedOut = new Neo4jError('The transaction has been terminated.', 'Neo.ClientError.Transaction.TransactionTimedOut', '25N05', '');
  expect(maskServerError(timedOut, 'Unexpected error.', monitor)).toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
  maskServerError(new Neo4jError('No routing servers available.', 'ServiceUnavailable', '08000', ''), 'Unexpected error.', monitor);
  expect(monitor.isAvailable()).toBe(false);
  expect(maskServerError(timedOut, 'Unexpected error.', monitor)).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } } });
});

it('stops probing when stopped', async () => {
  monitor = createDatabaseMonitor({ driver, intervalMs: 10 });
  const before = probes;
  await until(() => probes > before + 1);
  monitor.stop();
  const counted = probes;
  await wait(50);
  expect(probes).toBe(counted);
});
