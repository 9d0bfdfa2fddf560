/**
 * Load benchmark of the GraphQL API (issue 6): the server runs in a child process on loopback,
 * autocannon loads it from this one.
 *
 *   npx tsx bench/graphql-load.ts [--article L1115-1] [--words "représentant de l'État"]
 *                                 [--duration 10] [--connections 10] [--load-sample]
 *
 * Measures, for "an article with its references + its depth-2 neighbourhood":
 *   1. the same repository calls (the same Cypher) run directly through the driver, one at a time;
 *   2. the GraphQL request with one connection (latency, and its ratio to 1.);
 *   3. the GraphQL request with `--connections` at once (requests per second, p50, p99);
 * and a word search with `--connections`. Aims: p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 1,000 req/s,
 * ratio ≤ 1.5. Reads whatever graph Neo4j holds (NEO4J_URI or the local server); with
 * --load-sample and an EMPTY database it first writes tests/helpers/sample-graph.ts.
 * Results go to bench/results/graphql-load.json. Every phase is bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { resolveConnectionSettings } from '../neo4j/connection-settings.ts';
import { createGraphRepository } from '../server/graph-repository.ts';
import { LINK_TYPES } from '../server/types.ts';
import { createServerDriver } from '../server/start-server.ts';
import { loadSampleGraph } from '../tests/helpers/sample-graph.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const ARTICLE = option('article', 'L1115-1');
const WORDS = option('words', "représentant de l'État");
const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '10'));
const PORT = Number(option('port', '4791'));

const ARTICLE_QUERY = `query ($id: String!) {
  article(id: $id) { id number text references { target { id label kind } spans pinpoints via resolution } }
  neighborhood(id: $id, depth: 2) { truncated nodes { id label kind partie status } edges { id source target type } }
}`;
const SEARCH_QUERY = `query ($q: String!) { search(query: $q, first: 20) { totalCount edges { node { id excerpt } highlights } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The same work as ARTICLE_QUERY, through the repository (same Cypher, no HTTP, no GraphQL). */
async function measureDirect(): Promise<{ p50: number; p99: number; count: number; nodes: number }> {
  const driver = createServerDriver();
  const repository = createGraphRepository({ driver, queryTimeoutMs: 10_000 });
  const timings: number[] = [];
  let nodes = 0;
  try {
    const until = Date.now() + DURATION * 1000;
    while (Date.now() < until && timings.length < 20_000) {
      const start = process.hrtime.bigint();
      // As GraphQL runs them: the two root fields at once, references once the article is read.
      const [article, neighborhood] = await Promise.all([
        repository.getArticle(ARTICLE, null).then(async (found) => (found ? { found, references: await repository.getReferences(ARTICLE, null) } : null)),
        repository.getNeighborhood(ARTICLE, 2, 'BOTH', [...LINK_TYPES], 150, null),
      ]);
      timings.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!article || !neighborhood) throw new Error(`No article ${ARTICLE} in the graph: pass --article with an existing id.`);
      nodes = neighborhood.nodes.length;
    }
  } finally {
    await driver.close();
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99), count: timings.length, nodes };
}

async function load(query: string, variables: Record<string, unknown>, connections: number) {
  const result = await autocannon({
    url: `http://127.0.0.1:${PORT}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    connections,
    duration: DURATION,
  });
  return { p50: result.latency.p50, p99: result.latency.p99, requestsPerSecond: result.requests.average, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function startServerProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server did not start within 60 s.')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('http://')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}).`)));
  });
  return child;
}

async function prepareGraph(): Promise<string> {
  const driver = createServerDriver();
  try {
    const count = async () => (await driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n').toNumber() as number;
    let articles = await count();
    if (articles === 0 && process.argv.includes('--load-sample')) {
      await loadSampleGraph(driver, resolveConnectionSettings().database);
      articles = await count();
    }
    if (articles === 0) throw new Error('The graph is empty: run the ingest, or pass --load-sample to write the sample graph into this empty database.');
    return articles > 100 ? `ingested corpus (${articles} articles)` : `sample graph (${articles} articles)`;
  } finally {
    await driver.close();
  }
}

const graph = await prepareGraph();
console.log(`Graph: ${graph}; article ${ARTICLE}; ${DURATION} s per phase; ${CONNECTIONS} connections.`);
const direct = await measureDirect();
console.log(`direct driver (same Cypher):        p50 ${direct.p50.toFixed(2)} ms  p99 ${direct.p99.toFixed(2)} ms  (${direct.count} runs, ${direct.nodes} nodes in the neighbourhood)`);
const server = await startServerProcess();
try {
  await load(ARTICLE_QUERY, { id: ARTICLE }, 1); // warm-up: JIT, connection pool, query plans
  const single = await load(ARTICLE_QUERY, { id: ARTICLE }, 1);
  console.log(`GraphQL article+neighbourhood, 1 conn:  p50 ${single.p50} ms  p99 ${single.p99} ms  ${single.requestsPerSecond} req/s  ratio p50 ${(single.p50 / direct.p50).toFixed(2)}x`);
  const loaded = await load(ARTICLE_QUERY, { id: ARTICLE }, CONNECTIONS);
  console.log(`GraphQL article+neighbourhood, ${CONNECTIONS} conn: p50 ${loaded.p50} ms  p99 ${loaded.p99} ms  ${loaded.requestsPerSecond} req/s  non-2xx ${loaded.non2xx}`);
  const search = await load(SEARCH_QUERY, { q: WORDS }, CONNECTIONS);
  console.log(`GraphQL search "${WORDS}", ${CONNECTIONS} conn: p50 ${search.p50} ms  p99 ${search.p99} ms  ${search.requestsPerSecond} req/s  non-2xx ${search.non2xx}`);
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'results', 'graphql-load.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), graph, article: ARTICLE, words: WORDS, durationSeconds: DURATION, connections: CONNECTIONS, direct, single, loaded, search, ratioP50: single.p50 / direct.p50 }, null, 2)}\n`);
  console.log(`Written ${path.relative(ROOT, file)}`);
} finally {
  server.kill('SIGTERM');
}
