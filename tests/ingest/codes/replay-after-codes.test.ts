/**
 * An amendment of the CGCT replayed after the other codes were loaded: its citations of another
 * code's articles point to those articles (or to "absent du code"), and a citation the amendment
 * keeps keeps its interval, as if the code had been there all along.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCodesIngest } from '../../../ingest/codes/run-codes-ingest.ts';
import { runHistoryBuild } from '../../../ingest/history/run-history-build.ts';
import { runReplay } from '../../../ingest/history/run-replay.ts';
import { readRows } from '../../../neo4j/driver.ts';
import { HandMadeHistory } from '../../helpers/hand-made-history.ts';
import { clearGraph, openTestDriver } from '../../helpers/neo4j.ts';

let driver: Driver;

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
});

afterAll(async () => {
  HandMadeHistory.removeAll();
  await driver?.close();
});

it('points an amendment\'s citations of a loaded code to its articles, keeping the intervals of those that go on', async () => {
  const history = new HandMadeHistory();
  history.commit({ 1: "Le traité suit l'article L. 300-5 du code de l'urbanisme." }, '2020-01-01', 'Loi A');
  await runHistoryBuild(driver, [{ location: history.dir }], { today: '2020-06-01' });
  await runCodesIngest(driver, 'tests/fixtures/codes');
  history.commit({ 1: "Le traité suit l'article L. 300-5 du code de l'urbanisme, l'article L. 300-4 du même code et l'article L. 300-8 du code de l'urbanisme." }, '2021-01-01', 'Loi B');
  await runReplay(driver, history.dir, { today: '2021-06-01' });
  const citations = await readRows<{ label: string; id: string; validFrom: string; validTo: string | null; reason: string | null }>(driver,
    `MATCH (:Article {id: 'L1111-1'})-[r:CITES]->(t) RETURN labels(t)[0] AS label, t.id AS id, r.validFrom AS validFrom, r.validTo AS validTo, r.reason AS reason ORDER BY id, validFrom`);
  expect(citations).toEqual([
    { label: 'Article', id: 'code-de-lurbanisme:L300-4', validFrom: '2021-01-01', validTo: null, reason: null },
    { label: 'Article', id: 'code-de-lurbanisme:L300-5', validFrom: '2020-01-01', validTo: null, reason: null },
    { label: 'UnresolvedTarget', id: 'code-de-lurbanisme:L300-8', validFrom: '2021-01-01', validTo: null, reason: 'absent-from-code' },
  ]);
  const placeholders = await readRows(driver, "MATCH (e:ExternalArticle) WHERE e.id STARTS WITH 'code-de-lurbanisme:' RETURN e.id AS id");
  expect(placeholders).toEqual([]);
}, 180_000);
