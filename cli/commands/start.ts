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
import { listCommits } from '../../ingest/sources/list-commits.ts';
import { runIngest } from '../../ingest/run-ingest.ts';
import type { SourceSpec } from '../../ingest/sources/read-source.ts';
import { startServer } from '../../server/start-server.ts';
import { ensureWebBuild } from '../build-web.ts';
import { createProgress } from '../progress.ts';

export const describe = 'start everything: Neo4j, the ingest of the corpora when the graph is empty, the web UI and GraphQL';

const CORPUS_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
/** The corpora loaded on first start: links and table of contents, then the "Liens relatifs" of the same date. */
const FIRST_START_CORPORA = ['cgct-legifrance-md-history.bundle', 'cgct-lexlib-history.bundle'];

export async function run(args: string[]): Promise<number> {
  const port = Number(args[args.indexOf('--port') + 1] ?? process.env.PORT ?? 4000) || 4000;
  try {
    const ready = await ensureDatabase();
    console.log(ready.local ? `Neo4j ready on ${ready.local.uri}` : `Using ${ready.agent} at ${ready.uri}`);
    await ingestIfEmpty();
    if (await ensureWebBuild()) console.log('Web UI built into web/dist');
    const server = await startServer({ port, host: process.env.HOST });
    console.log(`\ncgct-graph is ready: ${server.url}  (GraphQL and GraphiQL: ${server.url}graphql)\nCtrl-C stops the server${ready.local?.status === 'started' ? ' and Neo4j' : ''}.`);
    await new Promise<void>((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
    });
    await server.close();
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

/** On a first start the graph is empty: load the corpora as they stand today. */
async function ingestIfEmpty(): Promise<void> {
  const driver = await openDriver();
  try {
    const [{ articles } = { articles: 0 }] = await readRows<{ articles: number }>(driver, 'MATCH (a:Article) RETURN count(a) AS articles');
    if (articles > 0) {
      console.log(`The graph holds ${articles} articles: no ingest needed (run \`npx cgct ingest …\` to update it).`);
      return;
    }
    const specs = await Promise.all(FIRST_START_CORPORA.map((bundle) => inForceToday(path.join(CORPUS_DIR, bundle))));
    console.log(`The graph is empty: ingesting ${specs.map((spec) => `${path.basename(spec.location)}@${spec.commit?.slice(0, 8)}`).join(' and ')}`);
    const progress = createProgress('ingest');
    const reports = await runIngest(driver, specs, { onProgress: (stage, done, total) => progress.update(done, total, stage) });
    progress.stop();
    for (const report of reports) {
      console.log(`  ${report.snapshot.source} (${report.snapshot.date}): ${report.articles.articlesAdded} articles added, ${report.references.resolved} references resolved, ${report.references.unresolved} unresolved, ${report.rejectedFiles.length} files rejected`);
    }
  } finally {
    await driver.close();
  }
}

/** The bundle at its last commit already in force (the legifrance-md history ends with amendments deferred to 2038). */
async function inForceToday(location: string): Promise<SourceSpec> {
  const today = new Date().toISOString().slice(0, 10);
  const commits = await listCommits({ location });
  const inForce = commits.filter((commit) => commit.date.slice(0, 10) <= today).pop() ?? commits[commits.length - 1]!;
  return { location, commit: inForce.hash };
}
