/**
 * `cgct start` (what `npm start` runs): starts Neo4j (unless NEO4J_URI points elsewhere), ingests
 * the corpora when the graph is empty, builds the web UI if needed, and serves the UI and the
 * GraphQL API until Ctrl-C, which also stops the Neo4j it started.
 */
// First: sets NODE_ENV before the server's libraries load.
import '../../server/production-mode.ts';
import path from 'node:path';
import { ensureDatabase } from '../../neo4j/ensure-database.ts';
import { isExplainedError } from '../../neo4j/errors.ts';
import { openDriver, readRows } from '../../neo4j/driver.ts';
import { PROJECT_ROOT, resolveLocalServerOptions } from '../../neo4j/local-server-options.ts';
import { stopLocalServer } from '../../neo4j/local-server.ts';
import { runHistoryBuild } from '../../ingest/history/run-history-build.ts';
import { readGraphOccupancy } from '../../ingest/graph/write-history.ts';
import { withIngestLock } from '../../ingest/graph/ingest-lock.ts';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { printHistoryReport } from '../format-history-report.ts';
import { startServer } from '../../server/start-server.ts';
import { ensureWebBuild } from '../build-web.ts';
import { createProgress } from '../progress.ts';
import { existsSync } from 'node:fs';
import { runCodesIngest } from '../../ingest/codes/run-codes-ingest.ts';
import { CODES } from '../../ingest/codes/code-registry.ts';
import { printCodesReport } from '../format-codes-report.ts';

export const describe = 'start everything: Neo4j, the ingest of the corpora when the graph is empty, the web UI and GraphQL';

const CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
/** The corpora built on first start: links and table of contents, then the "Liens relatifs". */
const FIRST_START_CORPORA = ['cgct-legifrance-md-history.bundle', 'cgct-lexlib-history.bundle'];
/** Seed 001, the guide for mayors: a free-text document linked to the articles it mentions. */
/** The 77 other codes as in force on their date, loaded after the CGCT. */
const ALL_CODES_BUNDLE = 'all-codes-tip.bundle';
const FIRST_START_DOCUMENTS = [path.join(PROJECT_ROOT, '..', 'shared', 'seeds', '001_27fd45d9f019b6be.txt')];

export async function run(args: string[]): Promise<number> {
  const port = Number(args[args.indexOf('--port') + 1] ?? process.env.PORT ?? 4000) || 4000;
  try {
    const ready = await ensureDatabase();
    console.log(ready.local ? `Neo4j ready on ${ready.local.uri}` : `Using ${ready.agent} at ${ready.uri}`);
    await ingestIfEmpty();
    if (await ensureWebBuild()) console.log('Web UI built into web/dist');
    const server = await startServer({ port, host: process.env.HOST });
    console.log(`\ncgct-graph is ready: ${server.url}  (GraphQL and GraphiQL: ${server.url}graphql)\nCtrl-C stops the server${ready.local?.status === 'started' ? ' and Neo4j' : ''}.`);
    // The CGCT is usable now; the other codes come in behind it.
    const codes = process.env.CGCT_LOAD_OTHER_CODES === 'off' ? Promise.resolve() : loadOtherCodesIfMissing();
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await server.close();
    await Promise.race([codes, new Promise((resolve) => setTimeout(resolve, 2000))]);
    if (ready.local?.status === 'started') await stopLocalServer(resolveLocalServerOptions());
    return 0;
  } catch (error) {
    if (isExplainedError(error) || (error instanceof Error && error.name.endsWith('Error') && error.name !== 'Error')) {
      console.error(`cgct start: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

/**
 * The 77 other codes (all-codes-tip.bundle), when the graph lacks some: loaded while the server
 * already serves the CGCT, with progress, then its summary. A failure is told, and the CGCT stays served.
 */
async function loadOtherCodesIfMissing(): Promise<void> {
  const bundle = path.join(CORPUS_DIR, ALL_CODES_BUNDLE);
  const driver = await openDriver();
  try {
    const [{ loaded } = { loaded: 0 }] = await readRows<{ loaded: number }>(driver, "MATCH (c:Code) WHERE c.id <> 'CGCT' AND c.citationsHash IS NOT NULL RETURN count(c) AS loaded");
    const expected = CODES.length - 1;
    if (loaded >= expected || !existsSync(bundle)) return;
    console.log(`Loading the other codes from ${ALL_CODES_BUNDLE} (${loaded} of ${expected} loaded): the CGCT can be read meanwhile; their articles appear as each code is written.`);
    const started = performance.now();
    const progress = createProgress('other codes');
    const report = await withIngestLock(driver, 'npm start (other codes)', () =>
      runCodesIngest(driver, bundle, { onProgress: (stage, done, total) => progress.update(done, total, stage) }));
    progress.stop();
    printCodesReport(report, performance.now() - started);
  } catch (error) {
    console.error(`The other codes could not be loaded (the CGCT is still served): ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await driver.close();
  }
}

/** On a first start the graph is empty: build the code's whole history (and finish a build that was killed). */
async function ingestIfEmpty(): Promise<void> {
  const driver = await openDriver();
  try {
    const occupancy = await readGraphOccupancy(driver);
    if (occupancy.kind === 'complete-build' || occupancy.kind === 'other-data') {
      const [{ articles } = { articles: 0 }] = await readRows<{ articles: number }>(driver, 'MATCH (a:Article) RETURN count(a) AS articles');
      console.log(`The graph holds ${articles} articles: no ingest needed (\`npx cgct replay …\` or \`npx cgct ingest …\` bring it up to date).`);
      // A graph loaded from snapshots by an older version knows one date per article, not the history.
      if (occupancy.kind === 'other-data') console.log('It was not built from the corpora\'s history: its dates are those of snapshots. `npx cgct db reset --yes`, then `npm start`, builds the real history.');
      return;
    }
    const specs = FIRST_START_CORPORA.map((bundle) => ({ location: path.join(CORPUS_DIR, bundle) }));
    console.log(`The graph is ${occupancy.kind === 'empty' ? 'empty' : 'half built (a build was stopped)'}: building the history of ${FIRST_START_CORPORA.join(' and ')}, with the guide for mayors`);
    const progress = createProgress('history');
    await applySchema(driver);
    const report = await withIngestLock(driver, 'npm start (history build)', () =>
      runHistoryBuild(driver, specs, { documents: FIRST_START_DOCUMENTS, onProgress: (stage, done, total) => progress.update(done, total, stage) }));
    progress.stop();
    printHistoryReport(report);
  } finally {
    await driver.close();
  }
}
