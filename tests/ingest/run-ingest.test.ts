/**
 * The ingest against the real test Neo4j and the real cgct-legifrance-md corpus: what lands in
 * the graph, that a second run writes nothing, and that a run killed midway (the ingest, or
 * Neo4j itself) converges to the same graph when run again.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../neo4j/local-server-options.ts';
import { findRunningPid, startLocalServer } from '../../neo4j/local-server.ts';
import { clearGraph, openTestDriver, resolveTestServerOptions, runCgct } from '../helpers/neo4j.ts';
import { dumpGraph } from '../helpers/graph-dump.ts';

const LEGIFRANCE_MD = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-legifrance-md-history.bundle');
const LEXLIB = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-lexlib-history.bundle');
const SEEDS = path.join(PROJECT_ROOT, '..', 'shared', 'seeds');
const L1115_1_CITES = ['L2131-1', 'L2131-2', 'L2131-6', 'L3131-1', 'L3131-2', 'L3132-1', 'L4141-1', 'L4141-2', 'L4142-1'];
const LONG = 600_000;

let driver: Driver;
let cleanDump: string[];

/** The first row of a read query. */
async function readOne<Row>(cypher: string): Promise<Row> {
  const rows = await readRows<Row>(driver, cypher);
  return rows[0]!;
}

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
});
afterAll(() => driver.close());

/** Runs `cgct ingest` and kills it (SIGKILL) once its progress on writing passes `percent`. */
function runIngestUntil(args: string[], percent: number, onThreshold: (child: ReturnType<typeof spawn>) => void): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cgct.js'), 'ingest', ...args], { cwd: PROJECT_ROOT, env: process.env });
    let stderr = '';
    let fired = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = [...stderr.matchAll(/ingest: (\d+)% \(\d+\/\d+\) write/g)].pop();
      if (!fired && match && Number(match[1]) >= percent) {
        fired = true;
        onThreshold(child);
      }
    });
    child.on('close', () => resolve(stderr));
  });
}

