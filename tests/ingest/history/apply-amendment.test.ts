/**
 * Amendments applied on top of a history build (`cgct replay` on a history graph), against the
 * real test Neo4j and the real cgct-legifrance-md history: a build up to two commits before
 * 9a6955ba (LOI n° 2022-217, 88 article files) then a replay of the last two gives exactly the
 * graph a build up to 9a6955ba gives; the amendment's change set, versions, new articles and
 * citations are those of the history.
 */
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { runHistoryBuild } from '../../../ingest/history/run-history-build.ts';
import { runReplay, type ReplayReport } from '../../../ingest/history/run-replay.ts';
import { listCommits } from '../../../ingest/sources/list-commits.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';
import { dumpGraph } from '../../helpers/graph-dump.ts';

const LEGIFRANCE_MD = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-legifrance-md-history.bundle');
const AMENDMENT = '9a6955ba';
const TODAY = '2026-12-01';
const LONG = 600_000;

let driver: Driver;
let built: string[];
let replayed: string[];
let replay: ReplayReport;

/**
 * A dump without the build's marker (it names the commit the build stopped at), and with sections
 * by id only: a build titles every section again from the folder slugs and the spellings of the
 * whole code of its day (and, where two folders of a day give the same section, from its first
 * article), while an amendment titles only the sections of the articles it touches.
 */
const withoutMarker = (dump: string[]) =>
  dump.filter((line) => !line.startsWith('N HistoryBuild ')).map((line) => (line.startsWith('N Section ') ? `N Section ${/"id":"[^"]*"/.exec(line)![0]}` : line));

beforeAll(async () => {
  driver = await openTestDriver();
  const commits = await listCommits({ location: LEGIFRANCE_MD });
  const index = commits.findIndex((commit) => commit.hash.startsWith(AMENDMENT));
  await clearGraph(driver);
  await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD, commit: commits[index]!.hash }], { today: TODAY });
  built = withoutMarker(await dumpGraph(driver));
  await clearGraph(driver);
  await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD, commit: commits[index - 2]!.hash }], { today: TODAY });
  replay = await runReplay(driver, LEGIFRANCE_MD, { to: commits[index]!.hash, today: TODAY });
  replayed = withoutMarker(await dumpGraph(driver));
}, LONG);
afterAll(() => driver.close());

describe('amendments applied on top of a history build', () => {
  it('applies the two commits after the build, and nothing before them', () => {
    expect(replay.applied.map((changeSet) => changeSet.commit.slice(0, 8))).toHaveLength(2);
    expect(replay.applied[1]!.commit.startsWith(AMENDMENT)).toBe(true);
  });

  it('ends with exactly the graph that a history build up to the same commit gives', () => {
    // Sets: comparing ~28,000 lines by `includes` took 64 s under load and hit the test's limit.
    const replayedLines = new Set(replayed);
    const builtLines = new Set(built);
    const missing = built.filter((line) => !replayedLines.has(line));
    const extra = replayed.filter((line) => !builtLines.has(line));
    expect({ missing: missing.slice(0, 5), extra: extra.slice(0, 5) }).toEqual({ missing: [], extra: [] });
  });

  it("reports the amendment's change set as the history build records it", async () => {
    const [stored] = await readRows<{ added: string[]; modified: string[]; repealed: string[] }>(
      driver,
      'MATCH (m:Amendment) WHERE m.id STARTS WITH $id RETURN m.added AS added, m.modified AS modified, m.repealed AS repealed',
      { id: AMENDMENT },
    );
    const applied = replay.applied[1]!;
    expect([...applied.articles.added].sort()).toEqual(stored!.added);
    expect([...applied.articles.modified].sort()).toEqual(stored!.modified);
    expect(stored!.added).toContain('L1111-3-1');
  });

  it('gives a new article its first version, made by the amendment, and the citations of it that the code already made', async () => {
    const [version] = await readRows<{ from: string; title: string }>(
      driver,
      "MATCH (:Article {id: 'L1111-3-1'})-[:HAS_VERSION]->(v)-[:MADE_BY]->(m) RETURN v.validFrom AS from, m.title AS title",
    );
    expect(version).toEqual({ from: '2022-02-23', title: 'Modifications par LOI n°2022-217 du 21 février 2022' });
    const citing = await readRows<{ id: string }>(driver, "MATCH (a:Article)-[r:CITES]->(:Article {id: 'L1111-3-1'}) WHERE r.validTo IS NULL RETURN a.id AS id ORDER BY id");
    expect(citing.length).toBeGreaterThan(0);
  });

  it('takes `cgct ingest BUNDLE@COMMIT` on the history as a replay to that commit, and refuses a folder without dates', async () => {
    const before = await dumpGraph(driver);
    const same = await runCgct(['ingest', `${LEGIFRANCE_MD}@${replay.applied[1]!.commit}`], { ...process.env, CGCT_TODAY: TODAY });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toContain('legifrance-md: 0 amendments applied on the history');
    const folder = await runCgct(['ingest', path.join(PROJECT_ROOT, '..', 'shared', 'seeds')]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('the graph holds the code\'s history, and a folder carries no dates');
    expect(await dumpGraph(driver)).toEqual(before);
  }, LONG);
});
