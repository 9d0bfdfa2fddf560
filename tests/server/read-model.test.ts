/**
 * The read model (server/read-model/) answers exactly what the repository's Cypher answers, on
 * the real graph: the history build of cgct-legifrance-md and cgct-lexlib, a sample of articles
 * (every 50th in id order, the renumbered, the most cited, those citing unresolved targets), of
 * dates (before the code, its first day, around a renumbering, today, a deferred amendment's) and
 * of directions, depths and limits; previous / next at every 50th place in code order; the
 * renumberings and versions of every renumbered article. Two repositories over one driver: one with Cypher only, one
 * with the model; every public result compared whole. Then a write: the model is not used until
 * rebuilt at the new revision, and shows the write once it is.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { runHistoryBuild } from '../../ingest/history/run-history-build.ts';
import { runCodesIngest } from '../../ingest/codes/run-codes-ingest.ts';
import { PROJECT_ROOT } from '../../neo4j/local-server-options.ts';
import { createGraphRepository, type GraphRepository } from '../../server/graph-repository.ts';
import { parseSearch } from '../../server/search-query.ts';
import { createReadModelHolder, type ReadModelHolder } from '../../server/read-model/read-model-holder.ts';
import { LINK_TYPES, type DirectionName } from '../../server/types.ts';
import { clearGraph, openTestDriver } from '../helpers/neo4j.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const TODAY = '2026-12-01';
const LONG = 600_000;
const DATES = [null, '1990-01-01', '1996-02-24', '2004-07-29', '2004-07-30', '2012-03-01', '2038-06-01'];

let driver: Driver;
let cypher: GraphRepository;
let fast: GraphRepository;
let holder: ReadModelHolder;
let sample: string[];
let savedToday: string | undefined;

beforeAll(async () => {
  savedToday = process.env.CGCT_TODAY;
  process.env.CGCT_TODAY = TODAY;
  driver = await openTestDriver();
  await clearGraph(driver);
  await runHistoryBuild(driver, [{ location: path.join(CORPUS, 'cgct-legifrance-md-history.bundle') }, { location: path.join(CORPUS, 'cgct-lexlib-history.bundle') }], { today: TODAY });
  // Three other codes beside it, cited by the CGCT and citing it: cross-code citations, the same number in two codes.
  await runCodesIngest(driver, path.join(CORPUS, 'all-codes-tip.bundle'), { only: ['code-de-lurbanisme', 'code-de-la-securite-interieure', 'code-du-travail'] });
  cypher = createGraphRepository({ driver, queryTimeoutMs: 60_000 });
  holder = createReadModelHolder({ driver, readRevision: () => cypher.getGraphRevision(), revisionCheckMs: 0 });
  fast = createGraphRepository({ driver, queryTimeoutMs: 60_000, readModel: holder.current });
  expect(await holder.ready()).not.toBeNull();
  const ids = async (statement: string) => (await driver.executeQuery(statement)).records.map((record) => String(record.get('id')));
  const everyFortieth = (await ids('MATCH (a:Article) RETURN a.id AS id ORDER BY a.id')).filter((_, i) => i % 50 === 0);
  const citingUnresolved = await ids('MATCH (a:Article)-[:CITES]->(:UnresolvedTarget) RETURN DISTINCT a.id AS id ORDER BY id LIMIT 15');
  const mostCited = await ids('MATCH (a:Article)<-[:CITES]-() RETURN a.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 5');
  const withMetadata = await ids("MATCH (a:Article)-[:CREATED_BY|MODIFIED_BY|REPEALED_BY|FORMER_TEXT|NEW_TEXT|RELATED_TO]->() RETURN DISTINCT a.id AS id ORDER BY id LIMIT 10");
  const otherCodes = (await ids('MATCH (a:Article) WHERE a.code IS NOT NULL RETURN a.id AS id ORDER BY a.id')).filter((_, i) => i % 400 === 0);
  sample = [...new Set(['L1115-1', 'L1114-1', 'L5211-8', 'L5211-15', 'L2131-1', 'L4131-1', 'NOT-AN-ID', 'code-de-lurbanisme:L300-5', 'code-du-travail:L2131-1', 'code-de-la-securite-interieure:L321-1', ...otherCodes, ...everyFortieth, ...citingUnresolved, ...mostCited, ...withMetadata])];
}, LONG);

afterAll(async () => {
  if (savedToday === undefined) delete process.env.CGCT_TODAY;
  else process.env.CGCT_TODAY = savedToday;
  await driver?.close();
});

it('gives every sampled article, its references and its link groups as the Cypher does, on every sampled date', async () => {
  let compared = 0;
  for (const id of sample) {
    for (const asOf of DATES) {
      expect(await fast.getArticle(id, asOf), `article ${id} ${asOf}`).toEqual(await cypher.getArticle(id, asOf));
      expect(await fast.getReferences(id, asOf), `references ${id} ${asOf}`).toEqual(await cypher.getReferences(id, asOf));
      for (const direction of ['OUTGOING', 'INCOMING'] as const) {
        expect(await fast.getLinkGroups(id, direction, asOf), `${direction} ${id} ${asOf}`).toEqual(await cypher.getLinkGroups(id, direction, asOf));
      }
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(1000);
}, LONG);

it('gives the same previous and next articles on every sampled date, and the same renumberings and versions', async () => {
  const keys = (await driver.executeQuery('MATCH (a:Article) WHERE a.sortKey IS NOT NULL RETURN a.sortKey AS key ORDER BY key')).records.map((record) => String(record.get('key')));
  // Every 50th, the first and last of the code, one past every family's end.
  const sampled = [...keys.filter((_, i) => i % 50 === 0), keys[0]!, keys.at(-1)!, 'L|9', 'R|', ''];
  for (const key of sampled) {
    for (const asOf of DATES) expect(await fast.getPreviousNext(key, asOf), `${key} ${asOf}`).toEqual(await cypher.getPreviousNext(key, asOf));
  }
  const renumbered = (await driver.executeQuery('MATCH (a:Article)-[:RENUMBERED_AS]-() RETURN DISTINCT a.id AS id ORDER BY id')).records.map((record) => String(record.get('id')));
  expect(renumbered.length).toBeGreaterThan(100);
  for (const id of [...renumbered, ...sample]) expect(await fast.getRenumbering(id), id).toEqual(await cypher.getRenumbering(id));
  // Versions with their amending and enacting texts, whatever the date.
  for (const id of [...renumbered, ...sample]) expect(await fast.getVersions(id), id).toEqual(await cypher.getVersions(id));
}, LONG);

it('walks the same neighbourhoods, whatever the direction, depth, types, limit and date', async () => {
  const cases: Array<[DirectionName, number, string[], number]> = [
    ['BOTH', 2, [...LINK_TYPES], 150],
    ['OUTGOING', 3, [...LINK_TYPES], 150],
    ['INCOMING', 2, [...LINK_TYPES], 150],
    ['BOTH', 1, ['CITES'], 500],
    ['BOTH', 3, ['CITES', 'MODIFIED_BY'], 20],
  ];
  let truncated = 0;
  for (const id of sample.filter((_, i) => i % 2 === 0)) {
    for (const asOf of [null, '2004-07-30', '2012-03-01']) {
      for (const [direction, depth, types, limit] of cases) {
        const expected = await cypher.getNeighborhood(id, depth, direction, types as never, limit, asOf);
        expect(await fast.getNeighborhood(id, depth, direction, types as never, limit, asOf), `${id} ${asOf} ${direction} ${depth} ${types.join()} ${limit}`).toEqual(expected);
        if (expected?.truncated) truncated++;
      }
    }
  }
  // The cap was reached in some walks: the cut is proven too.
  expect(truncated).toBeGreaterThan(5);
}, LONG);

it('finds the same articles by number, page by page, on every sampled date', async () => {
  for (const prefix of ['L', 'L1115', 'L1115-1', 'L2131-1', 'R', 'R*', 'LO', 'D1', 'A', 'L9999', 'code-de-lurbanisme:L300']) {
    for (const asOf of DATES) {
      for (const [skip, limit] of [[0, 21], [20, 21], [1000, 101]]) {
        // With the number (the same number in every other code) and without, as the API asks.
        for (const number of [null, prefix]) {
          expect(await fast.searchByNumber(prefix, number, skip!, limit!, asOf), `${prefix} ${asOf} ${skip}`).toEqual(await cypher.searchByNumber(prefix, number, skip!, limit!, asOf));
        }
      }
    }
  }
}, LONG);

it('finds the same articles for a citation: a bare number, a range, several articles, another code named', async () => {
  for (const query of ['2131-1', '1111-1', 'L. 2131-1 à L. 2131-5', 'articles L. 1111-1 et L. 2131-2', 'art. L 2131-1 CGCT', "article L. 300-5 du code de l'urbanisme", 'L. 300-1 à L. 300-5 du code de l’urbanisme']) {
    const request = parseSearch(query);
    if (request.kind !== 'number') throw new Error(`not a number search: ${query}`);
    for (const asOf of DATES) {
      for (const [skip, limit] of [[0, 21], [20, 21]]) {
        expect(await fast.searchNumbers(request, skip!, limit!, asOf), `${query} ${asOf} ${skip}`).toEqual(await cypher.searchNumbers(request, skip!, limit!, asOf));
      }
    }
  }
}, LONG);

it('finds the same articles by words (the full-text index ranks, the model filters and projects)', async () => {
  for (const words of ['représentant de l’État', 'conseil municipal', 'budget', 'maire délibération', 'métropole', 'abrogé', 'zzzzqqq']) {
    const request = parseSearch(words);
    if (request.kind !== 'words') throw new Error(`not a word search: ${words}`);
    for (const asOf of [null, '1996-02-24', '2004-07-30', '2038-06-01']) {
      for (const [skip, limit, window] of [[0, 21, 1001], [20, 21, 1001], [0, 5, 10]]) {
        for (const code of [null, 'CGCT', 'code-du-travail']) {
          expect(await fast.searchByWords(request.lucene, code, skip!, limit!, window!, asOf), `${words} ${asOf} ${skip}`).toEqual(await cypher.searchByWords(request.lucene, code, skip!, limit!, window!, asOf));
        }
      }
    }
  }
}, LONG);

it('answers from Cypher after a write until the model is rebuilt at the new revision, then from the new model', async () => {
  const before = await holder.current();
  expect(before).not.toBeNull();
  // The text shown is the version's of today (the article node's is the same, kept in step).
  await driver.executeQuery(`MATCH (a:Article {id: 'L1115-1'})-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL SET a.text = 'Texte réécrit.', v.text = 'Texte réécrit.' WITH count(*) AS done ${BUMP_GRAPH_REVISION}`);
  // The old model is not offered once the revision moved (a rebuild starts in the background).
  expect(await holder.current()).toBeNull();
  expect((await fast.getArticle('L1115-1', null))?.text).toBe('Texte réécrit.');
  const rebuilt = await holder.ready();
  expect(rebuilt).not.toBeNull();
  expect(rebuilt!.revision).not.toBe(before!.revision);
  expect(await holder.current()).toBe(rebuilt);
  expect((await fast.getArticle('L1115-1', null))?.text).toBe('Texte réécrit.');
}, LONG);
