/**
 * Load benchmark of the GraphQL API (issues 6 and 16): the server runs in a child process on
 * loopback, autocannon loads it from this one. Every figure of issue 16 in one run:
 *
 *   npx tsx bench/graphql-load.ts [--article L1115-1] [--as-of 2010-01-01] [--duration 10] [--connections 10]
 *                                 [--phases a,b,…] [--load-sample]
 *
 * The request is the article page's: text, references in order, outgoing and incoming link
 * groups, depth-2 neighbourhood capped at 150 nodes (ARTICLE_QUERY). Phases:
 *   direct       the same repository calls (the same Cypher) through the driver, one at a time,
 *                a different article each time: the "bare driver query" of the ratio;
 *   cypher       no response cache, no read model (CGCT_READ_MODEL=off): every request its Cypher;
 *   memory       no response cache, read model on (as `npm start`, minus the cache): a different
 *                article every request (first visits), 1 and --connections connections; then
 *                the same with asOf (articles in force on --as-of); search by number (a different
 *                number each time) and by words (a different word each time);
 *   routing      the memory phase's first visits again over a neo4j:// URI (routing driver);
 *   cache        the response cache on, the same article repeated (1 and --connections).
 * The load average is printed at each phase. Results go to bench/results/graphql-load.json.
 * Aims (issue 16): first visits 1 connection p50 ≤ 5 ms, p99 ≤ 20 ms; 10 connections p50 ≤ 10 ms,
 * p99 ≤ 50 ms, ≥ 1,000 req/s; searches p50 ≤ 10 ms at 10; asOf within 1.5×; ratio to the driver ≤ 1.3×.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
const AS_OF = option('as-of', '2010-01-01');
const DURATION = Number(option('duration', '10'));
const CONNECTIONS = Number(option('connections', '10'));
const PORT = Number(option('port', '4791'));
const PHASES = new Set(option('phases', 'direct,cypher,memory,routing,cache').split(','));
const WORDS = ['représentant de l’État', 'conseil municipal', 'budget', 'maire', 'délibération', 'commune nouvelle', 'syndicat mixte', 'région', 'préfet', 'élection', 'taxe', 'métropole'];

const NODE = 'id label kind partie status title';
const ARTICLE_QUERY = `query ($id: String!, $asOf: Date) {
  article(id: $id, asOf: $asOf) {
    id number status text validFrom validTo
    references { target { ${NODE} } code pinpoints spans via resolution reason candidates inForceFrom repealedOn repealedBy article }
    outgoing { type count nodes { ${NODE} } }
    incoming { type count nodes { ${NODE} } }
  }
  neighborhood(id: $id, depth: 2, limit: 150, asOf: $asOf) { center truncated nodes { ${NODE} } edges { id source target type } }
}`;
const SEARCH_QUERY = `query ($q: String!) { search(query: $q, first: 20) { totalCount edges { node { id number status excerpt } highlights } } }`;

const load1 = () => loadavg().map((l) => l.toFixed(2)).join(' ');
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Ids in a fixed shuffled order (the same every run, so that runs compare). */
function shuffle(ids: string[]): string[] {
  let seed = 1;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  return ids;
}

