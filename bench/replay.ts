/**
 * Amendments on the real cgct-etalab history, in a scratch Neo4j of its own (sized as the
 * product's), stopped and removed afterwards:
 *   - one amendment touching 75 articles (e06f388e, LOI n°2014-1654 du 29 décembre 2014: 8 added,
 *     54 modified, 13 deleted) applied to a graph holding its parent: the whole `replay --from C
 *     --to C` (which first reads the parent's tree), and the amendment alone once the replay is
 *     warm (replayed right after its parent);
 *   - the whole history, 1,201 amendments, into an empty graph: total, median, 90th percentile
 *     and max per amendment, and whether its current graph equals a direct ingest of the tip
 *     (lines of the current-graph dump found on one side only).
 * Run: npx tsx bench/replay.ts [--one-amendment]   (prints `name value unit` lines; progress on stderr)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { openDriver, runAutoCommit } from '../neo4j/driver.ts';
import { PROJECT_ROOT, resolveLocalServerOptions } from '../neo4j/local-server-options.ts';
import { startLocalServer, stopLocalServer } from '../neo4j/local-server.ts';
import { isPortFree } from '../neo4j/port-owner.ts';
import { listCommits } from '../ingest/sources/list-commits.ts';
import { runIngest } from '../ingest/run-ingest.ts';
import { runReplay } from '../ingest/history/run-replay.ts';
import { diffDumps, dumpCurrentGraph } from '../tests/helpers/current-graph-dump.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-etalab-history.bundle');
/** LOI n°2014-1654 du 29 décembre 2014 (2015-01-01): 75 article files of codes-en-vigueur added, modified or deleted. */
const ONE_AMENDMENT = 'e06f388e';
/** Rest given to Neo4j after the bulk load of the amendment's parent. */
const SETTLE_MS = 5000;

/** One figure of the benchmark. */
export interface ReplayFigure {
  name: string;
  value: number;
  unit: string;
}

/** Measures the replay in a scratch Neo4j; stops and removes it afterwards. */
export async function measureReplay(log: (line: string) => void = () => {}, what: { wholeHistory?: boolean } = {}): Promise<ReplayFigure[]> {
  let port = 7730;
  while (!(await isPortFree(port))) port++;
  const home = mkdtempSync(path.join(tmpdir(), 'cgct-replay-bench-'));
  const options = { ...resolveLocalServerOptions({ CGCT_BOLT_PORT: String(port) }), homeDir: home };
  const server = await startLocalServer(options);
  const driver = await openDriver({ uri: server.uri, user: server.user, password: server.password, database: undefined, source: 'env' });
  try {
    return [...(await measureOneAmendment(driver, log)), ...(what.wholeHistory === false ? [] : await measureWholeHistory(driver, log))];
  } finally {
    await driver.close();
    await stopLocalServer(options);
    rmSync(home, { recursive: true, force: true });
  }
}

