/**
 * The server half of issue 15 over real HTTP and the real test Neo4j: no input gives a 500 (deep
 * nesting refused before graphql-js parses), the cost of a request counts aliases × depth × limit
 * with its variables, per-client rate limiting, security headers on every response, CORS off by
 * default and never with credentials, GraphiQL from the project's own files.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';
import { MAX_QUERY_COST, MAX_QUERY_NESTING } from '../../server/limits.ts';

let server: TestServer;
let webDist: string;

beforeAll(async () => {
  await resetToSampleGraph();
  webDist = mkdtempSync(path.join(tmpdir(), 'cgct-web-dist-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>CGCT</title><div id="app"></div>');
  server = await startTestServer({ webDistDir: webDist, responseCache: false });
});

afterAll(async () => {
  await server?.close();
  rmSync(webDist, { recursive: true, force: true });
});

function post(body: string | Uint8Array, contentType = 'application/json', origin = server.origin): Promise<Response> {
  return fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': contentType, accept: 'application/graphql-response+json, application/json' }, body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]) });
}

function get(params: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.origin}/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'application/graphql-response+json, application/json', ...headers } });
}

async function expectRefusal(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  expect(body.errors[0]!.extensions.code).toBe(code);
  expect(JSON.stringify(body)).not.toMatch(/RangeError|stack|\.ts:\d+|node_modules/);
  return body.errors[0]!.message;
}

describe('no input gives a 500', () => {
  const deepList = `{ neighborhood(id: "L1115-1", types: ${'['.repeat(5000)}${']'.repeat(5000)}) { center } }`;
  // Within Node's 16 kB of request line and headers (past it Node itself answers 431).
  const deepListForUrl = `{ neighborhood(id: "L1115-1", types: ${'['.repeat(1000)}${']'.repeat(1000)}) { center } }`;

  it('refuses a list literal nested 5,000 deep with a clear 400, in a JSON body, GET parameters and application/graphql', async () => {
    const message = await expectRefusal(await post(JSON.stringify({ query: deepList })), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(message).toContain(`more than ${MAX_QUERY_NESTING} levels`);
    await expectRefusal(await get({ query: deepListForUrl }), 400, 'GRAPHQL_VALIDATION_FAILED');
    await expectRefusal(await post(deepList, 'application/graphql'), 400, 'GRAPHQL_VALIDATION_FAILED');
    await expectRefusal(await post(new URLSearchParams({ query: deepList }).toString(), 'application/x-www-form-urlencoded'), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses selections, objects and parentheses nested deep, and variables nested 5,000 deep', async () => {
    for (const query of [`{ ${'a { '.repeat(5000)}b${' }'.repeat(5000)} }`, `{ a(b: ${'{c: '.repeat(5000)}1${'}'.repeat(5000)}) }`, `{ a${'('.repeat(5000)} }`]) {
      await expectRefusal(await post(JSON.stringify({ query })), 400, 'GRAPHQL_VALIDATION_FAILED');
    }
    // Written as text: JSON.stringify itself overflows on such a value.
    const deep = (depth: number) => `{"types": ${'['.repeat(depth)}"REFERENCE"${']'.repeat(depth)}}`;
    const query = 'query ($types: [LinkType!]) { neighborhood(id: "L1115-1", types: $types) { center } }';
    await expectRefusal(await post(`{"query": ${JSON.stringify(query)}, "variables": ${deep(5000)}}`), 400, 'BAD_USER_INPUT');
    await expectRefusal(await get({ query, variables: deep(1000) }), 400, 'BAD_USER_INPUT');
  });

  it('reads brackets inside strings, block strings and comments as text, not nesting', async () => {
    const inString = `{ search(query: "${'['.repeat(150)}") { totalCount } }`;
    const inBlock = `{ search(query: """${'{'.repeat(150)} \\""" """) { totalCount } }`;
    const inComment = `{ stats { articles } } # ${'('.repeat(500)}`;
    for (const query of [inString, inBlock, inComment]) {
      const response = await post(JSON.stringify({ query }));
      expect(response.status, query.slice(0, 40)).toBeLessThan(500);
      const body = await response.json();
      expect(JSON.stringify(body)).not.toMatch(/nests brackets/);
    }
  });

  it('answers every malformed or hostile request with a 4xx, never a 500', async () => {
    const bodies: Array<[string | Uint8Array, string]> = [
      ['', 'application/json'],
      ['null', 'application/json'],
      ['[]', 'application/json'],
      ['[{"query":"{ stats { articles } }"}]', 'application/json'],
      ['{"query": 42}', 'application/json'],
      ['{"query": {"a": 1}}', 'application/json'],
      ['{"query": "{ stats { articles } }", "variables": "[[["}', 'application/json'],
      ['{"query": "{ stats { articles } }", "variables": 7}', 'application/json'],
      ['{"query": "{ stats { articles } }", "operationName": ["x"]}', 'application/json'],
      ['{"query": "{ stats { articles } }", "extensions": {"persistedQuery": {"sha256Hash": "x"}}}', 'application/json'],
      ['{"query": "\\"\\"\\"unterminated"}', 'application/json'],
      ['{"query": "{ a(b: \\"\\\\u{110000}\\") }"}', 'application/json'],
      [`{"query": "${'{'.repeat(MAX_QUERY_NESTING)}"}`, 'application/json'],
      [`{"query": "{ ${'stats { articles } '.repeat(2000)} }"}`, 'application/json'],
      [`{"query": "{ search(query: \\"${'x'.repeat(49_000)}\\") { totalCount } }"}`, 'application/json'],
      ['{"query": "query ($x: [[[[[[Int]]]]]]) { stats { articles } }", "variables": {"x": [[[[[[1]]]]]]}}', 'application/json'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0xc3]), 'application/json'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0xc3]), 'application/graphql'],
      ['query=%E0%A4%A', 'application/x-www-form-urlencoded'],
      ['--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ stats { articles } }"}\r\n--x--', 'multipart/form-data; boundary=x'],
      ['{ stats { articles } }', 'application/graphql'],
    ];
    for (const [body, type] of bodies) {
      const response = await post(body, type);
      expect(response.status, `${type}: ${String(body).slice(0, 60)}`).toBeLessThan(500);
      await response.arrayBuffer();
    }
    const getParams: Array<Record<string, string>> = [{ query: '{'.repeat(5_000) }, { query: '"'.repeat(10_000) }, { query: '{ stats { articles } }', variables: '{' }, { query: '{ stats { articles } }', variables: '1e999' }, { query: 'mutation { x }' }, { query: '{ today }', extensions: '{' }, {}];
    for (const params of getParams) {
      const response = await get(params);
      expect(response.status, JSON.stringify(params).slice(0, 60)).toBeLessThan(500);
      await response.arrayBuffer();
    }
  });
});

describe('mutated queries', () => {
  // A fixed seed: the same 400 cases on every run (mulberry32).
  function createRandom(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const SEEDS = [
    '{ article(id: "L1115-1") { id references { target { id } via } } }',
    'query ($id: String!, $d: Int) { neighborhood(id: $id, depth: $d, types: [CITES]) { center nodes { id } edges { source target } } }',
    '{ search(query: "commune", first: 5) { totalCount edges { node { id } cursor } } }',
    '{ path(from: "L1115-1", to: "L2131-1") { length } impact(id: "L2131-1") { totalCount } stats { articles } }',
    'query Q { tableOfContents { id sections { id } } } fragment F on Query { today }',
  ];
  const PIECES = ['{', '}', '[', ']', '(', ')', '"', '"""', '\\', '...', '$', '@skip(if: true)', ':', ',', '#', '\u0000', '\ud800', '1e999', '-0', '__typename', 'first: -1', 'depth: 99999999999', 'id: null'];

  it('answers 400 seeded mutations of real queries (insert, delete, repeat, rotate) without a 500', async () => {
    const random = createRandom(15);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const statuses = new Set<number>();
    for (let i = 0; i < 400; i++) {
      let query = pick(SEEDS);
      for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * query.length);
        const kind = random();
        if (kind < 0.4) query = query.slice(0, at) + pick(PIECES) + query.slice(at);
        else if (kind < 0.6) query = query.slice(0, at) + query.slice(at + 1 + Math.floor(random() * 8));
        else if (kind < 0.8) query = query.slice(0, at) + query.slice(at, at + 6).repeat(1 + Math.floor(random() * 200)) + query.slice(at + 6);
        else query = query.slice(at) + query.slice(0, at);
      }
      const variables = random() < 0.5 ? { id: pick(['L1115-1', '', 'x'.repeat(300), '💩']), d: pick([1, 3, -1, 2 ** 31, 1.5]) } : undefined;
      const response = random() < 0.7 ? await post(JSON.stringify({ query, variables })) : await get({ query: query.slice(0, 4000) });
      statuses.add(response.status);
      expect(response.status, query).toBeLessThan(500);
      await response.arrayBuffer();
    }
    expect([...statuses].every((status) => [200, 400, 405].includes(status)), [...statuses].join()).toBe(true);
  });
});

describe('query cost', () => {
  const heavy = (alias: string) => `${alias}: neighborhood(id: "L1115-1", depth: 3, limit: 500) { center nodes { id } }`;

  // Refused by validation (GRAPHQL_VALIDATION_FAILED), so none of them ran; how fast is a figure of bench/, not of a test.
  it('refuses 15 aliases of a depth-3 / limit-500 neighbourhood before running them', async () => {
    const query = `{ ${Array.from({ length: 15 }, (_, i) => heavy(`n${i}`)).join(' ')} }`;
    const message = await expectRefusal(await post(JSON.stringify({ query })), 400, 'GRAPHQL_VALIDATION_FAILED');
    expect(message).toContain(`1500 points, more than the ${MAX_QUERY_COST}`);
  });

  it('counts arguments passed as variables, their defaults and fragments too', async () => {
    const withVariables = `query ($d: Int = 3, $l: Int) { ${Array.from({ length: 5 }, (_, i) => `n${i}: neighborhood(id: "L1115-1", depth: $d, limit: $l) { center }`).join(' ')} }`;
    await expectRefusal(await post(JSON.stringify({ query: withVariables, variables: { l: 500 } })), 400, 'GRAPHQL_VALIDATION_FAILED');
    const withFragments = `query { ...A ...B ... on Query { ${heavy('c')} } } fragment A on Query { ${heavy('a')} } fragment B on Query { ${heavy('b')} }`;
    await expectRefusal(await post(JSON.stringify({ query: withFragments })), 400, 'GRAPHQL_VALIDATION_FAILED');
  });

  // Expanding the 2^30 fields would never end within the test's timeout.
  it('refuses a fragment bomb (each fragment spreading the next twice, 2^30 fields)', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ${i === 29 ? 'today' : `...F${i + 1} ...F${i + 1}`} }`);
    const response = await post(JSON.stringify({ query: `{ ...F0 } ${fragments.join(' ')}` }));
    expect(response.status).toBe(400);
    await response.arrayBuffer();
  });

  it("lets one heavy field through, and the web UI's article and graph", async () => {
    const one = await server.graphql(`{ ${heavy('n')} }`);
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    const page = await server.graphql('{ article(id: "L1115-1") { id references { target { id } } } neighborhood(id: "L1115-1", depth: 2) { center } search(query: "commune") { totalCount } }');
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
  });
});

describe('security headers', () => {
  it('sends a strict CSP, nosniff, no framing and no referrer on every response', async () => {
    const responses = await Promise.all([
      fetch(`${server.origin}/`),
      fetch(`${server.origin}/articles/L1115-1`),
      fetch(`${server.origin}/missing.js`),
      fetch(`${server.origin}/health`),
      fetch(`${server.origin}/ready`),
      post(JSON.stringify({ query: '{ stats { articles } }' })),
      post('{', 'application/json'),
      fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } }),
    ]);
    for (const response of responses) {
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp, response.url).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
      await response.arrayBuffer();
    }
    expect(responses[0]!.headers.get('content-security-policy')).toContain("style-src 'self';");
  });
});

describe('CORS', () => {
  it('is off by default: no Access-Control header for any origin, a preflight refused with 403', async () => {
    for (const origin of ['https://evil.example', 'null', server.origin]) {
      const response = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ stats { articles } }' }) });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      await response.arrayBuffer();
      const preflight = await fetch(`${server.origin}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
      await preflight.arrayBuffer();
    }
  });

  it('allows the origins listed, never null, never with credentials', async () => {
    const listed = await startTestServer({ corsOrigins: ['https://ok.example'] });
    const any = await startTestServer({ corsOrigins: ['*'] });
    try {
      const ok = await fetch(`${listed.origin}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://ok.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe('https://ok.example');
      expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      expect(ok.headers.get('vary')).toMatch(/origin/i);
      const answer = await post(JSON.stringify({ query: '{ stats { articles } }' }), 'application/json', listed.origin);
      expect(answer.status).toBe(200);
      await answer.arrayBuffer();
      for (const [target, origin] of [[listed, 'https://evil.example'], [listed, 'null'], [any, 'null']] as const) {
        const refused = await fetch(`${target.origin}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
        expect(refused.status, origin).toBe(403);
        expect(refused.headers.get('access-control-allow-origin')).toBeNull();
        await refused.arrayBuffer();
      }
      const star = await fetch(`${any.origin}/graphql?query=${encodeURIComponent('{ stats { articles } }')}`, { headers: { origin: 'https://a.example', cookie: 'x=1' } });
      expect(star.headers.get('access-control-allow-origin')).toBe('*');
      expect(star.headers.get('access-control-allow-credentials')).toBeNull();
      await star.arrayBuffer();
    } finally {
      await listed.close();
      await any.close();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the burst, per client, and only on the API', async () => {
    const limited = await startTestServer({ rateLimit: { perMinute: 60, burst: 5 } });
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 8; i++) {
        const response = await fetch(`${limited.origin}/graphql?query=${encodeURIComponent('{ today }')}`);
        statuses.push(response.status);
        if (response.status === 429) refused = response;
        else await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await expectRefusal(refused!, 429, 'RATE_LIMITED');
      expect((await fetch(`${limited.origin}/health`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('cost budget per client', () => {
  it('answers 429 with Retry-After once a client has spent its points, whatever the number of requests', async () => {
    // 600 points a minute, bursts of 100: one depth-3 / limit-500 neighbourhood, then a wait.
    const limited = await startTestServer({ rateLimit: { perMinute: 6000, burst: 1000, pointsPerMinute: 600 }, responseCache: false });
    try {
      const heavy = '{ neighborhood(id: "L1115-1", depth: 3, limit: 500) { center } }';
      expect((await limited.graphql(heavy)).status).toBe(200);
      const refused = await limited.graphql(heavy);
      expect(refused.status).toBe(429);
      expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED', cost: 100 });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(5);
      // Cheap requests still pass once a few points have come back; other clients are not touched.
      expect((await server.graphql(heavy)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('GraphiQL', () => {
  it('is served from the project itself: no address of another host, no inline script', async () => {
    const response = await fetch(`${server.origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))[^>]*>/);
    for (const file of ['start.js', 'yoga-graphiql.js', 'graphiql.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js', 'favicon.ico']) {
      const asset = await fetch(`${server.origin}/graphiql/${file}`);
      expect(asset.status, file).toBe(200);
      await asset.arrayBuffer();
    }
    expect((await fetch(`${server.origin}/graphiql/constructor.js`)).status).toBe(404);
  });

  it('says so when it is turned off', async () => {
    const bare = await startTestServer({ graphiql: false });
    try {
      const response = await fetch(`${bare.origin}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('CGCT_GRAPHIQL=off');
    } finally {
      await bare.close();
    }
  });
});