describe('ingesting the cgct-legifrance-md tip', () => {
  let firstRevision: string | null = null;
  const readRevision = async () =>
    (await readRows<{ value: string | null }>(driver, "OPTIONAL MATCH (r:GraphRevision {key: 'graph'}) RETURN r.value AS value"))[0]!.value;

  it('loads every article in its place in the tree, and L1115-1 cites the nine articles', async () => {
    const result = await runCgct(['ingest', LEGIFRANCE_MD]);
    expect(result.code, result.stderr).toBe(0);
    const { articles } = await readOne<{ articles: number }>('MATCH (a:Article) RETURN count(a) AS articles');
    // A bundle named alone is read at its last commit in force today (2026-01-01, not the amendments
    // deferred to 2038): 6,840 files, one of which repeats r4422-2.md in another section and is rejected.
    expect(articles).toBe(6839);
    expect(result.stderr).toMatch(/rejected: .*r4422-2\.md.*duplicate-article/);
    const { orphans } = await readOne<{ orphans: number }>('MATCH (a:Article) WHERE NOT (:Code {id: "CGCT"})-[:CONTAINS*]->(a) RETURN count(a) AS orphans');
    expect(orphans).toBe(0);
    const cited = await readRows<{ id: string }>(driver, "MATCH (:Article {id: 'L1115-1'})-[:CITES]->(b:Article) RETURN b.id AS id ORDER BY id");
    expect(cited.map((row) => row.id)).toEqual(L1115_1_CITES);
    const breadcrumb = await readRows<{ titles: string[] }>(
      driver,
      "MATCH p = (:Code)-[:CONTAINS*]->(:Article {id: 'L2131-1'}) RETURN [n IN nodes(p)[1..-1] | n.title] AS titles",
    );
    expect(breadcrumb[0]!.titles[0]).toBe('Partie législative');
    expect(breadcrumb[0]!.titles.join(' > ')).toMatch(/Deuxième partie.*Livre Ier.*Titre III.*Chapitre Ier/i);
    cleanDump = await dumpGraph(driver);
    // The writes changed the revision the server's response cache watches.
    firstRevision = await readRevision();
    expect(firstRevision).toMatch(/^[0-9a-f-]{36}$/);
  }, LONG);

  it('keeps where each citation came from: the lying link of seed 000 is flagged on L4141-1', async () => {
    const rows = await readRows<{ via: string[]; sources: string[]; hrefDisagrees: string | null }>(
      driver,
      "MATCH (:Article {id: 'L1115-1'})-[r:CITES]->(:Article {id: 'L4141-1'}) RETURN r.via AS via, r.sources AS sources, r.hrefDisagrees AS hrefDisagrees",
    );
    expect(rows).toEqual([{ via: ['text'], sources: ['legifrance-md'], hrefDisagrees: 'L4131-1' }]);
  });

  it('writes nothing and reports no change when the same snapshot is ingested again', async () => {
    const result = await runCgct(['ingest', LEGIFRANCE_MD]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/legifrance-md\s+2026-01-01\s+6,840\s+0\s+0\s+6,839\s+0\s+1/);
    expect(result.stderr).toMatch(/\s0\/0\/0\n/);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
    // Nothing written, so the server's cached answers stay valid.
    expect(await readRevision()).toBe(firstRevision);
  }, LONG);

  it('ends with exactly the same graph when an ingest killed midway is run again', async () => {
    await clearGraph(driver);
    const stderr = await runIngestUntil([LEGIFRANCE_MD], 30, (child) => child.kill('SIGKILL'));
    expect(stderr).toMatch(/write/);
    const partial = await readRows<{ n: number }>(driver, 'MATCH (n) RETURN count(n) AS n');
    expect(partial[0]!.n).toBeGreaterThan(0);
    const result = await runCgct(['ingest', LEGIFRANCE_MD]);
    expect(result.code, result.stderr).toBe(0);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
  }, LONG);

  it('ends with exactly the same graph when Neo4j dies midway and the ingest is run again', async () => {
    await clearGraph(driver);
    const options = resolveTestServerOptions();
    const stderr = await runIngestUntil([LEGIFRANCE_MD], 40, () => process.kill(findRunningPid(options)!, 'SIGKILL'));
    expect(stderr).toMatch(/cgct ingest: .*(Neo4j|connect|bolt)/i);
    await startLocalServer(options);
    await driver.close();
    driver = await openTestDriver();
    const result = await runCgct(['ingest', LEGIFRANCE_MD]);
    expect(result.code, result.stderr).toBe(0);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
  }, LONG);

  it('ends with exactly the same graph when Neo4j refuses a write midway and the ingest is run again', async () => {
    await clearGraph(driver);
    // A constraint the code's data breaks (section titles such as « Chapitre unique » repeat): Neo4j refuses a batch of sections.
    const constraint = async (statement: string) => {
      const session = driver.session();
      try {
        await session.run(statement);
      } finally {
        await session.close();
      }
    };
    await constraint('CREATE CONSTRAINT test_refused_write FOR (s:Section) REQUIRE s.title IS UNIQUE');
    try {
      const refused = await runCgct(['ingest', LEGIFRANCE_MD]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/cgct ingest: .*(constraint|already exists)/i);
      expect(refused.stderr).not.toMatch(/\n\s+at .*\.ts:\d+/);
    } finally {
      await constraint('DROP CONSTRAINT test_refused_write IF EXISTS');
    }
    const result = await runCgct(['ingest', LEGIFRANCE_MD]);
    expect(result.code, result.stderr).toBe(0);
    expect(await dumpGraph(driver)).toEqual(cleanDump);
  }, LONG);

  it('merges the lexlib snapshot of the same date into the same nodes, each fact saying where it came from', async () => {
    const result = await runCgct(['ingest', `${LEXLIB}@22ed44d7`]);
    expect(result.code, result.stderr).toBe(0);
    const { articles } = await readOne<{ articles: number }>("MATCH (a:Article) WHERE 'legifrance-md' IN a.sources AND 'lexlib' IN a.sources RETURN count(a) AS articles");
    expect(articles).toBeGreaterThan(6000);
    const cites = await readRows<{ via: string[]; sources: string[] }>(
      driver,
      "MATCH (:Article {id: 'L5111-1'})-[r:CITES]->(:Article {id: 'L5711-1'}) RETURN r.via AS via, r.sources AS sources",
    );
    expect(cites[0]!.sources).toEqual(['legifrance-md', 'lexlib']);
    expect(cites[0]!.via).toContain('metadata');
    const modified = await readRows<{ text: string }>(driver, "MATCH (:Article {id: 'L5111-1'})-[:MODIFIED_BY]->(t:LegalText) RETURN t.id AS text");
    expect(modified.length).toBeGreaterThan(0);
    // The text shown stays the one of the preferred source, with its links.
    const { textSource } = await readOne<{ textSource: string }>("MATCH (a:Article {id: 'L1115-1'}) RETURN a.textSource AS textSource");
    expect(textSource).toBe('legifrance-md');
  }, LONG);
});

describe('ingest of bad sources', () => {
  it('refuses a path that is neither a folder, a checkout nor a bundle, naming it', async () => {
    const result = await runCgct(['ingest', '/nonexistent/corpus']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('/nonexistent/corpus: no such file or folder');
  });

  it('refuses a bundle commit that does not exist', async () => {
    const result = await runCgct(['ingest', `${LEGIFRANCE_MD}@deadbeef`]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/commit "deadbeef" not found/);
  });

  it('leaves the graph untouched when nothing in the source parses', async () => {
    await clearGraph(driver);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'cgct-bad-'));
    writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0, 1, 2, 255, 0]));
    writeFileSync(path.join(folder, 'empty.md'), '');
    const result = await runCgct(['ingest', folder]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/nothing could be parsed.*graph was left untouched/);
    const { n } = await readOne<{ n: number }>('MATCH (n) RETURN count(n) AS n');
    expect(n).toBe(0);
  });

  it('says which URI it could not reach when Neo4j is unreachable', async () => {
    const result = await runCgct(['ingest', SEEDS], { ...process.env, NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('bolt://127.0.0.1:1');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('loads the valid seeds and lists the guide as a document mentioning L1115-1 through its typo', async () => {
    await clearGraph(driver);
    const result = await runCgct(['ingest', SEEDS]);
    expect(result.code, result.stderr).toBe(0);
    const mentions = await readRows<{ target: string; candidates: string[] }>(
      driver,
      "MATCH (:Document)-[:MENTIONS]->(t:UnresolvedTarget {number: 'L115-1'}) RETURN t.number AS target, t.candidates AS candidates",
    );
    expect(mentions[0]!.candidates[0]).toBe('L1115-1');
  });
});