async function measureOneAmendment(driver: Driver, log: (line: string) => void): Promise<ReplayFigure[]> {
  const commits = await listCommits({ location: CORPUS });
  const index = commits.findIndex((commit) => commit.hash.startsWith(ONE_AMENDMENT));
  const parent = commits[index - 1]!.hash;
  log(`direct ingest of ${parent.slice(0, 8)}, the parent of ${ONE_AMENDMENT}`);
  await runIngest(driver, [{ location: CORPUS, commit: parent }]);
  let started = performance.now();
  const cold = await runReplay(driver, CORPUS, { from: ONE_AMENDMENT, to: ONE_AMENDMENT });
  const coldTotal = (performance.now() - started) / 1000;
  const changeSet = cold.applied[0]!;
  log(`cold: ${coldTotal.toFixed(1)} s; ${JSON.stringify(changeSet.articles).slice(0, 300)}`);

  // Warm: the parent replayed first (nothing to write: the graph holds it), then the amendment.
  await clear(driver);
  await runIngest(driver, [{ location: CORPUS, commit: parent }]);
  // A new amendment arrives on a database at rest, not seconds after a bulk load of 30,000 nodes:
  // right after one, Neo4j's background work makes the amendment's writes 3 to 10 times slower
  // (0.9-2.3 s instead of 0.15-0.35 s, measured), which is not what a user waits for.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  started = performance.now();
  const warm = await runReplay(driver, CORPUS, { from: parent, to: ONE_AMENDMENT });
  const warmTotal = (performance.now() - started) / 1000;
  const touched = changeSet.articles.added.length + changeSet.articles.modified.length + changeSet.articles.repealed.length;
  return [
    { name: `one amendment (${ONE_AMENDMENT}), articles added/modified/repealed`, value: touched, unit: 'articles' },
    { name: '  citations gained + lost', value: changeSet.references.gained.length + changeSet.references.lost.length, unit: 'citations' },
    { name: '  replay --from C --to C, whole command', value: coldTotal, unit: 's' },
    { name: '  of which the amendment (reads the whole parent)', value: changeSet.ms / 1000, unit: 's' },
    { name: `  the amendment alone, after its parent (database at rest ${SETTLE_MS / 1000} s after the bulk load)`, value: warm.applied[1]!.ms / 1000, unit: 's' },
    ...Object.entries(warm.applied[1]!.stagesMs).map(([stage, ms]) => ({ name: `    of which ${stage}`, value: ms / 1000, unit: 's' })),
    { name: '  replay --from parent --to C, whole command', value: warmTotal, unit: 's' },
  ];
}

async function measureWholeHistory(driver: Driver, log: (line: string) => void): Promise<ReplayFigure[]> {
  await clear(driver);
  let lastLog = 0;
  const started = performance.now();
  const report = await runReplay(driver, CORPUS, {
    onProgress: (done, total, step) => {
      if (done - lastLog >= 50 || done === total) {
        lastLog = done;
        log(`replay ${done}/${total} ${((performance.now() - started) / 1000).toFixed(0)} s ${step}`);
      }
    },
  });
  const total = (performance.now() - started) / 1000;
  const times = report.applied.map((changeSet) => changeSet.ms).sort((a, b) => a - b);
  const slowest = report.applied.reduce((max, changeSet) => (changeSet.ms > max.ms ? changeSet : max));
  log(`slowest amendment: ${slowest.commit.slice(0, 8)} ${slowest.date} ${slowest.subject} (${Math.round(slowest.ms)} ms)`);
  const replayed = await dumpCurrentGraph(driver);
  await clear(driver);
  log('direct ingest of the tip');
  await runIngest(driver, [{ location: CORPUS }]);
  const direct = await dumpCurrentGraph(driver);
  const { onlyInFirst, onlyInSecond } = diffDumps(replayed, direct);
  for (const line of onlyInFirst.slice(0, 10)) log(`only in the replay: ${line.slice(0, 400)}`);
  for (const line of onlyInSecond.slice(0, 10)) log(`only in the direct ingest: ${line.slice(0, 400)}`);
  return [
    { name: 'whole etalab history, amendments applied', value: report.applied.length, unit: 'amendments' },
    { name: '  total', value: total, unit: 's' },
    { name: '  per amendment, median', value: quantile(times, 0.5), unit: 'ms' },
    { name: '  per amendment, 90th percentile', value: quantile(times, 0.9), unit: 'ms' },
    { name: '  per amendment, max', value: times[times.length - 1] ?? 0, unit: 'ms' },
    { name: '  commits dated before their predecessor', value: report.outOfOrder.length, unit: 'commits' },
    { name: 'current graph after replay, lines', value: replayed.length, unit: 'lines' },
    { name: '  lines only in the replay', value: onlyInFirst.length, unit: 'lines' },
    { name: '  lines only in the direct ingest of the tip', value: onlyInSecond.length, unit: 'lines' },
  ];
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

async function clear(driver: Driver): Promise<void> {
  await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureReplay((line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`), { wholeHistory: !process.argv.includes('--one-amendment') });
  for (const figure of figures) {
    const digits = ['articles', 'citations', 'amendments', 'commits', 'lines'].includes(figure.unit) ? 0 : figure.unit === 'ms' ? 0 : 2;
    console.log(`${figure.name.padEnd(56)} ${figure.value.toFixed(digits).padStart(10)} ${figure.unit}`);
  }
}
