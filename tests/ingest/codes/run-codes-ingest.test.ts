/**
 * The codes ingest on a real Neo4j, from hand-made code folders (tests/fixtures/codes) beside a
 * hand-made CGCT (tests/fixtures/codes-cgct): cross-code citations both ways, the same number in
 * two codes, "absent du code", bad files, and a second run that writes nothing.
 */
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCodesIngest, type CodesIngestReport } from '../../../ingest/codes/run-codes-ingest.ts';
import { runIngest } from '../../../ingest/run-ingest.ts';
import { readRows } from '../../../neo4j/driver.ts';
import { clearGraph, openTestDriver } from '../../helpers/neo4j.ts';
import { startTestServer, type TestServer } from '../../helpers/graphql-server.ts';

const CGCT = 'tests/fixtures/codes-cgct';

let driver: Driver;
let folder: string;
let first: CodesIngestReport;
let server: TestServer;

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
  // A copy of the codes, with what a public mirror may hold besides: a symbolic link and a file whose name is not UTF-8.
  folder = await mkdtemp(path.join(os.tmpdir(), 'codes-'));
  await cp('tests/fixtures/codes', folder, { recursive: true });
  await symlink('/etc/passwd', path.join(folder, 'code-du-travail', 'partie-legislative', 'lien.md'));
  await writeFile(Buffer.from(path.join(folder, 'code-du-travail', 'partie-legislative', 'nom-\xff.md'), 'latin1'), '# Article L9999-1\n\n<p>x</p>\n');
  await runIngest(driver, [{ location: CGCT }]);
  first = await runCodesIngest(driver, folder);
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  await driver?.close();
  await rm(folder, { recursive: true, force: true });
});

const citationsOf = (id: string) => readRows<{ id: string; label: string; reason: string | null }>(driver,
  'MATCH (:Article {id: $id})-[r:CITES]->(b) WHERE r.validTo IS NULL RETURN b.id AS id, labels(b)[0] AS label, coalesce(r.reason, b.reason) AS reason ORDER BY id', { id });

describe('the codes ingest', () => {
  it('loads every readable article of each code, and names each bad file with its reason', () => {
    const byCode = Object.fromEntries(first.codes.map((code) => [code.code, code]));
    expect(byCode['code-de-lurbanisme']).toMatchObject({ articles: 3, rejected: 1 });
    // L2131-1, L2131-2 and two different "Annexe I"; the copy of the first annex is the same text twice.
    expect(byCode['code-du-travail']).toMatchObject({ articles: 4, rejected: 3 });
    const reasons = first.messages.map((message) => `${message.file} [${message.ruleId}] ${message.reason}`);
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/sans-titre\.md \[no-article-heading\]/),
      expect.stringMatching(/lien\.md \[not-a-regular-file\] a symbolic link/),
      expect.stringMatching(/\[invalid-file-name\] the file name is not valid UTF-8/),
      expect.stringMatching(/annexe-3\/annexe-i\.md \[duplicate-article\] .*same text/),
      expect.stringMatching(/annexe-2\/annexe-i\.md \[duplicate-article-number\] .*another text/),
    ]));
  });

  it('leads the CGCT\'s references to another code to its articles, "précité" included, and a missing one to "absent du code"', async () => {
    expect(await citationsOf('L1523-2')).toEqual([
      { id: 'code-de-lurbanisme:L300-5', label: 'Article', reason: null },
      { id: 'code-de-lurbanisme:L300-9', label: 'UnresolvedTarget', reason: 'absent-from-code' },
    ]);
    const [absent] = await readRows<{ candidates: string[] }>(driver, "MATCH (u:UnresolvedTarget {id: 'code-de-lurbanisme:L300-9'}) RETURN u.candidates AS candidates");
    expect(absent!.candidates.length).toBeGreaterThan(0);
    expect(absent!.candidates.every((id) => id.startsWith('code-de-lurbanisme:'))).toBe(true);
  });

  it('resolves a code\'s own references in that code, its references to the CGCT to the CGCT, and keeps one number in two codes apart', async () => {
    expect(await citationsOf('code-de-lurbanisme:L300-5')).toEqual([
      { id: 'L1523-2', label: 'Article', reason: null },
      { id: 'code-de-lurbanisme:L300-4', label: 'Article', reason: null },
    ]);
    expect((await citationsOf('code-de-lurbanisme:L300-6')).map((row) => row.id)).toEqual(['code-de-lurbanisme:L300-4', 'code-de-lurbanisme:L300-5']);
    expect(await citationsOf('code-du-travail:L2131-2')).toEqual(expect.arrayContaining([{ id: 'code-du-travail:L2131-1', label: 'Article', reason: null }]));
    const twins = await readRows<{ id: string; text: string }>(driver, "MATCH (a:Article) WHERE a.id IN ['L2131-1', 'code-du-travail:L2131-1'] RETURN a.id AS id, a.text AS text ORDER BY id");
    expect(twins.map((row) => row.id)).toEqual(['L2131-1', 'code-du-travail:L2131-1']);
    expect(twins[0]!.text).not.toBe(twins[1]!.text);
  });

  it('serves another code\'s article through GraphQL, by its name in the id or by `code`, with who cites it across codes', async () => {
    const query = `query($id: String!, $code: String) { article(id: $id, code: $code) { id number code { id title } snapshotDate incoming { type nodes { id label } } } }`;
    const byName = await server.graphql(query, { id: "L. 300-5 du code de l'urbanisme" });
    const byCode = await server.graphql(query, { id: 'L300-5', code: 'code-de-lurbanisme' });
    expect(byName.body.data!.article).toEqual(byCode.body.data!.article);
    const article = byName.body.data!.article;
    expect(article).toMatchObject({ id: 'code-de-lurbanisme:L300-5', number: 'L300-5', code: { id: 'code-de-lurbanisme', title: "Code de l'urbanisme" }, snapshotDate: null });
    const citing = article.incoming.find((group: { type: string }) => group.type === 'CITES').nodes.map((node: { id: string }) => node.id);
    expect(citing).toEqual(expect.arrayContaining(['L1523-2', 'code-de-lurbanisme:L300-6']));
    const cgct = await server.graphql(query, { id: 'L2131-1' });
    expect(cgct.body.data!.article).toMatchObject({ id: 'L2131-1', code: { id: 'CGCT' } });
    const unknown = await server.graphql(query, { id: 'L300-5', code: 'code imaginaire' });
    expect(unknown.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'code' });
  });

  it('writes nothing when run again on the same codes', async () => {
    const again = await runCodesIngest(driver, folder);
    expect(again.codes.map((code) => [code.code, code.written, code.citationsWritten])).toEqual(first.codes.map((code) => [code.code, 0, false]));
    expect(await citationsOf('L1523-2')).toHaveLength(2);
  });
});
