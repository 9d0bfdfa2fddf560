/**
 * The HTTP face of server/app.ts: GraphQL over HTTP conformance (graphql-http's audits), limits
 * and bad input answered in the standard error shape without a stack trace, the probes, the web
 * UI. Runs against the real test Neo4j with the sample graph.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';

let server: TestServer;
let webDist: string;

beforeAll(async () => {
  await resetToSampleGraph();
  webDist = mkdtempSync(path.join(tmpdir(), 'cgct-web-dist-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>CGCT</title><div id="app"></div>');
  writeFileSync(path.join(webDist, 'app.js'), 'console.log("ui")');
  server = await startTestServer({ webDistDir: webDist });
});

afterAll(async () => {
  await server?.close();
  rmSync(webDist, { recursive: true, force: true });
});

// The standard shape of a failed request: { errors: [{ message, extensions: { code } }] }, and
// nothing that looks like a stack trace or an internal file.
function expectCleanErrors(body: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }): void {
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.errors!.length).toBeGreaterThan(0);
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/\bat \S+ \(|\.ts:\d+|node_modules|stack/);
  for (const error of body.errors!) expect(typeof error.message).toBe('string');
}

describe('GraphQL over HTTP (graphql-http audits)', () => {
  // Every MUST and every SHOULD of the audits passes today (61 of 61 with graphql-yoga 5.24);
  // a SHOULD that stops passing after an upgrade is printed here, a MUST fails the test.
  const audits = serverAudits({ url: () => `${server.origin}/graphql` });
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn();
      if (result.status !== 'ok' && !audit.name.startsWith('MUST')) console.warn(`${audit.name}: ${result.reason}`);
      if (audit.name.startsWith('MUST')) expect(result.status === 'ok' ? 'ok' : result.reason).toBe('ok');
    });
  }
});

describe('bad input', () => {
  it('answers a malformed query with a syntax error, 400, in the standard shape', async () => {
    const { status, body } = await server.graphql('{ article(id: "L1115-1") { id ');
    expect(status).toBe(400);
    expectCleanErrors(body);
    expect(body.errors![0]!.message).toMatch(/Syntax Error/);
  });

  it('refuses absurd arguments with BAD_USER_INPUT naming the argument', async () => {
    const cases: Array<[string, string]> = [
      ['{ neighborhood(id: "L1115-1", depth: 50) { center } }', 'depth'],
      ['{ neighborhood(id: "L1115-1", limit: 100000) { center } }', 'limit'],
      ['query ($first: Int) { search(query: "commune", first: $first) { totalCount } }', 'first'],
      ['query ($first: Int) { impact(id: "L2131-1", first: $first) { totalCount } }', 'first'],
      ['{ impact(id: "L2131-1", maxDepth: 50) { totalCount } }', 'maxDepth'],
      ['{ path(from: "L1115-1", to: "L2131-1", maxLength: 0) { length } }', 'maxLength'],
      ['{ search(query: "commune", after: "not-a-cursor") { totalCount } }', 'after'],
      ['{ neighborhood(id: "pas un numéro") { center } }', 'id'],
    ];
    for (const [query, argumentName] of cases) {
      const { status, body } = await server.graphql(query, { first: 1_000_000 });
      expect(status).toBe(200);
      expectCleanErrors(body);
      expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
      expect(body.errors![0]!.message).toContain(argumentName);
    }
  });

  it('refuses a literal "first: 1000000" before running it, by the cost limit', async () => {
    const { status, body } = await server.graphql('{ search(query: "commune", first: 1000000) { totalCount edges { node { id } } } }');
    expect(status).toBe(400);
    expectCleanErrors(body);
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors![0]!.message).toMatch(/cost limit/i);
  });

  it('refuses a malformed date', async () => {
    const { status, body } = await server.graphql('{ article(id: "L1115-1", asOf: "2024-02-30") { id } }');
    expect(status).toBe(400);
    expectCleanErrors(body);
    expect(body.errors![0]!.message).toMatch(/YYYY-MM-DD/);
  });

  it('refuses a query nested too deep before running it', async () => {
    const nested = 'sections { '.repeat(17) + 'id' + ' }'.repeat(17);
    const { status, body } = await server.graphql(`{ tableOfContents { ${nested} } }`);
    expect(status).toBe(400);
    expectCleanErrors(body);
    expect(body.errors![0]!.message).toMatch(/depth/i);
    expect(body.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a query with too many aliases', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: stats { articles }`).join(' ');
    const { status, body } = await server.graphql(`{ ${aliases} }`);
    expect(status).toBe(400);
    expectCleanErrors(body);
    expect(body.errors![0]!.message).toMatch(/alias/i);
  });

  it('refuses a body over 100 kB with 413', async () => {
    const response = await fetch(`${server.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ stats { articles } } # ${'x'.repeat(200_000)}` }),
    });
    expect(response.status).toBe(413);
    const body = await response.json();
    expectCleanErrors(body);
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a body in an unsupported content type with 415', async () => {
    const response = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{ stats { articles } }' });
    expect(response.status).toBe(415);
    const body = await response.json();
    expectCleanErrors(body);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    expect(body.errors[0].message).toContain('application/json');
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(response.status).toBe(400);
    expectCleanErrors(await response.json());
  });

  it('masks unexpected errors: a field asked of an unknown type is a validation error, never a crash', async () => {
    const { status, body } = await server.graphql('{ article(id: "L1115-1") { nonexistent } }');
    expect(status).toBe(400);
    expectCleanErrors(body);
    // Field suggestions are blocked so the schema is not leaked to a prober.
    expect(body.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});

describe('probes', () => {
  it('says it is alive on /health and ready on /ready while Neo4j answers', async () => {
    const health = await fetch(`${server.origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});

describe('GraphiQL and the web UI', () => {
  it('shows GraphiQL to a browser at /graphql', async () => {
    const response = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it("lets GraphiQL's full introspection query through the depth, token and cost limits", async () => {
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
    const { status, body } = await server.graphql(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });

  it('serves the built UI at /, its files, and index.html for the browser routes', async () => {
    const home = await fetch(`${server.origin}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="app">');
    const script = await fetch(`${server.origin}/app.js`);
    expect(await script.text()).toContain('console.log');
    const route = await fetch(`${server.origin}/articles/L1115-1`, { headers: { accept: 'text/html' } });
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app">');
    expect((await fetch(`${server.origin}/missing.js`)).status).toBe(404);
  });

  it('says in French how to build the UI when web/dist is missing', async () => {
    const bare = await startTestServer({ webDistDir: path.join(webDist, 'absent') });
    try {
      const response = await fetch(`${bare.origin}/`);
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(text).toContain("L'interface web n'est pas encore construite");
      expect(text).toContain('npm start');
    } finally {
      await bare.close();
    }
  });
});
