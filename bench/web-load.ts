/**
 * Speed of the web UI, measured in Debian's chromium (issue 7):
 *   1. navigation → an article shown with its graph (aim ≤ 1.5 s): a fresh browser context per
 *      run (cold cache), from navigation start to the later of the page's `article-shown` and
 *      `graph-ready` performance marks;
 *   2. layout and drawing of a 300-element neighbourhood (aim ≤ 500 ms): the panel's own
 *      build → layout → paint timings (data-render-ms) for a neighbourhood of 300 elements, first
 *      in a fresh page ("cold": the graph code runs for the first time), then again in the same
 *      page after going to the next article and back ("warm": the same graph laid out again). With
 *      --big-article ID the graph's real depth-2 neighbourhood of ID is used (it must have about
 *      300 elements); otherwise the `neighborhood` answer is replaced in the browser by a synthetic
 *      one of exactly 300 elements (a fixed pseudo-random citation graph around the article);
 *   3. the JavaScript sent, gzipped: the first page's entry chunk, the graph chunk, the dagre chunk;
 *   4. navigation → the table of contents page shown (/sommaire, issue 13): a fresh browser context
 *      per run, from navigation start to the page's `toc-shown` mark (the whole tree built, counts
 *      included); the first visit, whose answer the server's response cache does not hold yet, apart;
 *   5. search suggestions (issue 13): in one page, a query set in the search box as typing would,
 *      until the box lists that query's suggestions (its 150 ms debounce included); ten numbers
 *      and ten French word queries, each asked once, so every answer is the server's first.
 *
 *   npx tsx bench/web-load.ts [--article L1115-1] [--runs 5] [--big-article ID] [--url http://host:port]
 *                             [--load-sample]
 *
 * Without --url the UI is built (Vite) into a temporary folder and served by server/app.ts on a
 * loopback port over whatever graph Neo4j holds (NEO4J_URI or the local server); with
 * --load-sample and an EMPTY database it first writes tests/helpers/sample-graph.ts.
 * Results go to bench/results/web-load.json. Also measured: navigation → the impact panel shown
 * (issue 14, "impact panel shown (p50)"): a fresh browser context per run, from navigation start
 * to the panel's `impact-shown` mark, on --impact-article (default L2131-1, a much-cited article).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { createServerDriver } from '../server/start-server.ts';
import { resolveConnectionSettings } from '../neo4j/connection-settings.ts';
import { loadSampleGraph } from '../tests/helpers/sample-graph.ts';
import { buildWebUi, launchBrowser, removeWebUi } from '../tests/helpers/browser.ts';
import type { GraphEdge, GraphNode } from '../web/src/types.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}

const ARTICLE = option('article', 'L1115-1');
const RUNS = Math.max(1, Number(option('runs', '5')));
const BIG_ARTICLE = option('big-article', '');
const IMPACT_ARTICLE = option('impact-article', 'L2131-1');
const URL_OPTION = option('url', '');
const TIMEOUT_MS = 30_000;

/** Gzipped sizes of the built JavaScript, by role. */
function measureJavaScript(distDir: string): Record<string, number> {
  const assets = path.join(distDir, 'assets');
  const sizes: Record<string, number> = { entry: 0, graph: 0, dagre: 0, other: 0, css: 0 };
  for (const file of readdirSync(assets)) {
    const gzipped = gzipSync(readFileSync(path.join(assets, file)), { level: 9 }).length;
    const role = file.endsWith('.css') ? 'css' : file.startsWith('index-') ? 'entry' : file.startsWith('graph-panel-') ? 'graph' : file.includes('dagre') ? 'dagre' : 'other';
    sizes[role] = (sizes[role] ?? 0) + gzipped;
  }
  return sizes;
}

