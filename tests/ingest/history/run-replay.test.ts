/**
 * `cgct replay` against the real test Neo4j: the end of the real cgct-etalab history against a
 * direct ingest of its tip, the change sets of three hand-checked amendments, the code as of a
 * date through GraphQL, a replay killed midway and resumed, and small hand-made histories for the
 * faults (a truncated snapshot, dates going back, a duplicate commit, a date in 2038).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { listCommits, type CommitInfo } from '../../../ingest/sources/list-commits.ts';
import { runReplay, type AmendmentChangeSet } from '../../../ingest/history/run-replay.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';
import { dumpGraph } from '../../helpers/graph-dump.ts';
import { diffDumps, dumpCurrentGraph } from '../../helpers/current-graph-dump.ts';
import { startTestServer, type TestServer } from '../../helpers/graphql-server.ts';
import { HandMadeHistory } from '../../helpers/hand-made-history.ts';

const ETALAB = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-etalab-history.bundle');
const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'amendments');
/** How many amendments at the end of the history the window tests replay. */
const WINDOW = 25;
const LONG = 600_000;

let driver: Driver;
let commits: CommitInfo[];
const temporary: string[] = [];

beforeAll(async () => {
  driver = await openTestDriver();
  commits = await listCommits({ location: ETALAB });
});
afterAll(async () => {
  await driver.close();
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  HandMadeHistory.removeAll();
});

/** The change sets `cgct replay --json` printed, one JSON line each. */
function readChangeSets(stdout: string): AmendmentChangeSet[] {
  return stdout.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as AmendmentChangeSet);
}

/** A readable equality of two dumps: the lines found on one side only. */
function expectSameDump(actual: string[], expected: string[], what: string): void {
  const { onlyInFirst, onlyInSecond } = diffDumps(actual, expected);
  expect({ onlyInFirst: onlyInFirst.slice(0, 20), onlyInSecond: onlyInSecond.slice(0, 20), counts: [onlyInFirst.length, onlyInSecond.length] }, what)
    .toEqual({ onlyInFirst: [], onlyInSecond: [], counts: [0, 0] });
}

/** Runs `cgct replay` and kills it (SIGKILL) once its progress passes `percent`. */
function runReplayUntil(args: string[], percent: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cgct.js'), 'replay', ...args], { cwd: PROJECT_ROOT, env: process.env });
    let stderr = '';
    let fired = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = [...stderr.matchAll(/replay: (\d+)% \(\d+\/\d+\)/g)].pop();
      if (!fired && match && Number(match[1]) >= percent) {
        fired = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', () => resolve(stderr));
  });
}

