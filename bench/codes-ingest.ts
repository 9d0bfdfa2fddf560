/**
 * The 77 other codes (issue 12), on a scratch Neo4j of its own, as `npm start` builds the graph:
 *   - the CGCT's history build (legifrance-md + lexlib), the first half of "all 78 codes";
 *   - `cgct ingest all-codes-tip.bundle` on top of it, end to end and per stage: articles,
 *     citations, rows written, rows/s, peak memory;
 *   - the same command again (idempotent: nothing to write);
 *   - the ratio of its writes to a baseline writing the same rows (the codes' articles, sections,
 *     table of contents, targets and citations, read back from the graph) with the simplest
 *     `UNWIND $rows … CREATE` in batches of the same size, into the emptied graph.
 * The bundle's checkout (about 860 MB) is cloned into .cache/corpus once and reused.
 * Run: npx tsx bench/codes-ingest.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../graph-schema/apply-schema.ts';
import { openDriver, openSession, readRows, runAutoCommit } from '../neo4j/driver.ts';
import { PROJECT_ROOT, resolveLocalServerOptions } from '../neo4j/local-server-options.ts';
import { startLocalServer, stopLocalServer } from '../neo4j/local-server.ts';
import { isPortFree } from '../neo4j/port-owner.ts';
import { runHistoryBuild } from '../ingest/history/run-history-build.ts';
import { runCodesIngest } from '../ingest/codes/run-codes-ingest.ts';
import { openCodeSource } from '../ingest/sources/read-code-folders.ts';
import { BATCH_SIZE, groupBy } from '../ingest/graph/write-graph.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const ALL_CODES = path.join(CORPUS, 'all-codes-tip.bundle');

interface Figure {
  name: string;
  value: number;
  unit: string;
}

interface NodeRow {
  label: string;
  id: string;
  props: Record<string, unknown>;
}

interface EdgeRow {
  type: string;
  fromLabel: string;
  from: string;
  toLabel: string;
  to: string;
  props: Record<string, unknown>;
}

/** Measures everything above on a scratch Neo4j; stops and removes it afterwards. */
export async function measureCodesIngest(log: (line: string) => void = () => {}): Promise<Figure[]> {
  // The clone is made before the clock starts: a user's first run pays it once, every later run reuses it.
  log('cloning the all-codes bundle into .cache/corpus (once)');
  await openCodeSource(ALL_CODES);
  let port = 7745;
  while (!(await isPortFree(port))) port++;
  const home = mkdtempSync(path.join(tmpdir(), 'cgct-codes-bench-'));
  const options = { ...resolveLocalServerOptions({ CGCT_BOLT_PORT: String(port) }), homeDir: home };
  const server = await startLocalServer(options);
  const driver = await openDriver({ uri: server.uri, user: server.user, password: server.password, database: undefined, source: 'env' });
  const figures: Figure[] = [];
  try {
    log('history build of legifrance-md + lexlib into the empty graph');
    const history = await runHistoryBuild(driver, [{ location: path.join(CORPUS, 'cgct-legifrance-md-history.bundle') }, { location: path.join(CORPUS, 'cgct-lexlib-history.bundle') }]);
    figures.push({ name: 'CGCT history build (legifrance-md + lexlib)', value: history.timings.total / 1000, unit: 's' });

    log('cgct ingest all-codes-tip.bundle on the history');
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const report = await runCodesIngest(driver, ALL_CODES);
    const total = (performance.now() - started) / 1000;
    const peakRss = process.resourceUsage().maxRSS / 1024;
    const sum = (pick: (code: (typeof report.codes)[number]) => number) => report.codes.reduce((acc, code) => acc + pick(code), 0);
    const rows = await readCodeRows(driver);
    const written = rows.nodes.length + rows.edges.length;
    figures.push(
      { name: 'other codes ingest end to end (77 codes)', value: total, unit: 's' },
      ...(['read', 'parse', 'resolve', 'write'] as const).map((stage) => ({ name: `  ${stage}${stage === 'write' ? ' (overlaps parse)' : ''}`, value: report.timings[stage] / 1000, unit: 's' })),
      { name: 'CGCT history + other codes, end to end', value: history.timings.total / 1000 + total, unit: 's' },
      { name: 'codes loaded', value: report.codes.length, unit: 'codes' },
      { name: 'articles', value: sum((code) => code.articles), unit: 'articles' },
      { name: 'files rejected', value: report.rejectedFiles.length, unit: 'files' },
      { name: 'citations', value: sum((code) => code.citations), unit: 'citations' },
      { name: '  to articles of the graph (all codes)', value: sum((code) => code.resolved), unit: 'citations' },
      { name: '  unresolved', value: sum((code) => code.unresolved), unit: 'citations' },
      { name: '  to other texts (laws, codes not loaded)', value: sum((code) => code.external), unit: 'citations' },
      { name: "CGCT citations now 'absent du code'", value: report.absentFromCodes, unit: 'targets' },
      { name: 'nodes + relationships written', value: written, unit: 'rows' },
      { name: 'write rate (rows / write time)', value: written / (report.timings.write / 1000), unit: 'rows/s' },
      { name: 'peak memory (resident, whole process)', value: Math.max(peakRss, rssBefore / 2 ** 20), unit: 'MB' },
    );

    log('the same command again');
    const again = performance.now();
    const second = await runCodesIngest(driver, ALL_CODES);
    figures.push(
      { name: 'second run (nothing changed)', value: (performance.now() - again) / 1000, unit: 's' },
      { name: '  articles rewritten', value: second.codes.reduce((acc, code) => acc + code.written, 0), unit: 'articles' },
    );

    log(`baseline: the same ${written} rows with UNWIND CREATE into the emptied graph`);
    await clear(driver);
    const baseline = await writeBaseline(driver, rows);
    figures.push(
      { name: 'baseline UNWIND CREATE, same rows', value: baseline, unit: 's' },
      { name: 'our write time / baseline', value: report.timings.write / 1000 / baseline, unit: '×' },
      { name: 'our end to end / baseline', value: total / baseline, unit: '×' },
    );
    return figures;
  } finally {
    await driver.close();
    await stopLocalServer(options);
    rmSync(home, { recursive: true, force: true });
  }
}