/** A fixed pseudo-random citation graph of exactly `nodes + edges` elements around `center`. */
function syntheticNeighborhood(center: string, nodeCount: number, edgeCount: number): { center: string; truncated: boolean; nodes: GraphNode[]; edges: GraphEdge[] } {
  let seed = 42;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const nodes: GraphNode[] = [{ id: center, label: center, kind: 'ARTICLE', partie: Number(center[1]) || 1, status: 'IN_FORCE', title: center }];
  for (let i = 1; i < nodeCount; i++) {
    const partie = 1 + (i % 7);
    const id = `L${partie}${String(100 + (i % 900)).padStart(3, '0')}-${1 + Math.floor(i / 7)}`;
    const kind = i % 17 === 0 ? 'EXTERNAL_ARTICLE' : i % 23 === 0 ? 'UNRESOLVED' : 'ARTICLE';
    nodes.push({ id, label: id, kind, partie: kind === 'ARTICLE' ? partie : null, status: i % 11 === 0 ? 'REPEALED' : 'IN_FORCE', title: `Article ${id}` });
  }
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  // The centre cites a third of the nodes; the rest of the edges join random pairs.
  for (let i = 1; i < nodes.length && edges.length < Math.floor(nodeCount / 3); i++) {
    edges.push({ id: `e${edges.length}`, source: center, target: nodes[i]!.id, type: 'CITES' });
    seen.add(`${center}|${nodes[i]!.id}`);
  }
  while (edges.length < edgeCount) {
    const source = nodes[1 + Math.floor(random() * (nodes.length - 1))]!.id;
    const target = nodes[Math.floor(random() * nodes.length)]!.id;
    if (source === target || seen.has(`${source}|${target}`)) continue;
    seen.add(`${source}|${target}`);
    edges.push({ id: `e${edges.length}`, source, target, type: edges.length % 9 === 0 ? 'MODIFIED_BY' : 'CITES' });
  }
  return { center, truncated: false, nodes, edges };
}

async function ensureGraph(): Promise<string> {
  const driver = createServerDriver();
  try {
    const session = driver.session({ database: resolveConnectionSettings().database });
    const count = async (): Promise<number> => {
      const result = await session.run('MATCH (a:Article) RETURN count(a) AS n');
      return Number(result.records[0]!.get('n'));
    };
    let articles = await count();
    if (articles === 0 && process.argv.includes('--load-sample')) {
      await loadSampleGraph(driver, resolveConnectionSettings().database);
      articles = await count();
    }
    await session.close();
    if (articles === 0) throw new Error('The graph is empty: run the ingest, or pass --load-sample to write the sample graph into this empty database.');
    return articles > 100 ? `ingested corpus (${articles} articles)` : `sample graph (${articles} articles)`;
  } finally {
    await driver.close();
  }
}

/** One cold navigation: ms from navigation start until the article and its graph are both shown. */
async function timeNavigation(browser: Browser, origin: string): Promise<{ articleMs: number; graphMs: number; shownMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/articles/${encodeURIComponent(ARTICLE)}`);
    await page.waitForFunction(() => performance.getEntriesByName('article-shown').length > 0 && performance.getEntriesByName('graph-ready').length > 0, undefined, { timeout: TIMEOUT_MS });
    const [articleMs, graphMs] = await page.evaluate(() => ['article-shown', 'graph-ready'].map((name) => performance.getEntriesByName(name)[0]!.startTime));
    return { articleMs: articleMs!, graphMs: graphMs!, shownMs: Math.max(articleMs!, graphMs!) };
  } finally {
    await context.close();
  }
}

/** One cold navigation to the table of contents: ms until the tree is on screen, and how many sections it holds. */
async function timeTocPage(browser: Browser, origin: string): Promise<{ shownMs: number; sections: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/sommaire`);
    await page.waitForFunction(() => performance.getEntriesByName('toc-shown').length > 0, undefined, { timeout: TIMEOUT_MS });
    return await page.evaluate(() => ({ shownMs: performance.getEntriesByName('toc-shown')[0]!.startTime, sections: document.querySelectorAll('.toc-section').length }));
  } finally {
    await context.close();
  }
}

