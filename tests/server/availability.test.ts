/**
 * When Neo4j goes away the API says so — HTTP 503, a GraphQL error with code SERVICE_UNAVAILABLE
 * and Retry-After, /ready 503 while /health stays 200 — and it recovers by itself when Neo4j is
 * back, without restarting the server. This test stops and restarts the tests' Neo4j.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findRunningPid, startLocalServer, stopLocalServer } from '../../neo4j/local-server.ts';
import { resolveTestServerOptions } from '../helpers/neo4j.ts';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';

let server: TestServer;
const options = resolveTestServerOptions();

beforeAll(async () => {
  await resetToSampleGraph();
  server = await startTestServer();
});

afterAll(async () => {
  // Whatever happened above, leave the tests' Neo4j running for the next test files.
  if (findRunningPid(options) === undefined) await startLocalServer(options);
  await server?.close();
});

const QUERY = '{ article(id: "L1115-1") { id references { target { id } } } }';

// Polls until the predicate holds; the bound only keeps a broken run from hanging.
async function waitFor(predicate: () => Promise<boolean>, attempts: number): Promise<boolean> {
  for (let i = 0; i < attempts; i++) {
    if (await predicate()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}

it('answers 503 SERVICE_UNAVAILABLE while Neo4j is down and recovers by itself when it is back', async () => {
  const before = await server.graphql(QUERY);
  expect(before.status).toBe(200);
  expect(before.body.data!.article.id).toBe('L1115-1');

  await stopLocalServer(options);

  const down = await server.graphql(QUERY);
  expect(down.status).toBe(503);
  expect(down.headers.get('retry-after')).toBe('5');
  expect(down.body.errors![0]).toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
  expect(down.body.errors![0]!.message).toMatch(/Neo4j.*cannot be reached/);
  expect(JSON.stringify(down.body)).not.toMatch(/ECONNREFUSED|stack|\.ts:\d+/);
  expect((await fetch(`${server.origin}/ready`)).status).toBe(503);
  expect((await fetch(`${server.origin}/health`)).status).toBe(200);

  await startLocalServer(options);

  expect(await waitFor(async () => (await fetch(`${server.origin}/ready`)).status === 200, 60)).toBe(true);
  const after = await server.graphql(QUERY);
  expect(after.status).toBe(200);
  expect(after.body.errors).toBeUndefined();
  expect(after.body.data!.article.references).toHaveLength(13);
});
