import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { readRows, writeRows } from '../../neo4j/driver.ts';
import { clearGraph, openTestDriver, runCgct } from '../helpers/neo4j.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await openTestDriver();
});
beforeEach(async () => {
  await clearGraph(driver);
  await writeRows(driver, "CREATE (:Article {id: 'L1115-1'})-[:CITES]->(:Article {id: 'L2131-1'})");
});
afterAll(() => driver.close());

describe('cgct query', () => {
  it('prints one JSON object per row', async () => {
    const result = await runCgct(['query', 'MATCH (a:Article) RETURN a.id AS id, count { (a)-->() } AS cites ORDER BY id']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([
      { id: 'L1115-1', cites: 1 },
      { id: 'L2131-1', cites: 0 },
    ]);
  });

  it('passes --param values, numbers as integers', async () => {
    const result = await runCgct(['query', 'MATCH (a:Article {id: $id}) RETURN a LIMIT $limit', '--param', 'id=L2131-1', '--param', 'limit=1']);
    expect(JSON.parse(result.stdout)).toMatchObject({ a: { labels: ['Article'], properties: { id: 'L2131-1' } } });
  });

  it('refuses to write', async () => {
    const result = await runCgct(['query', "CREATE (:Article {id: 'L9'})"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ran in a read-only transaction');
    expect(await readRows(driver, "MATCH (a:Article {id: 'L9'}) RETURN a")).toEqual([]);
  });

  it('gives the clear message for a wrong password', async () => {
    const result = await runCgct(['query', 'RETURN 1'], { ...process.env, NEO4J_PASSWORD: 'wrong' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cgct query: Neo4j at bolt:\/\/127\.0\.0\.1:\d+ \(set by NEO4J_URI\) refused user "neo4j": wrong user name or password\. Check NEO4J_USER and NEO4J_PASSWORD\.\n$/);
  });

  it('says which setting is missing when NEO4J_URI comes without a password', async () => {
    const env = { ...process.env };
    delete env.NEO4J_PASSWORD;
    const result = await runCgct(['query', 'RETURN 1'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('asks for a password and NEO4J_PASSWORD is not set');
  });
});

describe('cgct db reset', () => {
  it('refuses without --yes', async () => {
    const result = await runCgct(['db', 'reset']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Run `cgct db reset --yes` to confirm');
    expect(await readRows(driver, 'MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 2 }]);
  });

  it('empties the graph and keeps the constraints', async () => {
    const result = await runCgct(['db', 'reset', '--yes']);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Graph emptied: 2 nodes deleted') });
    expect(await readRows(driver, 'MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    expect(await readRows(driver, "SHOW CONSTRAINTS YIELD name WHERE name = 'article_id' RETURN name")).toEqual([{ name: 'article_id' }]);
  });
});