/** What the codes ingest wrote, read back: the codes' nodes and relationships, and the CGCT articles they cite (to exist beforehand). */
async function readCodeRows(driver: Driver): Promise<{ nodes: NodeRow[]; edges: EdgeRow[]; cgctTargets: string[] }> {
  const nodes = await readRows<NodeRow>(driver,
    `MATCH (n) WHERE (n:Code AND n.id <> 'CGCT') OR ((n:Article OR n:Section) AND n.code IS NOT NULL AND n.code <> 'CGCT')
     RETURN labels(n)[0] AS label, n.id AS id, properties(n) AS props`);
  const targets = await readRows<NodeRow & { cgct: boolean }>(driver,
    `MATCH (a:Article)-[:CITES]->(t) WHERE a.code IS NOT NULL AND a.code <> 'CGCT' AND (NOT t:Article OR t.code IS NULL OR t.code = 'CGCT')
     WITH DISTINCT t RETURN labels(t)[0] AS label, t.id AS id, properties(t) AS props, (t:Article) AS cgct`);
  const edges = await readRows<EdgeRow>(driver,
    `MATCH (a)-[r:CONTAINS]->(b) WHERE (a:Code AND a.id <> 'CGCT') OR (a:Section AND a.code IS NOT NULL AND a.code <> 'CGCT')
     RETURN 'CONTAINS' AS type, labels(a)[0] AS fromLabel, a.id AS from, labels(b)[0] AS toLabel, b.id AS to, properties(r) AS props
     UNION ALL
     MATCH (a:Article)-[r:CITES]->(b) WHERE a.code IS NOT NULL AND a.code <> 'CGCT'
     RETURN 'CITES' AS type, 'Article' AS fromLabel, a.id AS from, labels(b)[0] AS toLabel, b.id AS to, properties(r) AS props`);
  return {
    nodes: [...nodes, ...targets.filter((target) => !target.cgct).map(({ label, id, props }) => ({ label, id, props }))],
    edges,
    cgctTargets: targets.filter((target) => target.cgct).map((target) => target.id),
  };
}

async function clear(driver: Driver): Promise<void> {
  await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** The simplest write of the same rows: CREATE everything, no planning, same batches and indexes. */
async function writeBaseline(driver: Driver, rows: { nodes: NodeRow[]; edges: EdgeRow[]; cgctTargets: string[] }): Promise<number> {
  await applySchema(driver);
  const session = openSession(driver, 'WRITE');
  try {
    // The CGCT articles the codes cite are there before the codes, as in the real run: not timed.
    for (let i = 0; i < rows.cgctTargets.length; i += BATCH_SIZE) {
      await session.executeWrite((tx) => tx.run('UNWIND $ids AS id CREATE (:Article {id: id})', { ids: rows.cgctTargets.slice(i, i + BATCH_SIZE) }));
    }
    const started = performance.now();
    for (const [label, group] of groupBy(rows.nodes, (row) => row.label)) {
      for (let i = 0; i < group.length; i += BATCH_SIZE) {
        const batch = group.slice(i, i + BATCH_SIZE).map(({ id, props }) => ({ id, props }));
        await session.executeWrite((tx) => tx.run(`UNWIND $rows AS row CREATE (n:${label} {id: row.id}) SET n += row.props`, { rows: batch }));
      }
    }
    for (const [group, edges] of groupBy(rows.edges, (row) => `${row.fromLabel}|${row.type}|${row.toLabel}`)) {
      const [fromLabel, type, toLabel] = group.split('|');
      for (let i = 0; i < edges.length; i += BATCH_SIZE) {
        const batch = edges.slice(i, i + BATCH_SIZE).map(({ from, to, props }) => ({ from, to, props }));
        await session.executeWrite((tx) => tx.run(
          `UNWIND $rows AS row MATCH (a:${fromLabel} {id: row.from}) MATCH (b:${toLabel} {id: row.to}) CREATE (a)-[r:${type}]->(b) SET r = row.props`,
          { rows: batch },
        ));
      }
    }
    return (performance.now() - started) / 1000;
  } finally {
    await session.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureCodesIngest((line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`));
  for (const figure of figures) console.log(`${figure.name.padEnd(56)} ${figure.value.toFixed(['s', '×'].includes(figure.unit) ? 2 : 0).padStart(10)} ${figure.unit}`);
}
