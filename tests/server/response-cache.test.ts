/**
 * The response cache (server/response-cache.ts) against the real test Neo4j: a repeated request
 * is answered from memory with the same bytes, a write that changes the graph's revision is seen
 * at the next request, errors are never kept, identical requests arriving together run once, and
 * with a revision check interval a write shows once the interval has passed.
 */
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';
import { CACHE_STATUS_HEADER } from '../../server/response-cache.ts';
import { openTestDriver } from '../helpers/neo4j.ts';
import { resetToSampleGraph, SAMPLE_TEXT_L1115_1 } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';

const ARTICLE_QUERY = '{ article(id: "L1115-1") { id text references { target { id } } } }';

let driver: Driver;
const servers: TestServer[] = [];

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
}

/**
 * Changes L1115-1's text the way the product's writers do: the article and its open version (the
 * text shown today), and the revision, in one transaction.
 */
async function rewriteText(text: string): Promise<void> {
  const session = driver.session();
  try {
    await session.executeWrite(async (tx) => {
      await tx.run("MATCH (a:Article {id: 'L1115-1'})-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL SET a.text = $text, v.text = $text", { text });
      await tx.run(BUMP_GRAPH_REVISION);
    });
  } finally {
    await session.close();
  }
}

/** POSTs a query and returns the status, the cache header and the raw body. */
async function post(server: TestServer, query: string): Promise<{ status: number; cache: string | null; body: string }> {
  const response = await fetch(`${server.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, cache: response.headers.get(CACHE_STATUS_HEADER), body: await response.text() };
}

beforeAll(async () => {
  driver = await openTestDriver();
});

beforeEach(async () => {
  await resetToSampleGraph();
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await driver?.close();
});

describe('the response cache', () => {
  it('answers a repeated request from memory with the same bytes', async () => {
    const server = await start();
    const first = await post(server, ARTICLE_QUERY);
    const second = await post(server, ARTICLE_QUERY);
    expect(first).toMatchObject({ status: 200, cache: 'MISS' });
    expect(second).toMatchObject({ status: 200, cache: 'HIT' });
    expect(second.body).toBe(first.body);
    expect(JSON.parse(second.body).data.article.text).toBe(SAMPLE_TEXT_L1115_1);
  });

  it('serves the new text at the first request after a write changed the revision', async () => {
    const server = await start();
    await post(server, ARTICLE_QUERY);
    expect((await post(server, ARTICLE_QUERY)).cache).toBe('HIT');
    await rewriteText('Texte modifié par la loi.');
    const after = await post(server, ARTICLE_QUERY);
    expect(after.cache).toBe('MISS');
    expect(JSON.parse(after.body).data.article.text).toBe('Texte modifié par la loi.');
  });

  it('never keeps an answer with errors', async () => {
    const server = await start();
    const query = '{ neighborhood(id: "L1115-1", depth: 50) { truncated } }';
    const first = await post(server, query);
    const second = await post(server, query);
    expect(JSON.parse(first.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect([first.cache, second.cache]).toEqual(['MISS', 'MISS']);
  });

  it('runs identical requests arriving together once', async () => {
    const server = await start();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(server, ARTICLE_QUERY)));
    expect(answers.filter((answer) => answer.cache === 'MISS')).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
  });

  it('lets the least recently used answers go when it is full', async () => {
    // Room for a few small answers only: the first of twelve distinct queries is pushed out.
    const server = await start({ responseCache: { maxBytes: 1024, revisionCheckMs: 0 } });
    const queries = Array.from({ length: 12 }, (_, index) => `{ search(query: "L${index + 1}", first: 1) { totalCount } }`);
    for (const query of queries) expect((await post(server, query)).cache).toBe('MISS');
    expect((await post(server, queries.at(-1)!)).cache).toBe('HIT');
    expect((await post(server, queries[0]!)).cache).toBe('MISS');
  });

  it('with a revision check interval, shows a write once the interval has passed', async () => {
    const server = await start({ responseCache: { maxBytes: 1024 * 1024, revisionCheckMs: 2000 } });
    await post(server, ARTICLE_QUERY);
    await rewriteText('Texte modifié par la loi.');
    const soon = await post(server, ARTICLE_QUERY);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await post(server, ARTICLE_QUERY);
    // Within the interval the revision read is reused, so the kept answer is still served.
    expect(JSON.parse(soon.body).data.article.text).toBe(SAMPLE_TEXT_L1115_1);
    expect(later.cache).toBe('MISS');
    expect(JSON.parse(later.body).data.article.text).toBe('Texte modifié par la loi.');
  });

  it('keeps an answer for one day only: read "as of today", it is stale tomorrow', async () => {
    const server = await start();
    const saved = process.env.CGCT_TODAY;
    const query = '{ today article(id: "L2131-2") { references { target { id } } } }';
    try {
      process.env.CGCT_TODAY = '2037-12-31';
      await post(server, query);
      const kept = await post(server, query);
      process.env.CGCT_TODAY = '2038-01-01';
      const nextDay = await post(server, query);
      expect(kept.cache).toBe('HIT');
      expect(nextDay.cache).toBe('MISS');
      // The deferred version took effect that day: it cites L2131-7, no longer L2131-1.
      expect(JSON.parse(nextDay.body).data).toEqual({ today: '2038-01-01', article: { references: [{ target: { id: 'L2131-7' } }] } });
    } finally {
      if (saved === undefined) delete process.env.CGCT_TODAY;
      else process.env.CGCT_TODAY = saved;
    }
  });

  it('can be turned off', async () => {
    const server = await start({ responseCache: false });
    await post(server, ARTICLE_QUERY);
    expect((await post(server, ARTICLE_QUERY)).cache).toBeNull();
  });
});
