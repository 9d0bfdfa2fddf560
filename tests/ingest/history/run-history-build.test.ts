/**
 * The history build against the real test Neo4j and the real corpora (legifrance-md + lexlib):
 * versions equal what `git log` of the corpus says for 200 articles drawn with a fixed seed,
 * as-of answers, repeals, renumbering, date-aware resolution; a second build and a replay of
 * nothing new change nothing; a build killed halfway converges to the identical graph; bad
 * histories get one clear message each and leave the graph as it was.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { runHistoryBuild, type HistoryBuildReport } from '../../../ingest/history/run-history-build.ts';
import { readHistory } from '../../../ingest/history/read-history.ts';
import { runGit } from '../../../ingest/sources/run-git.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';
import { dumpGraph } from '../../helpers/graph-dump.ts';
import { HandMadeHistory } from '../../helpers/hand-made-history.ts';
import { createRandom } from '../fuzz/mutate-files.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const LEGIFRANCE_MD = path.join(CORPUS, 'cgct-legifrance-md-history.bundle');
const LEXLIB = path.join(CORPUS, 'cgct-lexlib-history.bundle');
const TODAY = '2026-12-01';
const LONG = 600_000;

let driver: Driver;
let report: HistoryBuildReport;
let cleanDump: string[];

async function rows<Row>(cypher: string, params: Record<string, unknown> = {}): Promise<Row[]> {
  return readRows<Row>(driver, cypher, params);
}

/** The version of an article in force on a date, as the graph says. */
async function versionOn(id: string, date: string): Promise<{ validFrom: string; text: string } | undefined> {
  const [row] = await rows<{ validFrom: string; text: string }>(
    `MATCH (:Article {id: $id})-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validFrom <= $date AND (v.validTo IS NULL OR v.validTo > $date)
     RETURN v.validFrom AS validFrom, v.text AS text`,
    { id, date },
  );
  return row;
}

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
  report = await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD }, { location: LEXLIB }], { today: TODAY });
  cleanDump = await dumpGraph(driver);
}, LONG);
afterAll(async () => {
  HandMadeHistory.removeAll();
  await driver.close();
});

