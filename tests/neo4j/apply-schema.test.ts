import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { SCHEMA_STATEMENTS } from '../../graph-schema/schema-statements.ts';
import { readRows, writeRows } from '../../neo4j/driver.ts';
import { clearGraph, openTestDriver } from '../helpers/neo4j.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
});
afterAll(() => driver.close());

describe('applySchema', () => {
  it('changes nothing when applied twice, and leaves every index online', async () => {
    const before = await readRows(driver, 'SHOW INDEXES YIELD name RETURN name ORDER BY name');
    await applySchema(driver);
    await applySchema(driver);
    const after = await readRows<{ name: string; state: string }>(driver, 'SHOW INDEXES YIELD name, state RETURN name, state ORDER BY name');
    expect(after.map((index) => index.name)).toEqual(before.map((index) => index.name));
    expect(after.length).toBeGreaterThanOrEqual(SCHEMA_STATEMENTS.length);
    expect(after.filter((index) => index.state !== 'ONLINE')).toEqual([]);
  });

  it('gives a French full-text index: a search for "délibérations" finds "délibération"', async () => {
    await writeRows(driver, "CREATE (:Article {id: 'L2131-1', title: 'Transmission', text: 'Les actes pris par les autorités communales sont exécutoires de plein droit dès la délibération.'})");
    const [index] = await readRows<{ name: string }>(
      driver, "SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes WHERE 'Article' IN labelsOrTypes RETURN name",
    );
    const hits = await readRows(driver, 'CALL db.index.fulltext.queryNodes($index, $words) YIELD node RETURN node.id AS id', {
      index: index!.name,
      words: 'délibérations',
    });
    expect(hits).toEqual([{ id: 'L2131-1' }]);
  });
});
