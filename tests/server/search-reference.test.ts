/**
 * Issue 13's search by reference through the GraphQL API, on the sample graph with a few articles
 * beside it (tests/helpers/other-code-articles.ts): a citation as a lawyer types it finds the articles it names first,
 * a number that does not exist offers the closest ones, counts say when they stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';
import { openTestDriver } from '../helpers/neo4j.ts';
import { addSearchArticles } from '../helpers/other-code-articles.ts';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';

let server: TestServer;

beforeAll(async () => {
  await resetToSampleGraph();
  const driver = await openTestDriver();
  try {
    await addSearchArticles(driver);
  } finally {
    await driver.close();
  }
  server = await startTestServer();
});

afterAll(() => server?.close());

interface SearchResult {
  totalCount: number;
  totalCountIsExact: boolean;
  edges: Array<{ node: { id: string }; score: number }>;
  suggestions: Array<{ id: string; number: string }>;
}

async function search(query: string): Promise<SearchResult> {
  const { status, body } = await server.graphql(
    'query ($q: String!) { search(query: $q, first: 10) { totalCount totalCountIsExact edges { node { id } score } suggestions { id number } } }',
    { q: query },
  );
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return (body.data as { search: SearchResult }).search;
}

const ids = (result: SearchResult) => result.edges.map((edge) => edge.node.id);

describe('search by reference', () => {
  it.each([
    ['2131-1', 'L2131-1'],
    ['L.2131-1', 'L2131-1'],
    ['art. L 2131-1 CGCT', 'L2131-1'],
    ['article L. 2131-1 du CGCT', 'L2131-1'],
    ['L2131-1 CGCT', 'L2131-1'],
    ["article L. 300-5 du code de l'urbanisme", 'code-de-lurbanisme:L300-5'],
    ["L. 300-5 du code de l'urbanisme", 'code-de-lurbanisme:L300-5'],
    ['article 1240 du code civil', 'code-civil:1240'],
    ['L. 2131-1 à L. 2131-5', 'L2131-1'],
  ])('finds "%s" first as %s', async (query, first) => {
    const result = await search(query);
    expect(ids(result)[0]).toBe(first);
    expect(result.edges[0]!.score).toBe(2);
    expect(result.suggestions).toEqual([]);
  });

  it('lists a bare number as the CGCT legislative article, then the regulatory one, then other codes with that number', async () => {
    expect(ids(await search('2131-1'))).toEqual(['L2131-1', 'R2131-1', 'code-de-lurbanisme:L2131-1']);
  });

  it('keeps the CGCT alone when the query names it', async () => {
    expect(ids(await search('article L. 2131-1 du CGCT'))).toEqual(['L2131-1']);
  });

  it('lists every article of a range in code order, and only those', async () => {
    // L2131-7 exists only from 2038: not in force today, not listed.
    expect(ids(await search('L. 2131-1 à L. 2131-5'))).toEqual(['L2131-1', 'L2131-2']);
  });

  it('offers "vouliez-vous dire" L1115-1 for L.115-1 (seed 001\'s typo), and nothing for a number that exists or a prefix', async () => {
    const typo = await search('L.115-1');
    expect(typo.totalCount).toBe(0);
    expect(typo.suggestions.map((article) => article.id)).toContain('L1115-1');
    expect(typo.suggestions[0]).toEqual({ id: 'L1115-1', number: 'L. 1115-1' });
    expect((await search('art. L 115-1 CGCT')).suggestions[0]?.id).toBe('L1115-1');
    expect((await search('L. 2131')).suggestions).toEqual([]);
    expect((await search('conseil municipal')).suggestions).toEqual([]);
  });

  it('says a count is exact', async () => {
    expect(await search('représentant État')).toMatchObject({ totalCountIsExact: true });
  });

  it('opens the article of every result: "Rubrique 2" (annex I) is found by its words and by its id', async () => {
    const result = await search('dépenses de personnel');
    expect(ids(result)).toContain('Rubrique 2');
    for (const id of ids(result)) {
      const { body } = await server.graphql('query ($id: String!) { article(id: $id) { id } }', { id });
      expect((body.data as { article: { id: string } | null }).article).toEqual({ id });
    }
  });
});
