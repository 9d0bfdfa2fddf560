/**
 * Ingest speed on the real cgct-legifrance-md tip, into an empty Neo4j (a scratch server of its
 * own, sized as the product's):
 *   - end to end: read + parse + extract + resolve + plan + write, per stage;
 *   - write rows per second, nodes and relationships;
 *   - the ratio of our write to a baseline writing the same rows (nodes, relationships and the
 *     articles' first versions) with the simplest `UNWIND $rows … CREATE` through the same
 *     driver, in batches of the same size.
 * Run: npx tsx bench/ingest-load.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../graph-schema/apply-schema.ts';
import { openDriver, openSession, runAutoCommit } from '../neo4j/driver.ts';
import { PROJECT_ROOT, resolveLocalServerOptions } from '../neo4j/local-server-options.ts';
import { startLocalServer, stopLocalServer } from '../neo4j/local-server.ts';
import { isPortFree } from '../neo4j/port-owner.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { planGraphChanges, type GraphChangePlan } from '../ingest/graph/plan-graph-changes.ts';
import { runExtraction } from '../ingest/references/run-extraction.ts';
import { toGraphRecords } from '../ingest/graph/to-graph-records.ts';
import { BATCH_SIZE, groupBy } from '../ingest/graph/write-graph.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-legifrance-md-history.bundle');

/** One figure of the benchmark. */
export interface IngestFigure {
  name: string;
  value: number;
  unit: string;
}

/** Measures the ingest of the corpus tip into a scratch Neo4j; stops and removes it afterwards. */
export async function measureIngest(): Promise<IngestFigure[]> {
  let port = 7720;
  while (!(await isPortFree(port))) port++;
  const home = mkdtempSync(path.join(tmpdir(), 'cgct-ingest-bench-'));
  const options = { ...resolveLocalServerOptions({ CGCT_BOLT_PORT: String(port) }), homeDir: home };
  const server = await startLocalServer(options);
  const driver = await openDriver({ uri: server.uri, user: server.user, password: server.password, database: undefined, source: 'env' });
  try {
    // A first run warms the server (query plans, JIT) so that neither of the two compared writes pays for it.
    await runIngest(driver, [{ location: CORPUS }]);
    await clear(driver);
    const plan = await planForEmptyGraph();
    const nodes = plan.nodeUpserts.length;
    const relationships = plan.edgeUpserts.length;
    const baseline = await writeBaseline(driver, plan);
    await clear(driver);
    const started = performance.now();
    const [report] = await runIngest(driver, [{ location: CORPUS }]);
    const endToEnd = (performance.now() - started) / 1000;
    const ours = report!.timings.write / 1000;
    return [
      { name: 'ingest end to end (6,835 files, empty graph)', value: endToEnd, unit: 's' },
      { name: '  read', value: report!.timings.read / 1000, unit: 's' },
      { name: '  parse', value: report!.timings.parse / 1000, unit: 's' },
      { name: '  extract', value: report!.timings.extract / 1000, unit: 's' },
      { name: '  resolve', value: report!.timings.resolve / 1000, unit: 's' },
      { name: '  plan', value: report!.timings.plan / 1000, unit: 's' },
      { name: '  write', value: ours, unit: 's' },
      { name: 'nodes written', value: nodes, unit: 'rows' },
      { name: 'relationships written', value: relationships, unit: 'rows' },
      { name: 'write rate', value: (nodes + relationships) / ours, unit: 'rows/s' },
      { name: 'article versions written', value: plan.versionWrites.length, unit: 'rows' },
      { name: 'baseline UNWIND CREATE, same rows', value: baseline, unit: 's' },
      { name: 'write / baseline', value: ours / baseline, unit: '×' },
    ];
  } finally {
    await driver.close();
    await stopLocalServer(options);
    rmSync(home, { recursive: true, force: true });
  }
}

async function planForEmptyGraph(): Promise<GraphChangePlan> {
  const extraction = await runExtraction([{ location: CORPUS }]);
  const records = toGraphRecords({ source: 'legifrance-md', date: '2038-01-01', articles: extraction.articles, documents: extraction.documents, references: extraction.references });
  return planGraphChanges(records, { nodes: new Map(), edges: new Map() });
}

async function clear(driver: Driver): Promise<void> {
  await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** The simplest write of the same rows: CREATE everything, no planning, same batches and indexes. */
async function writeBaseline(driver: Driver, plan: GraphChangePlan): Promise<number> {
  await applySchema(driver);
  const session = openSession(driver, 'WRITE');
  const started = performance.now();
  try {
    const byLabel = groupBy(plan.nodeUpserts, (row) => row.label);
    for (const [label, rows] of byLabel) {
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        const batch = rows.slice(i, i + BATCH_SIZE).map(({ id, props }) => ({ id, props }));
        await session.executeWrite((tx) => tx.run(`UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`, { rows: batch }));
      }
    }
    const byType = groupBy(plan.edgeUpserts, (row) => `${row.fromLabel}|${row.type}|${row.toLabel}`);
    for (const [group, rows] of byType) {
      const [fromLabel, type, toLabel] = group.split('|');
      for (let i = 0; i < rows.length; i += BATCH_SIZE) {
        const batch = rows.slice(i, i + BATCH_SIZE).map(({ from, to, key, props }) => ({ from, to, key, props }));
        await session.executeWrite((tx) => tx.run(
          `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[r:${type} {key: row.key}]->(b) SET r += row.props`,
          { rows: batch },
        ));
      }
    }
    // The first versions of the articles: the same rows our write creates.
    for (let i = 0; i < plan.versionWrites.length; i += BATCH_SIZE) {
      const batch = plan.versionWrites.slice(i, i + BATCH_SIZE);
      await session.executeWrite((tx) => tx.run(
        `UNWIND $rows AS row MATCH (a:Article {id: row.articleId})
         CREATE (a)-[:HAS_VERSION]->(v:ArticleVersion {id: row.articleId + '@' + row.validFrom})
         SET v.articleId = row.articleId, v.validFrom = row.validFrom, v.text = row.text, v.html = row.html, v.contentHash = row.contentHash, v.status = row.status`,
        { rows: batch },
      ));
    }
  } finally {
    await session.close();
  }
  return (performance.now() - started) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureIngest();
  for (const figure of figures) console.log(`${figure.name.padEnd(48)} ${figure.value.toFixed(figure.unit === 'rows' ? 0 : 2).padStart(10)} ${figure.unit}`);
}
