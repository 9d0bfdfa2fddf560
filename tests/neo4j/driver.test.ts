import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { openDriver, readRows, writeRows } from '../../neo4j/driver.ts';
import { DatabaseQueryError, DatabaseSetupError } from '../../neo4j/errors.ts';
import { isPortFree } from '../../neo4j/port-owner.ts';
import { clearGraph, openTestDriver } from '../helpers/neo4j.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await openTestDriver();
});
beforeEach(() => clearGraph(driver));
afterAll(() => driver.close());

function externalSettings(uri: string, password = process.env.NEO4J_PASSWORD!) {
  return { uri, user: 'neo4j', password, database: undefined, source: 'env' as const };
}

async function findFreePort(): Promise<number> {
  for (let port = 7790; port < 7890; port += 1) if (await isPortFree(port)) return port;
  throw new Error('no free port between 7790 and 7890');
}

describe('the driver helpers', () => {
  it('reads back what was written, as plain JS values', async () => {
    await writeRows(driver, 'UNWIND $rows AS row CREATE (:Article {id: row.id, rank: row.rank})', {
      rows: [{ id: 'L1115-1', rank: 1 }, { id: 'L2131-1', rank: 2 }],
    });
    const rows = await readRows<{ id: string; count: number }>(
      driver, 'MATCH (a:Article) RETURN a.id AS id, count(*) AS count ORDER BY id',
    );
    expect(rows).toEqual([{ id: 'L1115-1', count: 1 }, { id: 'L2131-1', count: 1 }]);
  });

  it('turns nodes, relationships, paths and dates into plain objects', async () => {
    await writeRows(driver, "CREATE (:Article {id: 'L1'})-[:CITES {validFrom: date('2014-01-29')}]->(:Article {id: 'L2'})");
    const [row] = await readRows(driver, 'MATCH p = (a:Article)-[r:CITES]->(b) RETURN a, r, p, r.validFrom AS since, 2^60 AS big');
    expect(row!.a).toMatchObject({ labels: ['Article'], properties: { id: 'L1' } });
    expect(row!.r).toMatchObject({ type: 'CITES', properties: { validFrom: '2014-01-29' } });
    expect((row!.p as { nodes: unknown[] }).nodes).toHaveLength(2);
    expect(row!.since).toBe('2014-01-29');
    expect(row!.big).toBe(2 ** 60);
  });

  it('reports a constraint violation with the key that clashed', async () => {
    await writeRows(driver, "CREATE (:Article {id: 'L1115-1'})");
    const failure = writeRows(driver, "CREATE (:Article {id: 'L1115-1'})");
    await expect(failure).rejects.toBeInstanceOf(DatabaseQueryError);
    await expect(failure).rejects.toMatchObject({
      code: 'Neo.ClientError.Schema.ConstraintValidationFailed',
      message: expect.stringMatching(/^Constraint violated: .*already exists with label `Article` and property `id` = 'L1115-1'/s),
    });
  });

  it('refuses a write inside a read transaction', async () => {
    await expect(readRows(driver, "CREATE (:Article {id: 'L1'})")).rejects.toThrow(/read-only transaction/);
    expect(await readRows(driver, 'MATCH (n) RETURN n')).toEqual([]);
  });

  it('works through the neo4j:// routing scheme', async () => {
    const routed = await openDriver(externalSettings(process.env.NEO4J_URI!.replace('bolt://', 'neo4j://')));
    try {
      await writeRows(routed, "CREATE (:Article {id: 'L1'})");
      expect(await readRows(routed, 'MATCH (a:Article) RETURN a.id AS id')).toEqual([{ id: 'L1' }]);
    } finally {
      await routed.close();
    }
  });

  it('says which setting to check when the password is wrong', async () => {
    const attempt = openDriver(externalSettings(process.env.NEO4J_URI!, 'not-the-password'));
    await expect(attempt).rejects.toBeInstanceOf(DatabaseSetupError);
    await expect(attempt).rejects.toThrow(/refused user "neo4j": wrong user name or password\. Check NEO4J_USER and NEO4J_PASSWORD/);
  });

  it('names the unreachable URI and what to check', async () => {
    const uri = `neo4j://127.0.0.1:${await findFreePort()}`;
    await expect(openDriver(externalSettings(uri))).rejects.toThrow(`Cannot reach Neo4j at ${uri} (set by NEO4J_URI)`);
  });

  it('tells the local user to start the server when it does not answer', async () => {
    const settings = { ...externalSettings(`bolt://127.0.0.1:${await findFreePort()}`), source: 'local' as const };
    await expect(openDriver(settings)).rejects.toThrow(/not running\. Start it with `npx cgct db start`/);
  });

  it('explains a URI that is not a Neo4j address', async () => {
    await expect(openDriver(externalSettings('http://localhost:7474'))).rejects.toThrow(/not a Neo4j address.*neo4j\+s:\/\//);
  });
});
