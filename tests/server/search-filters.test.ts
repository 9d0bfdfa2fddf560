/**
 * The filters of `search` (server/search-filters.ts, issue 13) over the sample graph, where the
 * same words match an article in force and one that is not: "conventions étrangères" finds
 * L1115-1 (in force) and L1114-1 (repealed in 2004, renumbered L1115-1); "voie électronique"
 * finds R2131-1 (in force) and L2131-7 (in force from 2038). As a client sees it over HTTP (the
 * Cypher path), then the read model against the Cypher on every filter.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphRepository, type GraphRepository } from '../../server/graph-repository.ts';
import { createReadModelHolder } from '../../server/read-model/read-model-holder.ts';
import type { SearchFilters } from '../../server/search-filters.ts';
import { parseSearch, searchPrefix } from '../../server/search-query.ts';
import { startTestServer, type Json, type TestServer } from '../helpers/graphql-server.ts';
import { openTestDriver } from '../helpers/neo4j.ts';
import { resetToSampleGraph, SAMPLE_DEFERRED_DATE } from '../helpers/sample-graph.ts';

const SEARCH = `query ($q: String!, $inForceOnly: Boolean, $part: CodePart, $partie: Int, $asOf: Date) {
  search(query: $q, inForceOnly: $inForceOnly, part: $part, partie: $partie, asOf: $asOf) {
    totalCount notInForceCount edges { score exact node { id status } } suggestions { id } } }`;

let server: TestServer;
let driver: Driver;
let cypher: GraphRepository;
let fast: GraphRepository;

beforeAll(async () => {
  await resetToSampleGraph();
  // The Cypher path only: the read model is compared with it below.
  server = await startTestServer({ readModel: false });
  driver = await openTestDriver();
  cypher = createGraphRepository({ driver, queryTimeoutMs: 60_000 });
  const holder = createReadModelHolder({ driver, readRevision: () => cypher.getGraphRevision(), revisionCheckMs: 0 });
  fast = createGraphRepository({ driver, queryTimeoutMs: 60_000, readModel: holder.current });
  expect(await holder.ready()).not.toBeNull();
});

afterAll(async () => {
  await server?.close();
  await driver?.close();
});

async function search(variables: Record<string, unknown>) {
  const { status, body } = await server.graphql(SEARCH, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  const result = body.data!.search;
  return { ...result, hits: result.edges.map((e: Json) => `${e.node.id} ${e.node.status}`) };
}

describe('in force only', () => {
  it('lists the article in force and counts the repealed one matching the same words apart', async () => {
    const result = await search({ q: 'conventions étrangères' });
    expect(result.hits).toEqual(['L1115-1 IN_FORCE']);
    expect(result.totalCount).toBe(1);
    expect(result.notInForceCount).toBe(1);
  });

  it('lists both when asked for every status, each with its status, and counts the same one apart', async () => {
    const result = await search({ q: 'conventions étrangères', inForceOnly: false });
    // Lucene ranks the shorter text first: the order is the index's, the statuses are the point.
    expect([...result.hits].sort()).toEqual(['L1114-1 REPEALED', 'L1115-1 IN_FORCE']);
    expect(result.totalCount).toBe(2);
    expect(result.notInForceCount).toBe(1);
    expect(result.edges.map((e: Json) => e.exact)).toEqual([false, false]);
  });

  it('counts an article not yet in force apart today, and lists it on a date it is in force', async () => {
    expect((await search({ q: 'voie électronique' })).hits).toEqual(['R2131-1 IN_FORCE']);
    expect((await search({ q: 'voie électronique' })).notInForceCount).toBe(1);
    expect((await search({ q: 'voie électronique', inForceOnly: false })).hits).toEqual(expect.arrayContaining(['R2131-1 IN_FORCE', 'L2131-7 DEFERRED']));
    const later = await search({ q: 'voie électronique', asOf: '2038-06-01' });
    expect(later.hits).toEqual(expect.arrayContaining(['R2131-1 IN_FORCE', 'L2131-7 IN_FORCE']));
    expect(later.notInForceCount).toBe(0);
  });

  it('still finds a repealed article by its exact number, marked repealed, with no "did you mean"', async () => {
    const result = await search({ q: 'L. 4131-1' });
    expect(result.edges[0]).toEqual({ score: 2, exact: true, node: { id: 'L4131-1', status: 'REPEALED' } });
    expect(result.notInForceCount).toBe(0);
    expect(result.suggestions).toEqual([]);
  });

  it('leaves a repealed article out of a number prefix, counted apart', async () => {
    const result = await search({ q: 'L. 4131' });
    expect(result.hits).toEqual([]);
    expect(result.notInForceCount).toBe(1);
    expect((await search({ q: 'L. 4131', inForceOnly: false })).hits).toEqual(['L4131-1 REPEALED']);
  });
});

describe('part of the code', () => {
  it('keeps the Partie réglementaire or the Partie législative only', async () => {
    expect((await search({ q: "représentant de l'État", part: 'REGULATORY' })).hits).toEqual(['R2131-1 IN_FORCE']);
    const legislative = await search({ q: "représentant de l'État", part: 'LEGISLATIVE' });
    expect(legislative.hits).toContain('L1115-1 IN_FORCE');
    expect(legislative.hits.every((hit: string) => hit.startsWith('L'))).toBe(true);
  });

  it('keeps one Partie of both parts: the Deuxième partie holds L2131-1 and R2131-1, not L1115-1', async () => {
    const result = await search({ q: '2131-1', partie: 2 });
    expect(result.hits).toEqual(['L2131-1 IN_FORCE', 'R2131-1 IN_FORCE']);
    expect((await search({ q: '2131-1', partie: 2, part: 'REGULATORY' })).hits).toEqual(['R2131-1 IN_FORCE']);
    expect((await search({ q: 'conventions étrangères', partie: 2 })).hits).toEqual([]);
  });

  it('counts apart only the repealed matches of the part asked', async () => {
    expect((await search({ q: 'conventions étrangères', partie: 1 })).notInForceCount).toBe(1);
    expect((await search({ q: 'conventions étrangères', partie: 4 })).notInForceCount).toBe(0);
    expect((await search({ q: 'conventions étrangères', part: 'REGULATORY' })).notInForceCount).toBe(0);
  });

  it('refuses a Partie the CGCT does not have', async () => {
    const { body } = await server.graphql(SEARCH, { q: 'budget', partie: 8 });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'partie' });
  });
});

describe('the read model', () => {
  const FILTERS: SearchFilters[] = [
    { inForceOnly: true, part: null, partie: null },
    { inForceOnly: false, part: null, partie: null },
    { inForceOnly: true, part: 'REGULATORY', partie: null },
    { inForceOnly: false, part: 'LEGISLATIVE', partie: 2 },
    { inForceOnly: false, part: null, partie: 4 },
  ];
  const DATES = [null, '2000-01-01', '2009-03-12', SAMPLE_DEFERRED_DATE];

  it('finds by number what the Cypher finds, on every filter and date', async () => {
    for (const query of ['L. 4131-1', 'L4131', '2131-1', 'L', 'R', 'L. 2131-1 à L. 2131-7', 'L1114-1']) {
      // "L" alone is words to parseSearch; as a prefix it lists the whole Partie législative.
      const request = query.length === 1 ? { kind: 'number' as const, ...searchPrefix(query) } : parseSearch(query);
      if (request.kind !== 'number') throw new Error(`not a number search: ${query}`);
      for (const filters of FILTERS) {
        for (const asOf of DATES) {
          expect(await fast.searchNumbers(request, 0, 21, asOf, filters), `${query} ${asOf} ${JSON.stringify(filters)}`).toEqual(await cypher.searchNumbers(request, 0, 21, asOf, filters));
        }
      }
    }
  });

  it('finds by words what the Cypher finds, on every filter and date', async () => {
    for (const words of ['conventions étrangères', 'voie électronique', "représentant de l'État", 'conseil régional']) {
      const request = parseSearch(words);
      if (request.kind !== 'words') throw new Error(`not a word search: ${words}`);
      for (const filters of FILTERS) {
        for (const asOf of DATES) {
          expect(await fast.searchByWords(request.lucene, null, 0, 21, 1001, asOf, filters), `${words} ${asOf} ${JSON.stringify(filters)}`).toEqual(await cypher.searchByWords(request.lucene, null, 0, 21, 1001, asOf, filters));
        }
      }
    }
  });
});