describe('the history build of legifrance-md and lexlib', () => {
  it('reads every commit of both histories and writes versions, amendments and dated citations', () => {
    expect(report.outcome).toBe('built');
    expect(report.sources.map((source) => [source.source, source.commits])).toEqual([['legifrance-md', 2659], ['lexlib', 730]]);
    expect(report.amendments).toBe(2659 + 730);
    expect(report.versions).toBeGreaterThan(report.articles);
    expect(report.citationIntervals).toBeGreaterThan(20000);
    // legifrance-md's tip of today holds 6,835 article files.
    expect(report.inForce).toBeGreaterThanOrEqual(6835);
  });

  it("gives L1115-1 its four true versions with their amending texts, and links it to L1114-1, its former number", async () => {
    const versions = await rows<{ from: string; to: string | null; titles: string[] }>(
      `MATCH (:Article {id: 'L1115-1'})-[:HAS_VERSION]->(v:ArticleVersion)-[m:MADE_BY]->(a:Amendment)
       WITH v, a ORDER BY m.order RETURN v.validFrom AS from, v.validTo AS to, collect(a.title) AS titles ORDER BY from`,
    );
    expect(versions.map((version) => [version.from, version.to])).toEqual([
      ['2004-07-30', '2007-02-06'], ['2007-02-06', '2014-07-09'], ['2014-07-09', '2021-08-06'], ['2021-08-06', null],
    ]);
    expect(versions[3]!.titles).toEqual(['Modifications par LOI n°2021-1031 du 4 août 2021 & Loi n°96-142 du 21 février 1996']);
    const [article] = await rows<{ status: string; validFrom: string; inForceFrom: string }>("MATCH (a:Article {id: 'L1115-1'}) RETURN a.status AS status, a.validFrom AS validFrom, a.inForceFrom AS inForceFrom");
    expect(article).toEqual({ status: 'in-force', validFrom: '2021-08-06', inForceFrom: '2004-07-30' });
    const renumbered = await rows<{ from: string; date: string; evidence: string }>("MATCH (o:Article)-[r:RENUMBERED_AS]->(:Article {id: 'L1115-1'}) RETURN o.id AS from, r.date AS date, r.evidence AS evidence");
    expect(renumbered).toEqual([{ from: 'L1114-1', date: '2004-07-30', evidence: 'git-rename' }]);
    const [old] = await rows<{ status: string; repealedOn: string }>("MATCH (a:Article {id: 'L1114-1'}) RETURN a.status AS status, a.repealedOn AS repealedOn");
    expect(old).toEqual({ status: 'repealed', repealedOn: '2004-07-30' });
  });

  it('shows, as of a date before an amendment, the text and the citations of that time', async () => {
    const in2010 = await versionOn('L1115-1', '2010-01-01');
    const today = await versionOn('L1115-1', TODAY);
    expect(in2010!.validFrom).toBe('2007-02-06');
    expect(today!.validFrom).toBe('2021-08-06');
    expect(in2010!.text).not.toBe(today!.text);
    expect(await versionOn('L1115-1', '2003-01-01')).toBeUndefined();
    const cited = async (date: string) =>
      (await rows<{ id: string }>(
        `MATCH (:Article {id: 'L1115-1'})-[r:CITES]->(t:Article) WHERE r.validFrom <= $date AND (r.validTo IS NULL OR r.validTo > $date) RETURN t.id AS id ORDER BY id`,
        { date },
      )).map((row) => row.id);
    expect(await cited(TODAY)).toEqual(expect.arrayContaining(['L2131-1', 'L2131-2', 'L3131-1', 'L4141-1', 'L4142-1']));
    expect(await cited('2010-01-01')).toEqual(expect.arrayContaining(['L2131-1', 'L3131-1']));
  });

  it('keeps an article repealed in 2009 in force as of 2005 and repealed as of 2010, with the repealing text', async () => {
    const [repealed] = await rows<{ id: string; repealedOn: string; repealedBy: string; file: string }>(
      `MATCH (a:Article) WHERE a.textSource = 'legifrance-md' AND a.repealedOn STARTS WITH '2009' AND a.inForceFrom < '2005-01-01' AND size(a.periods) = 1
       RETURN a.id AS id, a.repealedOn AS repealedOn, a.repealedBy AS repealedBy, a.sourceFile AS file ORDER BY a.sortKey LIMIT 1`,
    );
    expect(repealed).toBeDefined();
    expect(await versionOn(repealed!.id, '2005-01-01')).toBeDefined();
    expect(await versionOn(repealed!.id, '2010-01-01')).toBeUndefined();
    const [status] = await rows<{ status: string }>('MATCH (a:Article {id: $id}) RETURN a.status AS status', { id: repealed!.id });
    expect(status!.status).toBe('repealed');
    // git agrees: the file was deleted that day, by that amending text.
    const history = await readHistory({ location: LEGIFRANCE_MD });
    const log = (await runGit(history.repo, ['log', '--no-renames', '--diff-filter=D', '--format=%ad%x00%s', '--date=short', 'cgct-only', '--', `*/${path.basename(repealed!.file)}`])).toString().trim().split('\n');
    expect(log.map((line) => line.split('\0'))).toContainEqual([repealed!.repealedOn, repealed!.repealedBy.split(' ; ')[0]]);
  });

  it('resolves every version against the code of its own dates: a cited article is in force when the citation holds', async () => {
    const broken = await rows<{ from: string; to: string; validFrom: string }>(
      `MATCH (a:Article)-[r:CITES]->(t:Article) WHERE r.validFrom IS NOT NULL
         AND NOT EXISTS { MATCH (t)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validFrom <= r.validFrom AND (v.validTo IS NULL OR v.validTo > r.validFrom) }
       RETURN a.id AS from, t.id AS to, r.validFrom AS validFrom LIMIT 5`,
    );
    expect(broken).toEqual([]);
    // lexlib's 2020 text of R2131-2 cites R2131-1: in force then, never "never existed".
    const verdicts = await rows<{ reason: string }>("MATCH (u:UnresolvedTarget {number: 'R2131-1'}) RETURN u.reason AS reason");
    expect(verdicts.map((row) => row.reason)).not.toContain('never-existed');
  });

  it('gives a law the text links to its Légifrance id, as the snapshot ingest does', async () => {
    // L5111-7 links « loi n° 84-53 du 26 janvier 1984 » with cidTexte=JORFTEXT000000320434.
    const [law] = await rows<{ id: string | null }>("MATCH (t:LegalText {id: 'loi n° 84-53 du 26 janvier 1984'}) RETURN t.legifranceId AS id");
    expect(law?.id).toBe('JORFTEXT000000320434');
    const count = (await rows<{ count: number }>('MATCH (t:LegalText) WHERE t.legifranceId IS NOT NULL RETURN count(t) AS count'))[0]?.count ?? 0;
    console.log(`LegalText with a Légifrance id: ${count}`);
    expect(count).toBeGreaterThan(200);
  });

  it("keeps each article's LEGIARTI from lexlib's file names, though legifrance-md gives its text (the permalink /legiarti/… reads it)", async () => {
    const found = await rows<{ id: string; legiarti: string | null }>("MATCH (a:Article) WHERE a.id IN ['L1115-1', 'L1114-1', 'L2243-2'] RETURN a.id AS id, a.legiarti AS legiarti ORDER BY id");
    expect(found).toEqual([
      { id: 'L1114-1', legiarti: 'LEGIARTI000006389087' },
      { id: 'L1115-1', legiarti: 'LEGIARTI000006389099' },
      { id: 'L2243-2', legiarti: 'LEGIARTI000006390475' },
    ]);
  });

  it('says "never existed" only of numbers no source ever had', async () => {
    const wrong = await rows<{ id: string }>("MATCH (u:UnresolvedTarget {reason: 'never-existed'}) WHERE EXISTS { MATCH (a:Article {id: u.number}) } RETURN u.id AS id LIMIT 5");
    expect(wrong).toEqual([]);
    const [repealedTarget] = await rows<{ number: string; repealedOn: string | null }>("MATCH (u:UnresolvedTarget {reason: 'repealed'}) RETURN u.number AS number, u.repealedOn AS repealedOn LIMIT 1");
    expect(repealedTarget!.repealedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('stores the deferred amendments of 2038 as future versions, not as the current text', async () => {
    const future = await rows<{ id: string; validFrom: string }>("MATCH (a:Article)-[:HAS_VERSION]->(v:ArticleVersion) WHERE v.validFrom = '2038-01-01' AND a.inForceFrom < '2038-01-01' RETURN a.id AS id, v.validFrom AS validFrom LIMIT 3");
    expect(future.length).toBeGreaterThan(0);
    for (const { id } of future) {
      const [article] = await rows<{ validFrom: string }>('MATCH (a:Article {id: $id}) RETURN a.validFrom AS validFrom', { id });
      expect(article!.validFrom < '2038-01-01').toBe(true);
    }
  });

  it('dates the change set of each amendment: the articles added, modified and repealed that day', async () => {
    const [amendment] = await rows<{ modified: string[]; date: string }>(
      "MATCH (m:Amendment) WHERE m.title STARTS WITH 'Modifications par LOI n°2021-1031 du 4 août 2021 & ' RETURN m.modified AS modified, m.date AS date",
    );
    expect(amendment!.date).toBe('2021-08-06');
    expect(amendment!.modified).toContain('L1115-1');
  });
});

describe('versions against git log, for 200 articles drawn with a fixed seed', () => {
  it('has, for each article, the count, start and end dates and amending texts that git log gives', async () => {
    const candidates = await rows<{ id: string; file: string }>("MATCH (a:Article) WHERE a.textSource = 'legifrance-md' RETURN a.id AS id, a.sourceFile AS file ORDER BY a.id");
    const sample = drawWithSeed(candidates, 200, 20261201);
    const history = await readHistory({ location: LEGIFRANCE_MD });
    const mismatches: string[] = [];
    for (const { id, file } of sample) {
      const expected = await versionsFromGitLog(history.repo, path.basename(file));
      const actual = await rows<{ from: string; to: string | null; titles: string[] }>(
        `MATCH (:Article {id: $id})-[:HAS_VERSION]->(v:ArticleVersion) OPTIONAL MATCH (v)-[m:MADE_BY]->(a:Amendment)
         WITH v, a ORDER BY m.order RETURN v.validFrom AS from, v.validTo AS to, collect(a.title) AS titles ORDER BY from`,
        { id },
      );
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${id}: graph ${JSON.stringify(actual)} / git ${JSON.stringify(expected)}`);
    }
    expect(sample).toHaveLength(200);
    expect(mismatches).toEqual([]);
  }, LONG);
});

describe('running again', () => {
  it('a second build, and a replay of nothing new, change nothing', async () => {
    const again = await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD }, { location: LEXLIB }], { today: TODAY });
    expect(again.outcome).toBe('already-built');
    const replay = await runCgct(['replay', LEGIFRANCE_MD]);
    expect(replay.code, replay.stderr).toBe(0);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
  }, LONG);

  it('a build killed (SIGKILL) while writing, run again, gives the identical graph', async () => {
    await clearGraph(driver);
    const stderr = await runBuildUntil([LEGIFRANCE_MD, LEXLIB], 40);
    expect(stderr).toMatch(/write/);
    const [marker] = await rows<{ state: string }>("MATCH (b:HistoryBuild {key: 'graph'}) RETURN b.state AS state");
    expect(marker!.state).toBe('writing');
    // Run again as a user would: the killed run's lock is taken over, its partial graph wiped.
    const rerun = await runCgct(['ingest', '--history', LEGIFRANCE_MD, LEXLIB], { ...process.env, CGCT_TODAY: TODAY });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
  }, LONG);
});

describe('bad histories: one clear message each, the graph as it was', () => {
  it('names a missing bundle and a corrupt one, and writes nothing', async () => {
    await clearGraph(driver);
    const missing = await runCgct(['ingest', '--history', path.join(CORPUS, 'no-such.bundle')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such\.bundle: no such file or folder/);
    const notGit = await runCgct(['ingest', '--history', path.join(PROJECT_ROOT, 'package.json')]);
    expect(notGit.code).toBe(1);
    expect(notGit.stderr).toMatch(/package\.json: a history build needs a git bundle or a git checkout/);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cgct-corrupt-'));
    const bundle = path.join(folder, 'cgct-broken-history.bundle');
    writeFileSync(bundle, Buffer.concat([readFileSync(LEXLIB).subarray(0, 4096), Buffer.from('not the rest of a bundle')]));
    const corrupt = await runCgct(['ingest', '--history', bundle]);
    rmSync(folder, { recursive: true, force: true });
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/cgct-broken-history\.bundle: not a valid git bundle/);
    expect(await dumpGraph(driver)).toEqual([]);
  });

  it('refuses a commit that empties the tree, naming it, and writes nothing', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit(twentyArticles(), '2001-01-01', 'LOI A');
    const emptied = history.commit(Object.fromEntries(Array.from({ length: 20 }, (_, index) => [index + 1, null])), '2002-01-01', 'Export tronqué');
    const refused = await runCgct(['ingest', '--history', history.dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`commit ${emptied.slice(0, 8)} \\(Export tronqué, 2002-01-01\\) would repeal 20 of 20 articles in force`));
    expect(await dumpGraph(driver)).toEqual([]);
  });

  it('applies a commit dated back at the previous date and keeps a duplicate (empty) commit as an amendment with nothing in it, with a warning each', async () => {
    await clearGraph(driver);
    const history = new HandMadeHistory();
    history.commit(twentyArticles(), '2001-01-01', 'LOI A');
    history.commit({ 3: 'Texte modifié par la loi B.' }, '2003-01-01', 'LOI B');
    const back = history.commit({ 4: 'Texte modifié par la loi C.' }, '2002-06-01', 'LOI C, datée avant B');
    const duplicate = history.commit({}, '2003-02-01', 'LOI B, publiée deux fois');
    const built = await runHistoryBuild(driver, [{ location: history.dir }], { today: TODAY });
    expect(built.messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['date-goes-back', 'empty-amendment']));
    expect(built.messages.find((message) => message.ruleId === 'date-goes-back')!.file).toBe(`commit ${back.slice(0, 8)}`);
    const [version] = await rows<{ from: string }>("MATCH (:Article {id: 'L1111-4'})-[:HAS_VERSION]->(v) WHERE v.validFrom > '2001-01-01' RETURN v.validFrom AS from");
    expect(version!.from).toBe('2003-01-01');
    const [empty] = await rows<{ added: string[]; modified: string[]; repealed: string[] }>('MATCH (m:Amendment {id: $id}) RETURN m.added AS added, m.modified AS modified, m.repealed AS repealed', { id: duplicate });
    expect(empty).toEqual({ added: [], modified: [], repealed: [] });
  });
});

/** What git log says of one article file: a version per day its file was written, ended by the next change or its deletion. */
async function versionsFromGitLog(repo: string, basename: string): Promise<Array<{ from: string; to: string | null; titles: string[] }>> {
  const raw = (await runGit(repo, ['log', '--reverse', '--no-renames', '--name-status', '--format=%x01%ad%x00%s', '--date=short', 'cgct-only', '--', `*/${basename}`])).toString();
  const present = new Set<string>();
  const days: Array<{ date: string; titles: string[]; exists: boolean }> = [];
  for (const chunk of raw.split('\x01').filter(Boolean)) {
    const [header, ...lines] = chunk.split('\n');
    const [date, subject] = header!.split('\0');
    for (const line of lines.filter(Boolean)) {
      const [status, file] = line.split('\t');
      if (status === 'D') present.delete(file!);
      else present.add(file!);
    }
    const last = days[days.length - 1];
    if (last && last.date === date) {
      last.titles.push(subject!);
      last.exists = present.size > 0;
    } else days.push({ date: date!, titles: [subject!], exists: present.size > 0 });
  }
  const versions: Array<{ from: string; to: string | null; titles: string[] }> = [];
  for (const day of days) {
    const open = versions[versions.length - 1];
    if (open && open.to === null) open.to = day.date;
    if (day.exists) versions.push({ from: day.date, to: null, titles: day.titles });
  }
  return versions;
}

/** `count` items drawn without replacement with the fuzz test's seeded generator (mulberry32). */
function drawWithSeed<T>(items: T[], count: number, seed: number): T[] {
  const random = createRandom(seed);
  const pool = [...items];
  const drawn: T[] = [];
  while (drawn.length < count && pool.length > 0) drawn.push(pool.splice(Math.floor(random.next() * pool.length), 1)[0]!);
  return drawn;
}

/** Twenty articles L1111-1 … L1111-20, each citing the next. */
function twentyArticles(): Record<number, string> {
  return Object.fromEntries(Array.from({ length: 20 }, (_, index) => [index + 1, `Le conseil délibère dans les conditions prévues à l'article L. 1111-${index + 2}.`]));
}

/** Runs `cgct ingest --history` and kills it (SIGKILL) once its write passes `percent`. */
function runBuildUntil(locations: string[], percent: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cgct.js'), 'ingest', '--history', ...locations], { cwd: PROJECT_ROOT, env: { ...process.env, CGCT_TODAY: TODAY } });
    let stderr = '';
    let fired = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = [...stderr.matchAll(/(\d+)% \(\d+\/\d+\) write/g)].pop();
      if (!fired && match && Number(match[1]) >= percent) {
        fired = true;
        child.kill('SIGKILL');
      }
    });
    child.on('close', () => resolve(stderr));
  });
}