/** The articles in force today and on AS_OF, shuffled; describes the graph. */
async function prepareGraph(): Promise<{ graph: string; current: string[]; past: string[] }> {
  const driver = createServerDriver();
  try {
    const count = async () => (await driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n')).records[0]!.get('n').toNumber() as number;
    let articles = await count();
    if (articles === 0 && process.argv.includes('--load-sample')) {
      await loadSampleGraph(driver, resolveConnectionSettings().database);
      articles = await count();
    }
    if (articles === 0) throw new Error('The graph is empty: run the ingest, or pass --load-sample to write the sample graph into this empty database.');
    const repository = createGraphRepository({ driver, queryTimeoutMs: 60_000 });
    const inForce = async (asOf: string | null) => (await repository.searchByNumber('', null, 0, 100_000, asOf)).hits.map((hit) => hit.article.id);
    return { graph: `${articles} articles`, current: shuffle(await inForce(null)), past: shuffle(await inForce(AS_OF)) };
  } finally {
    await driver.close();
  }
}

/** The article page's data through the repository with Cypher only (no HTTP, no GraphQL), one request at a time. */
async function measureDirect(ids: string[]): Promise<{ p50: number; p99: number; count: number }> {
  const driver = createServerDriver();
  const repository = createGraphRepository({ driver, queryTimeoutMs: 10_000 });
  const timings: number[] = [];
  try {
    const until = Date.now() + DURATION * 1000;
    while (Date.now() < until && timings.length < 20_000) {
      const id = ids[timings.length % ids.length]!;
      const start = process.hrtime.bigint();
      // As GraphQL runs them: the two root fields at once, the article's fields once it is read.
      await Promise.all([
        repository.getArticle(id, null).then((found) => found && Promise.all([repository.getReferences(id, null), repository.getLinkGroups(id, 'OUTGOING', null), repository.getLinkGroups(id, 'INCOMING', null)])),
        repository.getNeighborhood(id, 2, 'BOTH', [...LINK_TYPES], 150, null),
      ]);
      timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  } finally {
    await driver.close();
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p99: percentile(timings, 99), count: timings.length };
}

type Figures = { p50: number; p99: number; requestsPerSecond: number; non2xx: number; errors: number; total: number; load: string };

/** Loads the server: every request the same body, or the next one `body()` gives. */
async function load(port: number, connections: number, body: string | (() => string)): Promise<Figures> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    ...(typeof body === 'string' ? { body } : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body() }) }] }),
    connections,
    duration: DURATION,
  });
  return { p50: result.latency.p50, p99: result.latency.p99, requestsPerSecond: result.requests.average, non2xx: result.non2xx, errors: result.errors, total: result.requests.total, load: load1() };
}

/** Starts server/main.ts; resolves once it listens and, with the read model, once the model is built (its log line). */
async function startServerProcess(port: number, environment: Record<string, string>): Promise<{ child: ChildProcess; built: string | null }> {
  const waitForModel = environment.CGCT_READ_MODEL !== 'off';
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(ROOT, 'server', 'main.ts')], {
    // One client sends thousands of requests a second here: no per-client rate limit.
    env: { ...process.env, CGCT_RATE_LIMIT_PER_MINUTE: 'off', ...environment, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let built: string | null = null;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server did not start (and build its read model) within 120 s.')), 120_000);
    let listening = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('http://')) listening = true;
      const line = /read model (built|not built)[^\n]*/.exec(text);
      if (line) built = line[0];
      if (listening && (!waitForModel || built)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`The server exited (${code}).`)));
  });
  return { child, built };
}

async function withServer<T>(port: number, environment: Record<string, string>, work: (built: string | null) => Promise<T>): Promise<T> {
  const { child, built } = await startServerProcess(port, environment);
  try {
    return await work(built);
  } finally {
    child.kill('SIGTERM');
  }
}

const { graph, current, past } = await prepareGraph();
console.log(`Graph: ${graph} (${current.length} in force today, ${past.length} on ${AS_OF}); ${DURATION} s per phase; ${CONNECTIONS} connections; load average ${load1()}.`);
const articleBody = (id: string, asOf: string | null = null) => JSON.stringify({ query: ARTICLE_QUERY, variables: { id, asOf } });
const rotate = (ids: string[], asOf: string | null = null) => {
  let next = 0;
  return () => articleBody(ids[next++ % ids.length]!, asOf);
};
const searchBody = (q: string) => JSON.stringify({ query: SEARCH_QUERY, variables: { q } });
// autocannon measures whole milliseconds: 0 is under one.
const ms = (value: number, width: number) => (value === 0 ? '<1' : String(value)).padStart(width);
const report = (label: string, figures: Figures) =>
  console.log(`${label.padEnd(52)} p50 ${ms(figures.p50, 3)} ms  p99 ${ms(figures.p99, 4)} ms  ${figures.requestsPerSecond.toFixed(0).padStart(5)} req/s  non-2xx ${figures.non2xx}  (load ${figures.load})`);
const results: Record<string, unknown> = { date: new Date().toISOString(), graph, article: ARTICLE, asOf: AS_OF, durationSeconds: DURATION, connections: CONNECTIONS };
const noCache = { CGCT_RESPONSE_CACHE_MB: '0' };

