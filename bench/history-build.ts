/**
 * The history build (`cgct ingest --history`, what `npm start` runs on an empty graph) on the real
 * cgct-legifrance-md and cgct-lexlib histories, into a scratch Neo4j of its own, and in the same
 * run the replay it replaces:
 *   - history build end to end, per stage; articles, versions, citation intervals, rows/s, peak memory;
 *   - `cgct replay` of a window of legifrance-md (WINDOW commits from WINDOW_START, on an empty
 *     graph: the first commit of the window loads its snapshot and is left out), its median time per
 *     amendment, and the whole replay of both histories extrapolated as median × commits: the ratio;
 *   - one amendment touching about 90 articles (9a6955ba, LOI n° 2022-217) applied by `cgct replay`
 *     on top of a history build stopped WARM_UP commits before it, after those (same process, the
 *     Neo4j just started as `npm start` leaves it, warmed by the amendments before).
 * Run: npx tsx bench/history-build.ts
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
import { runHistoryBuild } from '../ingest/history/run-history-build.ts';
import { runReplay } from '../ingest/history/run-replay.ts';
import { listCommits } from '../ingest/sources/list-commits.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const LEGIFRANCE_MD = path.join(CORPUS, 'cgct-legifrance-md-history.bundle');
const LEXLIB = path.join(CORPUS, 'cgct-lexlib-history.bundle');
const WINDOW_START = 1300;
const WINDOW = 60;
/** LOI n° 2022-217 du 21 février 2022 (2022-02-23): 88 article files added, modified or deleted. */
const ONE_AMENDMENT = '9a6955ba';
/** Amendments applied before the one measured: a freshly started Neo4j runs its first statements slowly (JIT). */
const WARM_UP = 8;

interface Figure {
  name: string;
  value: number;
  unit: string;
}

/** Measures everything above on a scratch Neo4j; stops and removes it afterwards. */
export async function measureHistoryBuild(log: (line: string) => void = () => {}): Promise<Figure[]> {
  let port = 7740;
  while (!(await isPortFree(port))) port++;
  const home = mkdtempSync(path.join(tmpdir(), 'cgct-history-bench-'));
  const options = { ...resolveLocalServerOptions({ CGCT_BOLT_PORT: String(port) }), homeDir: home };
  const server = await startLocalServer(options);
  const driver = await openDriver({ uri: server.uri, user: server.user, password: server.password, database: undefined, source: 'env' });
  const figures: Figure[] = [];
  try {
    log('history build of legifrance-md + lexlib into the empty graph');
    const report = await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD }, { location: LEXLIB }]);
    const rows = report.nodes + report.relationships;
    const t = report.timings;
    figures.push(
      { name: 'history build end to end (legifrance-md + lexlib)', value: t.total / 1000, unit: 's' },
      ...(['read', 'parse', 'timeline', 'resolve', 'rows', 'write'] as const).map((stage) => ({ name: `  ${stage}`, value: t[stage] / 1000, unit: 's' })),
      { name: 'commits read', value: report.sources.reduce((sum, source) => sum + source.commits, 0), unit: 'commits' },
      { name: 'articles', value: report.articles, unit: 'articles' },
      { name: 'article versions', value: report.versions, unit: 'versions' },
      { name: 'citation intervals', value: report.citationIntervals, unit: 'intervals' },
      { name: 'nodes + relationships written', value: rows, unit: 'rows' },
      { name: 'write rate', value: rows / (t.write / 1000), unit: 'rows/s' },
      { name: 'peak memory (resident)', value: report.peakRssMb, unit: 'MB' },
    );

    await clear(driver);
    const commits = await listCommits({ location: LEGIFRANCE_MD });
    const from = commits[WINDOW_START]!.hash;
    const to = commits[WINDOW_START + WINDOW]!.hash;
    log(`replay of legifrance-md commits ${WINDOW_START}..${WINDOW_START + WINDOW} on an empty graph`);
    const replay = await runReplay(driver, LEGIFRANCE_MD, { from, to });
    const perAmendment = replay.applied.slice(1).map((changeSet) => changeSet.ms).sort((a, b) => a - b);
    const median = perAmendment[Math.floor(perAmendment.length / 2)]!;
    const allCommits = report.sources.reduce((sum, source) => sum + source.commits, 0);
    const extrapolated = (median * allCommits) / 1000;
    figures.push(
      { name: `replay, median per amendment (${perAmendment.length} commits)`, value: median, unit: 'ms' },
      { name: `replay of both histories, extrapolated (median × ${allCommits})`, value: extrapolated, unit: 's' },
      { name: 'history build speed-up over the replay', value: extrapolated / (t.total / 1000), unit: '×' },
    );

    await clear(driver);
    const index = commits.findIndex((commit) => commit.hash.startsWith(ONE_AMENDMENT));
    const start = commits[index - WARM_UP - 1]!.hash;
    log(`history build at ${start.slice(0, 8)}, then replay of the ${WARM_UP} commits before ${ONE_AMENDMENT} and ${ONE_AMENDMENT}`);
    await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD, commit: start }]);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const one = await runReplay(driver, LEGIFRANCE_MD, { to: commits[index]!.hash });
    const last = one.applied[one.applied.length - 1]!;
    figures.push(
      { name: `one amendment (${ONE_AMENDMENT}) on the history, articles touched`, value: last.articles.added.length + last.articles.modified.length + last.articles.repealed.length, unit: 'articles' },
      { name: `  applied in (after the ${WARM_UP} amendments before it, same process)`, value: last.ms / 1000, unit: 's' },
      ...(['read', 'extract', 'records', 'plan', 'write'] as const).map((stage) => ({ name: `    ${stage}`, value: last.stagesMs[stage] / 1000, unit: 's' })),
    );
    return figures;
  } finally {
    await driver.close();
    await stopLocalServer(options);
    rmSync(home, { recursive: true, force: true });
  }
}

async function clear(driver: Driver): Promise<void> {
  await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureHistoryBuild((line) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`));
  for (const figure of figures) console.log(`${figure.name.padEnd(64)} ${figure.value.toFixed(['s', 'ms', '×'].includes(figure.unit) ? 2 : 0).padStart(10)} ${figure.unit}`);
}