describe('replaying the last amendments of cgct-etalab', () => {
  let changeSets: AmendmentChangeSet[] = [];
  let replayedDump: string[] = [];

  it(`gives the same current graph as a direct ingest of the tip (last ${WINDOW} amendments)`, async () => {
    await clearGraph(driver);
    const tip = commits[commits.length - 1]!.hash;
    const direct = await runCgct(['ingest', `${ETALAB}@${tip}`]);
    expect(direct.code, direct.stderr).toBe(0);
    const directDump = await dumpCurrentGraph(driver);

    await clearGraph(driver);
    const first = commits[commits.length - WINDOW]!;
    const replay = await runCgct(['replay', ETALAB, '--from', first.hash.slice(0, 8), '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    changeSets = readChangeSets(replay.stdout);
    expect(changeSets.map((changeSet) => changeSet.commit)).toEqual(commits.slice(-WINDOW).map((commit) => commit.hash));
    const articles = await readRows<{ n: number }>(driver, "MATCH (a:Article {status: 'in-force'}) WHERE a.validTo IS NULL RETURN count(a) AS n");
    expect(articles[0]!.n).toBeGreaterThan(5000);
    // Kept before the comparison: the resume test compares with this graph whatever this one finds.
    replayedDump = await dumpGraph(driver);
    expectSameDump(await dumpCurrentGraph(driver), directDump, 'current graph: replay (first) against direct ingest of the tip (second)');
  }, LONG);

  it('keeps the history: one open version per article, versions that follow each other, each amendment marked applied', async () => {
    const openVersions = await readRows<{ id: string; open: number }>(
      driver,
      `MATCH (a:Article) WHERE a.validTo IS NULL
       OPTIONAL MATCH (a)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL
       WITH a, count(v) AS open WHERE open <> 1 RETURN a.id AS id, open LIMIT 10`,
    );
    expect(openVersions, 'articles in force without exactly one open version').toEqual([]);
    const stale = await readRows<{ id: string }>(
      driver,
      `MATCH (a:Article)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo IS NULL AND a.validTo IS NULL AND v.contentHash <> a.contentHash
       RETURN a.id AS id LIMIT 10`,
    );
    expect(stale, 'open versions whose text is not the article\'s').toEqual([]);
    const overlapping = await readRows<{ id: string }>(
      driver,
      `MATCH (a:Article)-[:HAS_VERSION]->(v:ArticleVersion), (a)-[:HAS_VERSION]->(w:ArticleVersion)
       WHERE v.validFrom < w.validFrom AND (v.validTo IS NULL OR v.validTo > w.validFrom)
       RETURN a.id AS id LIMIT 10`,
    );
    expect(overlapping, 'articles with versions overlapping in time').toEqual([]);
    const backwards = await readRows<{ n: number }>(driver, 'MATCH ()-[r:CITES]->() WHERE r.validTo IS NOT NULL AND r.validTo < r.validFrom RETURN count(r) AS n');
    expect(backwards[0]!.n).toBe(0);
    const applied = await readRows<{ id: string; title: string }>(driver, 'MATCH (m:Amendment {applied: true}) RETURN m.id AS id, m.title AS title ORDER BY m.date, m.id');
    expect(applied.map((row) => row.id).sort()).toEqual(commits.slice(-WINDOW).map((commit) => commit.hash).sort());
    // Each version made by the window (after its first amendment, which loads the whole code) names its amending text.
    const modified = changeSets.slice(1).flatMap((changeSet) => changeSet.articles.modified.map((id) => ({ id, commit: changeSet.commit, title: changeSet.subject })));
    expect(modified.length).toBeGreaterThan(10);
    const madeBy = await readRows<{ id: string; commit: string; title: string }>(
      driver,
      'UNWIND $ids AS id MATCH (:Article {id: id})-[:HAS_VERSION]->(:ArticleVersion)-[:MADE_BY]->(m:Amendment) WHERE m.id IN $commits RETURN id, m.id AS commit, m.title AS title',
      { ids: modified.map((row) => row.id), commits: modified.map((row) => row.commit) },
    );
    for (const row of modified) expect(madeBy, `${row.id} made by ${row.commit}`).toContainEqual(row);
  });

  it('shows an article as of the day before an amendment with its old text and its old references', async () => {
    const changed = changeSets.slice(1).flatMap((changeSet) =>
      changeSet.articles.modified
        .filter((id) => changeSet.references.gained.some((ref) => ref.from === id) || changeSet.references.lost.some((ref) => ref.from === id))
        .map((id) => ({ id, changeSet })),
    );
    expect(changed.length, 'an amendment of the window changing the references of an article it modifies').toBeGreaterThan(0);
    const { id, changeSet } = changed[0]!;
    const dayBefore = new Date(Date.parse(`${changeSet.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const server: TestServer = await startTestServer();
    try {
      const query = 'query ($id: String!, $asOf: Date) { article(id: $id, asOf: $asOf) { text references { target { id } } } }';
      const before = await server.graphql(query, { id, asOf: dayBefore });
      const after = await server.graphql(query, { id, asOf: changeSet.date });
      expect(before.body.errors).toBeUndefined();
      expect(after.body.errors).toBeUndefined();
      // A change set names an unresolved CGCT citation by its number, the API by its target's id.
      const targets = (body: typeof before.body) => new Set<string>((body.data!.article.references as Array<{ target: { id: string } }>).map((ref) => ref.target.id.replace('unresolved:CGCT|', '')));
      const [old, now] = [targets(before.body), targets(after.body)];
      expect(before.body.data!.article.text).not.toBe(after.body.data!.article.text);
      for (const { from, to } of changeSet.references.lost.filter((ref) => ref.from === id)) {
        expect(old.has(to), `${from} cited ${to} before ${changeSet.date}`).toBe(true);
        expect(now.has(to), `${from} no longer cites ${to} from ${changeSet.date}`).toBe(false);
      }
      for (const { from, to } of changeSet.references.gained.filter((ref) => ref.from === id)) {
        expect(old.has(to), `${from} did not cite ${to} before ${changeSet.date}`).toBe(false);
        expect(now.has(to), `${from} cites ${to} from ${changeSet.date}`).toBe(true);
      }
      // The old text is the one the corpus held before the amendment.
      const version = await readRows<{ text: string }>(
        driver,
        'MATCH (:Article {id: $id})-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validTo = $date RETURN v.text AS text',
        { id, date: changeSet.date },
      );
      expect(version.map((row) => row.text)).toEqual([before.body.data!.article.text]);
    } finally {
      await server.close();
    }
  });

  it('ends with exactly the same graph, history included, when a replay killed midway is run again', async () => {
    await clearGraph(driver);
    const first = commits[commits.length - WINDOW]!.hash.slice(0, 8);
    const stderr = await runReplayUntil([ETALAB, '--from', first], 40);
    expect(stderr).toMatch(/replay: [4-9]0%/);
    const applied = await readRows<{ n: number }>(driver, 'MATCH (m:Amendment {applied: true}) RETURN count(m) AS n');
    expect(applied[0]!.n).toBeGreaterThan(0);
    expect(applied[0]!.n).toBeLessThan(WINDOW);
    // Run again without --from: it resumes after the last amendment applied.
    const resumed = await runCgct(['replay', ETALAB, '--json']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readChangeSets(resumed.stdout).length).toBe(WINDOW - applied[0]!.n);
    expectSameDump(await dumpGraph(driver), replayedDump, 'whole graph: killed and resumed (first) against uninterrupted (second)');
  }, LONG);
});

describe('the change sets of hand-checked amendments (tests/fixtures/amendments)', () => {
  const fixtures = existsSync(FIXTURES) ? readdirSync(FIXTURES).filter((name) => name.endsWith('.json')) : [];

  it('has fixtures to check', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of fixtures) {
    const fixture = JSON.parse(readFileSync(path.join(FIXTURES, name), 'utf8')) as {
      commit: string; parent: string; subject: string; date: string; referencesComplete?: boolean;
      articles: { added: string[]; modified: string[]; repealed: string[] };
      references: { gained: Array<{ from: string; to: string }>; lost: Array<{ from: string; to: string }> };
    };
    it(`finds what ${name.replace('.json', '')} (${fixture.subject}) changed`, async () => {
      await clearGraph(driver);
      // The parent loads the whole code, then the amendment is applied on it.
      const result = await runCgct(['replay', ETALAB, '--from', fixture.parent, '--to', fixture.commit, '--json']);
      expect(result.code, result.stderr).toBe(0);
      const changeSet = readChangeSets(result.stdout).find((item) => item.commit === fixture.commit);
      expect(changeSet, 'a change set for the commit').toBeDefined();
      expect(changeSet!.subject).toBe(fixture.subject);
      expect(changeSet!.date).toBe(fixture.date);
      const sorted = (ids: string[]) => [...ids].sort();
      expect({
        added: sorted(changeSet!.articles.added),
        modified: sorted(changeSet!.articles.modified),
        repealed: sorted(changeSet!.articles.repealed),
      }).toEqual({ added: sorted(fixture.articles.added), modified: sorted(fixture.articles.modified), repealed: sorted(fixture.articles.repealed) });
      const pairs = (refs: Array<{ from: string; to: string }>) => [...new Set(refs.map(({ from, to }) => `${from} -> ${to}`))].sort();
      if (fixture.referencesComplete === false) {
        // A checked subset: each listed citation must be in the change set.
        expect(pairs(changeSet!.references.gained), `citations gained by ${name} (hand-checked subset): every one must be found`).toEqual(expect.arrayContaining(pairs(fixture.references.gained)));
        expect(pairs(changeSet!.references.lost), `citations lost by ${name} (hand-checked subset): every one must be found`).toEqual(expect.arrayContaining(pairs(fixture.references.lost)));
      } else {
        expect({ gained: pairs(changeSet!.references.gained), lost: pairs(changeSet!.references.lost) })
          .toEqual({ gained: pairs(fixture.references.gained), lost: pairs(fixture.references.lost) });
      }
    }, LONG);
  }
});

/** The text of article n: it cites the next one. */
function articleText(n: number, words = 'Le conseil délibère'): string {
  return `${words} dans les conditions prévues à l'article L. 1111-${n + 1}.`;
}

/** Twenty articles, each citing the next. */
function twentyArticles(): Record<number, string> {
  return Object.fromEntries(Array.from({ length: 20 }, (_, index) => [index + 1, articleText(index + 1)]));
}

async function inForce(): Promise<string[]> {
  const rows = await readRows<{ id: string }>(driver, "MATCH (a:Article {status: 'in-force'}) WHERE a.validTo IS NULL RETURN a.id AS id ORDER BY a.sortKey");
  return rows.map((row) => row.id);
}

describe('faults in a history', () => {
  it('refuses a truncated snapshot, naming how many articles would go, and applies it with --allow-mass-repeal', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit(twentyArticles(), '2001-01-01', 'LOI n° 2001-1 du 1er janvier 2001');
    const truncated = history.commit(Object.fromEntries(Array.from({ length: 15 }, (_, index) => [index + 6, null])), '2002-01-01', 'Export tronqué');
    const refused = await runCgct(['replay', history.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`commit ${truncated.slice(0, 8)} .*would repeal 15 of 20 articles`));
    expect(refused.stderr).toContain('--allow-mass-repeal');
    expect(await inForce()).toHaveLength(20);
    const marked = await readRows<{ id: string }>(driver, 'MATCH (m:Amendment {id: $id}) RETURN m.id AS id', { id: truncated });
    expect(marked, 'nothing written for the refused commit').toEqual([]);

    const allowed = await runCgct(['replay', history.dir, '--allow-mass-repeal', '--json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const [changeSet] = readChangeSets(allowed.stdout);
    expect(changeSet!.commit).toBe(truncated);
    expect(changeSet!.articles.repealed).toHaveLength(15);
    expect(await inForce()).toEqual(['L1111-1', 'L1111-2', 'L1111-3', 'L1111-4', 'L1111-5']);
  }, LONG);

  it('refuses a truncated codes-en-vigueur whose articles survive as repealed copies in codes-non-en-vigueur', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit(twentyArticles(), '2001-01-01', 'LOI n° 2001-1 du 1er janvier 2001', 'mirror');
    const truncated = history.commit(Object.fromEntries(Array.from({ length: 15 }, (_, index) => [index + 6, null])), '2002-01-01', 'Export tronqué');
    const refused = await runCgct(['replay', history.dir, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`commit ${truncated.slice(0, 8)} .*would repeal 15 of 20 articles in force`));
    expect(await inForce()).toHaveLength(20);
    const allowed = await runCgct(['replay', history.dir, '--allow-mass-repeal', '--json']);
    expect(allowed.code, allowed.stderr).toBe(0);
    const [changeSet] = readChangeSets(allowed.stdout);
    // The nodes stay (their last text is in codes-non-en-vigueur), but they left the code in force.
    expect({ added: changeSet!.articles.added, modified: changeSet!.articles.modified, repealed: changeSet!.articles.repealed.length })
      .toEqual({ added: [], modified: [], repealed: 15 });
    expect(await inForce()).toEqual(['L1111-1', 'L1111-2', 'L1111-3', 'L1111-4', 'L1111-5']);
  }, LONG);

  it('shows an article repealed by an amendment in force as of before it and repealed as of after it', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit({ 1: articleText(1), 2: articleText(2), 3: articleText(3), 4: articleText(4), 5: articleText(5) }, '2001-01-01', 'LOI A', 'mirror');
    // Only the copy in force goes: etalab keeps the last text in codes-non-en-vigueur.
    history.commit({ 3: null }, '2002-01-01', 'LOI B abrogeant L. 1111-3');
    const replay = await runCgct(['replay', history.dir, '--json']);
    expect(replay.code, replay.stderr).toBe(0);
    expect(readChangeSets(replay.stdout)[1]!.articles.repealed).toEqual(['L1111-3']);
    const server = await startTestServer();
    try {
      const query = 'query ($asOf: Date) { article(id: "L1111-3", asOf: $asOf) { status } }';
      const before = await server.graphql(query, { asOf: '2001-06-01' });
      const after = await server.graphql(query, { asOf: '2002-06-01' });
      expect({ before: before.body.data?.article?.status, after: after.body.data?.article?.status }, 'status of L1111-3 as of 2001-06-01 and 2002-06-01')
        .toEqual({ before: 'IN_FORCE', after: 'REPEALED' });
    } finally {
      await server.close();
    }
  }, LONG);

  it('keeps dates in order when a commit goes back in time, gives a duplicate commit an empty change set, and converges when run again', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit({ 1: articleText(1), 2: articleText(2), 3: articleText(3) }, '2001-01-01', 'LOI A');
    history.commit({ 1: articleText(1, 'Le maire délibère') }, '2003-01-01', 'LOI B');
    const back = history.commit({ 2: 'Le conseil délibère seul.' }, '2002-01-01', 'LOI C, datée avant B');
    const duplicate = history.commit({}, '2002-06-01', 'LOI C, publiée deux fois');
    const last = history.commit({ 3: articleText(3, 'Le préfet délibère'), 4: articleText(4) }, '2004-01-01', 'LOI D');

    const whole = await runCgct(['replay', history.dir, '--json']);
    expect(whole.code, whole.stderr).toBe(0);
    const changeSets = readChangeSets(whole.stdout);
    expect(changeSets.map((changeSet) => changeSet.date)).toEqual(['2001-01-01', '2003-01-01', '2003-01-01', '2003-01-01', '2004-01-01']);
    expect(whole.stderr).toMatch(/2 commits dated before their predecessor/);
    const backSet = changeSets.find((changeSet) => changeSet.commit === back)!;
    expect(backSet.articles.modified).toEqual(['L1111-2']);
    expect(backSet.references.lost).toEqual([{ from: 'L1111-2', to: 'L1111-3' }]);
    const duplicateSet = changeSets.find((changeSet) => changeSet.commit === duplicate)!;
    expect({ articles: duplicateSet.articles, references: duplicateSet.references })
      .toEqual({ articles: { added: [], modified: [], repealed: [] }, references: { gained: [], lost: [] } });
    const versions = await readRows<{ validFrom: string; validTo: string | null }>(
      driver,
      "MATCH (:Article {id: 'L1111-2'})-[:HAS_VERSION]->(v:ArticleVersion) RETURN v.validFrom AS validFrom, v.validTo AS validTo ORDER BY v.validFrom",
    );
    expect(versions).toEqual([{ validFrom: '2001-01-01', validTo: '2003-01-01' }, { validFrom: '2003-01-01', validTo: null }]);
    const whole1 = await dumpGraph(driver);

    // Running again applies nothing and changes nothing.
    const again = await runCgct(['replay', history.dir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(readChangeSets(again.stdout)).toEqual([]);
    expect(await dumpGraph(driver)).toEqual(whole1);

    // The same history in two runs (stopped after the commit going back) gives the same graph.
    await clearGraph(driver);
    const firstPart = await runCgct(['replay', history.dir, '--to', back.slice(0, 8)]);
    expect(firstPart.code, firstPart.stderr).toBe(0);
    const rest = await runCgct(['replay', history.dir, '--json']);
    expect(rest.code, rest.stderr).toBe(0);
    expect(readChangeSets(rest.stdout).map((changeSet) => [changeSet.commit, changeSet.date])).toEqual([[duplicate, '2003-01-01'], [last, '2004-01-01']]);
    expectSameDump(await dumpGraph(driver), whole1, 'whole graph: replayed in two runs (first) against in one run (second)');

    // Stopped again after the commit going back, and run again with the same --from: it resumes too.
    await clearGraph(driver);
    const first = changeSets[0]!.commit.slice(0, 8);
    expect((await runCgct(['replay', history.dir, '--from', first, '--to', back.slice(0, 8)])).code).toBe(0);
    const sameFrom = await runCgct(['replay', history.dir, '--from', first, '--json']);
    expect(sameFrom.code, sameFrom.stderr).toBe(0);
    expect(readChangeSets(sameFrom.stdout).map((changeSet) => changeSet.commit)).toEqual([duplicate, last]);
    expectSameDump(await dumpGraph(driver), whole1, 'whole graph: resumed with the same --from (first) against in one run (second)');
  }, LONG);

  it('leaves a commit dated in the future for later unless --include-deferred', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit({ 1: articleText(1), 2: articleText(2) }, '2001-01-01', 'LOI A');
    const deferred = history.commit({ 3: articleText(3) }, '2038-01-01', 'LOI B, entrée en vigueur différée');

    const now = await runCgct(['replay', history.dir, '--json']);
    expect(now.code, now.stderr).toBe(0);
    expect(readChangeSets(now.stdout).map((changeSet) => changeSet.commit)).not.toContain(deferred);
    expect(await inForce()).toEqual(['L1111-1', 'L1111-2']);

    const later = await runCgct(['replay', history.dir, '--include-deferred', '--json']);
    expect(later.code, later.stderr).toBe(0);
    expect(readChangeSets(later.stdout).map((changeSet) => [changeSet.commit, changeSet.date, changeSet.articles.added])).toEqual([[deferred, '2038-01-01', ['L1111-3']]]);
    expect(await inForce()).toEqual(['L1111-1', 'L1111-2', 'L1111-3']);
  }, LONG);

  it('applies a commit once its date has come: `today` decides', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit({ 1: articleText(1) }, '2020-01-01', 'LOI A');
    const second = history.commit({ 2: articleText(2) }, '2021-06-01', 'LOI B');
    const before = await runReplay(driver, history.dir, { today: '2021-05-31' });
    expect(before.applied.map((changeSet) => changeSet.commit)).not.toContain(second);
    expect(await inForce()).toEqual(['L1111-1']);
    const on = await runReplay(driver, history.dir, { today: '2021-06-01' });
    expect(on.applied.map((changeSet) => changeSet.commit)).toEqual([second]);
    expect(await inForce()).toEqual(['L1111-1', 'L1111-2']);
  }, LONG);
});