/** One cold navigation: ms until the impact panel lists what depends on the article, and how many do. */
async function timeImpactPanel(browser: Browser, origin: string): Promise<{ shownMs: number; dependants: number }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/articles/${encodeURIComponent(IMPACT_ARTICLE)}`);
    await page.waitForFunction(() => performance.getEntriesByName('impact-shown').length > 0, undefined, { timeout: TIMEOUT_MS });
    return await page.evaluate(() => {
      const mark = performance.getEntriesByName('impact-shown')[0] as PerformanceMark;
      return { shownMs: mark.startTime, dependants: Number((mark.detail as { direct?: number } | null)?.direct ?? 0) };
    });
  } finally {
    await context.close();
  }
}

// Queries typed in the search box, each once per run so the server answers it for the first time:
// numbers as lawyers write them and French words (the full-text index).
const SUGGESTION_QUERIES = {
  number: ['L. 2131-1', '2121-29', 'L1111-2', 'art. L 2122-22', 'L. 5211-10', 'R2123-1', 'L3211-2', 'L. 4221-1', 'L1612-15', 'L. 2224-31'],
  words: ['conseil municipal', 'délibération', 'budget annexe', 'syndicat mixte', 'commune nouvelle', 'préfet de région', 'indemnités de fonction', 'marchés publics', 'eau potable', 'taxe de séjour'],
};

// web/src/search-box.ts's DEBOUNCE_MS (that module loads the UI's API client, not for Node): keep them equal.
const SUGGESTION_DEBOUNCE_MS = 150;

// In the page as a string: tsx would wrap a function's inner helpers in its __name, unknown there.
// Sets the box's value as typing would, and resolves with the ms until the suggestions of that query show.
const TYPE_AND_WAIT = `(query) => new Promise((resolve) => {
  const input = document.querySelector('#search-input');
  const list = document.querySelector('#search-suggestions');
  const start = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => (!list.hidden && list.textContent.includes('« ' + query + ' »') ? resolve(performance.now() - start) : requestAnimationFrame(check));
  check();
})`;

/** Ms from the last keystroke until the search box lists the query's suggestions (debounce included), per query. */
async function timeSuggestions(browser: Browser, origin: string, queries: string[]): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/articles/${encodeURIComponent(ARTICLE)}`);
    await page.waitForSelector('#search-input', { timeout: TIMEOUT_MS });
    const times: number[] = [];
    for (const query of queries) times.push(await page.evaluate(`(${TYPE_AND_WAIT})(${JSON.stringify(query)})`) as number);
    return times;
  } finally {
    await context.close();
  }
}

interface DrawTimings { elements: number; buildMs: number; layoutMs: number; labelMs: number; drawMs: number; totalMs: number }

async function readDrawTimings(page: Page): Promise<DrawTimings> {
  const data = await page.evaluate(() => ({ ...(document.querySelector('.graph-canvas') as HTMLElement).dataset }));
  return { elements: Number(data.elements), buildMs: Number(data.buildMs), layoutMs: Number(data.layoutMs), labelMs: Number(data.labelMs), drawMs: Number(data.drawMs), totalMs: Number(data.renderMs) };
}

