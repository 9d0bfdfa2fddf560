/**
 * Load benchmark of the GraphQL API (issue 6): the server runs in a child process on loopback,
 * autocannon loads it from this one.
 *
 *   npx tsx bench/graphql-load.ts [--article L1115-1] [--words "représentant de l'État"]
 *                                 [--duration 10] [--connections 10] [--load-sample]
 *
 * Measures, for "an article with its references + its depth-2 neighbourhood":
 *   1. the same repository calls (the same Cypher) run directly through the driver, one at a time;
 *   2. a server without its response cache: one connection (latency, ratio to 1.), then
 *      `--connections` at once, then a word search: what every first request of a kind costs;
 *   3. the server as `npm start` runs it (response cache on): the same article repeated, with one
 *      and `--connections` connections; then a different article for every request (all misses,
 *      in a fixed shuffled order of the articles in force); then the same search repeated.
 * Aims: p50 ≤ 10 ms, p99 ≤ 50 ms, ≥ 1,000 req/s, ratio ≤ 1.5. Reads whatever graph Neo4j holds (NEO4J_URI or the local server); with
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

/** Loads the server: every request the same body, or the next of `bodies` in turn. */
async function load(port: number, connections: number, body: string | (() => string)) {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(typeof body === 'string' ? { body } : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body() }) }] }),
    connections,
    duration: DURATION,
  });
  return { p50: result.latency.p50, p99: result.latency.p99, requestsPerSecond: result.requests.average, non2xx: result.non2xx, errors: result.errors, total: result.requests.total };
}

async function startServerProcess(port: number, environment: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    env: { ...process.env, ...environment, PORT: String(port), HOST: '127.0.0.1' },
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

/** Describes the graph and lists its articles in a shuffled order (for the "another article each time" phase). */
async function prepareGraph(): Promise<{ graph: string; articleIds: string[] }> {
  const driver = createServerDriver();
  try {
    const count = async () => (await driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n').toNumber() as number;
    let articles = await count();
    if (articles === 0 && process.argv.includes('--load-sample')) {
      await loadSampleGraph(driver, resolveConnectionSettings().database);
      articles = await count();
    }
    if (articles === 0) throw new Error('The graph is empty: run the ingest, or pass --load-sample to write the sample graph into this empty database.');
    const ids = (await driver.executeQuery("MATCH (a:Article) WHERE a.status = 'in-force' RETURN a.id AS id")).records.map((record) => String(record.get('id')));
    // A fixed shuffle (same order every run), so that runs compare.
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    }
    return { graph: articles > 100 ? `ingested corpus (${articles} articles)` : `sample graph (${articles} articles)`, articleIds: ids };
  } finally {
    await driver.close();
  }
}

const { graph, articleIds } = await prepareGraph();
console.log(`Graph: ${graph}; article ${ARTICLE}; ${DURATION} s per phase; ${CONNECTIONS} connections.`);
const direct = await measureDirect();
console.log(`direct driver (same Cypher):                   p50 ${direct.p50.toFixed(2)} ms  p99 ${direct.p99.toFixed(2)} ms  (${direct.count} runs, ${direct.nodes} nodes in the neighbourhood)`);
const articleBody = (id: string) => JSON.stringify({ query: ARTICLE_QUERY, variables: { id } });
const searchBody = JSON.stringify({ query: SEARCH_QUERY, variables: { q: WORDS } });
const report = (label: string, figures: Awaited<ReturnType<typeof load>>) =>
  console.log(`${label.padEnd(46)} p50 ${String(figures.p50).padStart(3)} ms  p99 ${String(figures.p99).padStart(4)} ms  ${figures.requestsPerSecond.toFixed(0).padStart(5)} req/s  non-2xx ${figures.non2xx}`);

// Without the response cache: every request runs its Cypher (the ratio to the driver is taken here).
let server = await startServerProcess(PORT, { CGCT_RESPONSE_CACHE_MB: '0' });
let uncached;
try {
  await load(PORT, 1, articleBody(ARTICLE)); // warm-up: JIT, connection pool, query plans
  const single = await load(PORT, 1, articleBody(ARTICLE));
  report('no cache, article+neighbourhood, 1 conn', single);
  console.log(`  ratio to the driver (p50): ${(single.p50 / direct.p50).toFixed(2)}x`);
  const loaded = await load(PORT, CONNECTIONS, articleBody(ARTICLE));
  report(`no cache, article+neighbourhood, ${CONNECTIONS} conn`, loaded);
  const search = await load(PORT, CONNECTIONS, searchBody);
  report(`no cache, search, ${CONNECTIONS} conn`, search);
  uncached = { single, loaded, search, ratioP50: single.p50 / direct.p50 };
} finally {
  server.kill('SIGTERM');
}

// With the response cache, as `npm start` serves: a repeated request, then a different article each time.
server = await startServerProcess(PORT + 1, {});
let cached;
try {
  await load(PORT + 1, 1, articleBody(ARTICLE));
  const single = await load(PORT + 1, 1, articleBody(ARTICLE));
  report('cache, same article, 1 conn', single);
  const loaded = await load(PORT + 1, CONNECTIONS, articleBody(ARTICLE));
  report(`cache, same article, ${CONNECTIONS} conn`, loaded);
  let next = 0;
  const everyTimeAnother = await load(PORT + 1, CONNECTIONS, () => articleBody(articleIds[next++ % articleIds.length]!));
  report(`cache, another article each time, ${CONNECTIONS} conn`, everyTimeAnother);
  if (next > articleIds.length) console.log(`  (only ${articleIds.length} articles: some requests were repeats)`);
  const search = await load(PORT + 1, CONNECTIONS, searchBody);
  report(`cache, same search, ${CONNECTIONS} conn`, search);
  cached = { single, loaded, everyTimeAnother, search };
} finally {
  server.kill('SIGTERM');
}

mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
const file = path.join(ROOT, 'bench', 'results', 'graphql-load.json');
writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), graph, article: ARTICLE, words: WORDS, durationSeconds: DURATION, connections: CONNECTIONS, direct, uncached, cached }, null, 2)}\n`);
console.log(`Written ${path.relative(ROOT, file)}`);