let direct: Awaited<ReturnType<typeof measureDirect>> | undefined;
if (PHASES.has('direct')) {
  direct = await measureDirect(current);
  console.log(`${'direct driver, Cypher, a different article each time'.padEnd(52)} p50 ${direct.p50.toFixed(2)} ms  p99 ${direct.p99.toFixed(2)} ms  (${direct.count} runs, load ${load1()})`);
  results.direct = direct;
}
// The server's p50 over the bare driver's (the same data by Cypher, no HTTP or GraphQL).
const ratio = (figures: Figures) => (direct ? ` ratio to the driver's Cypher (p50): ${(Math.max(figures.p50, 0.5) / direct.p50).toFixed(2)}x` : '');

if (PHASES.has('cypher')) {
  results.cypher = await withServer(PORT, { ...noCache, CGCT_READ_MODEL: 'off' }, async () => {
    await load(PORT, 1, rotate(current));
    const single = await load(PORT, 1, rotate(current));
    report('Cypher only, first visits, 1 conn', single);
    console.log(` ${ratio(single)}`);
    const loaded = await load(PORT, CONNECTIONS, rotate(current));
    report(`Cypher only, first visits, ${CONNECTIONS} conn`, loaded);
    return { single, loaded };
  });
}

const firstVisits = async (port: number, prefix: string) => {
  await load(port, 1, rotate(current)); // warm-up: JIT, connection pool
  const single = await load(port, 1, rotate(current));
  report(`${prefix}first visits, 1 conn`, single);
  console.log(` ${ratio(single)}`);
  const loaded = await load(port, CONNECTIONS, rotate(current));
  report(`${prefix}first visits, ${CONNECTIONS} conn`, loaded);
  return { single, loaded };
};

if (PHASES.has('memory')) {
  results.memory = await withServer(PORT + 1, noCache, async (built) => {
    console.log(`server: ${built}`);
    const visits = await firstVisits(PORT + 1, 'read model, ');
    const asOfSingle = await load(PORT + 1, 1, rotate(past, AS_OF));
    report(`read model, first visits asOf ${AS_OF}, 1 conn`, asOfSingle);
    const asOfLoaded = await load(PORT + 1, CONNECTIONS, rotate(past, AS_OF));
    report(`read model, first visits asOf ${AS_OF}, ${CONNECTIONS} conn`, asOfLoaded);
    console.log(`  asOf / current (p50, ${CONNECTIONS} conn): ${(asOfLoaded.p50 / Math.max(visits.loaded.p50, 1)).toFixed(2)}x`);
    let n = 0;
    const numbers = current.map((id) => id.replace(/^([A-Z*]+)/, '$1. '));
    const byNumber = await load(PORT + 1, CONNECTIONS, () => searchBody(numbers[n++ % numbers.length]!));
    report(`read model, search by number, ${CONNECTIONS} conn`, byNumber);
    let w = 0;
    const byWords = await load(PORT + 1, CONNECTIONS, () => searchBody(WORDS[w++ % WORDS.length]!));
    report(`read model, search by words (Cypher), ${CONNECTIONS} conn`, byWords);
    return { built, ...visits, asOfSingle, asOfLoaded, byNumber, byWords };
  });
}

if (PHASES.has('routing')) {
  const settings = resolveConnectionSettings();
  const uri = settings.uri.replace(/^bolt(\+s)?:\/\//, 'neo4j$1://');
  results.routing = await withServer(PORT + 2, { ...noCache, NEO4J_URI: uri, NEO4J_USER: settings.user, NEO4J_PASSWORD: settings.password }, async () => {
    console.log(`routing URI ${uri}:`);
    return firstVisits(PORT + 2, 'neo4j://, read model, ');
  });
}

if (PHASES.has('cache')) {
  results.cache = await withServer(PORT + 3, {}, async () => {
    await load(PORT + 3, 1, articleBody(ARTICLE));
    const single = await load(PORT + 3, 1, articleBody(ARTICLE));
    report(`response cache, same article (${ARTICLE}), 1 conn`, single);
    const loaded = await load(PORT + 3, CONNECTIONS, articleBody(ARTICLE));
    report(`response cache, same article, ${CONNECTIONS} conn`, loaded);
    return { single, loaded };
  });
}

mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
const file = path.join(ROOT, 'bench', 'results', 'graphql-load.json');
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written ${path.relative(ROOT, file)}`);