/** Draws of a ~300-element neighbourhood, cold then warm: the panel's build, layout and paint timings. */
async function timeBigGraph(browser: Browser, origin: string): Promise<{ cold: DrawTimings; warm: DrawTimings }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  try {
    const page: Page = await context.newPage();
    let target = `${origin}/articles/${encodeURIComponent(BIG_ARTICLE)}?profondeur=2`;
    if (!BIG_ARTICLE) {
      const synthetic = syntheticNeighborhood(ARTICLE, 100, 200);
      await page.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('query Neighborhood')) return route.continue();
        await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { neighborhood: synthetic } }) });
      });
      target = `${origin}/articles/${encodeURIComponent(ARTICLE)}`;
    }
    await page.goto(target);
    await page.waitForSelector('.graph-canvas[data-state="ready"]', { timeout: TIMEOUT_MS });
    const cold = await readDrawTimings(page);
    // To look at: a fast layout is worth nothing if the drawing is a tangle.
    mkdirSync(path.join(ROOT, 'tests', 'artifacts'), { recursive: true });
    await page.locator('.graph-canvas').screenshot({ path: path.join(ROOT, 'tests', 'artifacts', 'web-load-300-elements.png') });
    // The same neighbourhood laid out again from scratch, the code now warm: next article, back.
    const drawn = (count: number) => page.waitForFunction((n) => performance.getEntriesByName('graph-ready').length >= n, count, { timeout: TIMEOUT_MS });
    await page.click('a.neighbour.next');
    await drawn(2);
    await page.goBack();
    await drawn(3);
    return { cold, warm: await readDrawTimings(page) };
  } finally {
    await context.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const distDir = await buildWebUi();
let server: Server | undefined;
let driver: ReturnType<typeof createServerDriver> | undefined;
let browser: Browser | undefined;
try {
  const javascript = measureJavaScript(distDir);
  let origin = URL_OPTION.replace(/\/$/, '');
  let graph = `the server at ${origin}`;
  if (!origin) {
    graph = await ensureGraph();
    driver = createServerDriver();
    const { app, readModel } = buildApp({ driver, logging: false, webDistDir: distDir });
    // As `npm start` serves once started: measured after the read model is built (on the full
    // graph that takes 20–33 s of CPU, which would slow the browser's own work measured here).
    await readModel?.ready();
    server = await new Promise<Server>((resolve, reject) => {
      const listening = app.listen(0, '127.0.0.1', (error?: Error) => (error ? reject(error) : resolve(listening)));
    });
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }
  browser = await launchBrowser();
  // One warm-up run: the server's first queries and chromium's first start are not what a user waits for.
  await timeNavigation(browser, origin);
  const navigations = [];
  for (let i = 0; i < RUNS; i++) navigations.push(await timeNavigation(browser, origin));
  const draws = [];
  for (let i = 0; i < RUNS; i++) draws.push(await timeBigGraph(browser, origin));
  const impacts = [];
  for (let i = 0; i < RUNS; i++) impacts.push(await timeImpactPanel(browser, origin));
  const suggestionsByNumber = await timeSuggestions(browser, origin, SUGGESTION_QUERIES.number);
  const suggestionsByWords = await timeSuggestions(browser, origin, SUGGESTION_QUERIES.words);
  const firstToc = await timeTocPage(browser, origin);
  const tocs = [];
  for (let i = 0; i < RUNS; i++) tocs.push(await timeTocPage(browser, origin));

  const results = {
    date: new Date().toISOString(),
    graph,
    article: ARTICLE,
    runs: RUNS,
    navigationToArticleWithGraphMs: { median: median(navigations.map((n) => n.shownMs)), max: Math.max(...navigations.map((n) => n.shownMs)), aim: 1500, runs: navigations },
    bigNeighbourhood: {
      source: BIG_ARTICLE ? `depth-2 neighbourhood of ${BIG_ARTICLE}` : 'synthetic, 100 nodes + 200 edges',
      elements: draws[0]!.cold.elements,
      layoutAndDrawMs: {
        cold: { median: median(draws.map((d) => d.cold.totalMs)), max: Math.max(...draws.map((d) => d.cold.totalMs)) },
        warm: { median: median(draws.map((d) => d.warm.totalMs)), max: Math.max(...draws.map((d) => d.warm.totalMs)) },
        aim: 500,
      },
      runs: draws,
    },
    tableOfContentsShownMs: {
      sections: firstToc.sections,
      firstVisit: firstToc.shownMs,
      median: median(tocs.map((t) => t.shownMs)),
      max: Math.max(...tocs.map((t) => t.shownMs)),
      runs: tocs,
    },
    searchSuggestionsShownMs: {
      debounceMs: SUGGESTION_DEBOUNCE_MS,
      byNumber: { p50: median(suggestionsByNumber), max: Math.max(...suggestionsByNumber), runs: suggestionsByNumber },
      byWords: { p50: median(suggestionsByWords), max: Math.max(...suggestionsByWords), runs: suggestionsByWords },
    },
    impactPanelShownMs: { article: IMPACT_ARTICLE, directDependants: impacts[0]!.dependants, p50: median(impacts.map((i) => i.shownMs)), max: Math.max(...impacts.map((i) => i.shownMs)), runs: impacts },
    javascriptGzipBytes: { ...javascript, firstPage: javascript.entry! + javascript.graph!, total: javascript.entry! + javascript.graph! + javascript.dagre! + javascript.other! },
  };
  mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench', 'results', 'web-load.json'), `${JSON.stringify(results, null, 2)}\n`);
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
  console.log(`Graph: ${graph}; ${RUNS} runs each, median (max)`);
  console.log(`Navigation → ${ARTICLE} shown with its graph: ${results.navigationToArticleWithGraphMs.median.toFixed(0)} ms (${results.navigationToArticleWithGraphMs.max.toFixed(0)} ms); aim ≤ 1500 ms`);
  const { cold, warm } = results.bigNeighbourhood.layoutAndDrawMs;
  console.log(`Layout + draw of ${results.bigNeighbourhood.elements} elements (${results.bigNeighbourhood.source}); aim ≤ 500 ms:`);
  console.log(`  first graph of the page: ${cold.median} ms (${cold.max} ms), of which layout ${median(draws.map((d) => d.cold.layoutMs))} ms (labels placed ${median(draws.map((d) => d.cold.labelMs))} ms), paint ${median(draws.map((d) => d.cold.drawMs))} ms`);
  console.log(`  next graph:              ${warm.median} ms (${warm.max} ms), of which layout ${median(draws.map((d) => d.warm.layoutMs))} ms (labels placed ${median(draws.map((d) => d.warm.labelMs))} ms), paint ${median(draws.map((d) => d.warm.drawMs))} ms`);
  const toc = results.tableOfContentsShownMs;
  console.log(`Navigation → table of contents shown (${toc.sections} sections): ${toc.median.toFixed(0)} ms (${toc.max.toFixed(0)} ms); first visit, server cache cold: ${toc.firstVisit.toFixed(0)} ms`);
  const suggestions = results.searchSuggestionsShownMs;
  console.log(`Search suggestions shown after the last keystroke (${SUGGESTION_DEBOUNCE_MS} ms of debounce included), ${SUGGESTION_QUERIES.number.length} queries each, p50 (max): by number ${suggestions.byNumber.p50.toFixed(0)} ms (${suggestions.byNumber.max.toFixed(0)} ms), by words ${suggestions.byWords.p50.toFixed(0)} ms (${suggestions.byWords.max.toFixed(0)} ms)`);
  console.log(`Impact panel shown (p50), ${IMPACT_ARTICLE} (${results.impactPanelShownMs.directDependants} direct dependants): ${results.impactPanelShownMs.p50.toFixed(0)} ms (${results.impactPanelShownMs.max.toFixed(0)} ms)`);
  console.log(`JavaScript gzipped: first page ${kb(results.javascriptGzipBytes.firstPage)} (entry ${kb(javascript.entry!)} + graph ${kb(javascript.graph!)}), dagre on demand ${kb(javascript.dagre!)}, total ${kb(results.javascriptGzipBytes.total)}; CSS ${kb(javascript.css!)}`);
} finally {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server!.close(() => resolve()));
  }
  await driver?.close();
  removeWebUi(distDir);
}
