/**
 * The code's history through the API (graph-schema/README.md, "Time"), over the sample graph:
 * "today" as the default date, an article's life (periods, repeal, renumbering, versions and
 * their amending texts), references to numbers not in force, and the `changes` query.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  resetToSampleGraph,
  SAMPLE_DEFERRED_DATE,
  SAMPLE_DEFERRED_TEXT_L2131_2,
  SAMPLE_OLD_TEXT_L1115_1,
  SAMPLE_REPEALED_BY,
  SAMPLE_TEXT_L1114_1,
} from '../helpers/sample-graph.ts';
import { startTestServer, type Json, type TestServer } from '../helpers/graphql-server.ts';
import { keepServerToday, setServerToday } from '../helpers/server-today.ts';
import { openTestDriver } from '../helpers/neo4j.ts';
import { BUMP_GRAPH_REVISION } from '../../graph-schema/graph-revision.ts';

let server: TestServer;
const restoreToday = keepServerToday();

beforeAll(async () => {
  await resetToSampleGraph();
  server = await startTestServer();
});

afterAll(() => server?.close());

afterEach(restoreToday);

async function data(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!;
}

const ids = (list: Array<{ id?: string; target?: { id: string } }>) => list.map((x) => x.target?.id ?? x.id);

describe('today, the default date', () => {
  it('counts a citation ending in the future as current, and not one starting in the future', async () => {
    setServerToday('2030-01-01');
    const { today, article } = await data('{ today article(id: "L2131-2") { text references { target { id } validFrom validTo } } }');
    expect(today).toBe('2030-01-01');
    expect(article.references).toEqual([{ target: { id: 'L2131-1' }, validFrom: '2004-01-01', validTo: SAMPLE_DEFERRED_DATE }]);
    expect(article.text).toMatch(/^Sont soumis aux dispositions de l'article L. 2131-1/);
  });

  it('reads the deferred version, its citations and its new article once today has reached them', async () => {
    setServerToday('2039-01-01');
    const result = await data(`{
      l2131_2: article(id: "L2131-2") { text status validFrom references { target { id } spans } }
      l2131_7: article(id: "L2131-7") { status inForceFrom }
      stats { articlesInForce } }`);
    expect(result.l2131_2).toMatchObject({ text: SAMPLE_DEFERRED_TEXT_L2131_2, status: 'IN_FORCE', validFrom: SAMPLE_DEFERRED_DATE });
    expect(ids(result.l2131_2.references)).toEqual(['L2131-7']);
    // The citation was read in the version shown: its offsets point at the designator there.
    const [start, end] = result.l2131_2.references[0].spans;
    expect(SAMPLE_DEFERRED_TEXT_L2131_2.slice(start, end)).toBe('L. 2131-7');
    expect(result.l2131_7).toEqual({ status: 'IN_FORCE', inForceFrom: SAMPLE_DEFERRED_DATE });
    expect(result.stats.articlesInForce).toBe(13);
  });

  it('gives the same answers with and without asOf set to today', async () => {
    setServerToday('2026-06-01');
    const query = '($asOf: Date) { article(id: "L2131-6", asOf: $asOf) { references { target { id } reason } } neighborhood(id: "L2131-2", asOf: $asOf) { nodes { id } } }';
    expect(await data(`query ${query}`)).toEqual(await data(`query ${query}`, { asOf: '2026-06-01' }));
  });

  it('leaves out of the code, today, the articles not in force: no page, no search hit, skipped as neighbours', async () => {
    const result = await data(`{
      repealed: article(id: "L4131-1") { id }
      deferred: article(id: "L2131-7") { id }
      search(query: "L4131") { totalCount }
      then: search(query: "L4131", asOf: "2005-01-01") { edges { node { id status } } }
      l4141_1: article(id: "L4141-1") { previous { id } }
      old: article(id: "L4141-1", asOf: "2005-01-01") { previous { id } } }`);
    expect(result).toEqual({
      repealed: null,
      deferred: null,
      search: { totalCount: 0 },
      then: { edges: [{ node: { id: 'L4131-1', status: 'IN_FORCE' } }] },
      l4141_1: { previous: { id: 'L3132-1' } },
      old: { previous: { id: 'L4131-1' } },
    });
  });
});

describe('an article\'s life', () => {
  it('gives L1115-1\'s periods, its former number and its versions with every amending text in order', async () => {
    const { article } = await data(`{ article(id: "L1115-1") {
      inForceFrom repealedOn repealedBy periods { from to } sources
      formerNumbers { article { id number status } date evidence } renumberedAs { date }
      versions { validFrom validTo status source html amendedBy amendments { id title date source }
        enactedBy { text { id kind label } heading article status source } } } }`);
    expect(article).toMatchObject({ inForceFrom: '2004-07-30', repealedOn: null, repealedBy: null, periods: [{ from: '2004-07-30', to: null }], sources: ['legifrance-md'] });
    expect(article.formerNumbers).toEqual([{ article: { id: 'L1114-1', number: 'L. 1114-1', status: 'REPEALED' }, date: '2004-07-30', evidence: 'git-rename' }]);
    expect(article.renumberedAs).toEqual([]);
    const [newest, middle, first] = article.versions;
    expect(newest.amendments).toEqual([
      { id: 'a1b2c3d4', title: 'Loi n° 2014-58 du 27 janvier 2014', date: '2014-01-29', source: 'etalab' },
      { id: 'a1b2c3d5', title: 'Ordonnance n° 2014-60 du 27 janvier 2014', date: '2014-01-29', source: 'etalab' },
    ]);
    expect(newest).toMatchObject({ validFrom: '2014-01-29', validTo: null, status: 'IN_FORCE', source: 'legifrance-md' });
    expect(newest.enactedBy).toEqual([{ text: { id: 'loi n° 2014-58 du 27 janvier 2014', kind: 'LEGAL_TEXT', label: 'Loi 2014-58' }, heading: 'Modifié par', article: '3', status: 'V', source: 'lexlib' }]);
    expect(middle.enactedBy).toEqual([]);
    expect(newest.html).toMatch(/^<p>Dans le respect des engagements internationaux/);
    expect(middle).toMatchObject({ validFrom: '2007-02-02', amendments: [], amendedBy: null, html: `<p>${SAMPLE_OLD_TEXT_L1115_1}</p>` });
    expect(first).toMatchObject({ validFrom: '2004-07-30', validTo: '2007-02-02', source: 'etalab', amendments: [{ id: 'c0ffee01', date: '2004-07-30' }] });
  });

  it('explains a repealed article that `article` no longer returns: its span, repeal date and repealing text', async () => {
    const { articleLife } = await data(`{ articleLife(id: "L. 4131-1") {
      id number status inForceFrom repealedOn repealedBy periods { from to } versions { validFrom validTo status } } }`);
    expect(articleLife).toEqual({
      id: 'L4131-1',
      number: 'L. 4131-1',
      status: 'REPEALED',
      inForceFrom: '1996-02-24',
      repealedOn: '2009-03-12',
      repealedBy: SAMPLE_REPEALED_BY,
      periods: [{ from: '1996-02-24', to: '2009-03-12' }],
      versions: [{ validFrom: '1996-02-24', validTo: '2009-03-12', status: 'REPEALED' }],
    });
  });

  it('knows a repealed article of unknown dates as repealed, in force on no date', async () => {
    const result = await data(`{
      today: article(id: "L1112-2") { id }
      then: article(id: "L1112-2", asOf: "2010-01-01") { id }
      life: articleLife(id: "L1112-2") { status inForceFrom repealedOn periods { from } versions { validFrom } } }`);
    expect(result).toEqual({ today: null, then: null, life: { status: 'REPEALED', inForceFrom: null, repealedOn: null, periods: [], versions: [] } });
  });

  it('explains a renumbered article both ways, and a deferred one', async () => {
    const result = await data(`{
      old: articleLife(id: "L1114-1") { status repealedOn renumberedAs { article { id number } date evidence } formerNumbers { date } }
      then: article(id: "L1114-1", asOf: "2000-01-01") { text status }
      deferred: articleLife(id: "L2131-7") { status inForceFrom repealedOn periods { from to } versions { validFrom amendedBy } }
      none: articleLife(id: "L9999-9") { id }
      malformed: articleLife(id: "pas un article") { id } }`);
    expect(result.old).toEqual({ status: 'REPEALED', repealedOn: '2004-07-30', renumberedAs: [{ article: { id: 'L1115-1', number: 'L. 1115-1' }, date: '2004-07-30', evidence: 'git-rename' }], formerNumbers: [] });
    expect(result.then).toEqual({ text: SAMPLE_TEXT_L1114_1, status: 'IN_FORCE' });
    expect(result.deferred).toEqual({
      status: 'DEFERRED',
      inForceFrom: SAMPLE_DEFERRED_DATE,
      repealedOn: null,
      periods: [{ from: SAMPLE_DEFERRED_DATE, to: null }],
      versions: [{ validFrom: SAMPLE_DEFERRED_DATE, amendedBy: 'LOI n° 2024-5 du 3 janvier 2024 - art. 12 (VD)' }],
    });
    expect(result.none).toBeNull();
    expect(result.malformed).toBeNull();
  });
});

describe('references to numbers not in force', () => {
  const query = `query ($id: String!, $asOf: Date) { article(id: $id, asOf: $asOf) { references {
    target { id kind } resolution reason inForceFrom repealedOn repealedBy article validFrom validTo } } }`;

  it('says a repealed target was repealed, when and by which text, whatever the node\'s older reason', async () => {
    const { article } = await data(query, { id: 'L4141-2' });
    expect(article.references.find((r: Json) => r.resolution === 'UNRESOLVED')).toEqual({
      target: { id: 'unresolved:CGCT|L4131-1', kind: 'UNRESOLVED' },
      resolution: 'UNRESOLVED',
      // The relationship says repealed; the node still says not-in-code: the relationship wins.
      reason: 'repealed',
      // From the article L4131-1, since the node carries no dates.
      inForceFrom: '1996-02-24',
      repealedOn: '2009-03-12',
      repealedBy: SAMPLE_REPEALED_BY,
      article: 'L4131-1',
      validFrom: '2009-03-12',
      validTo: null,
    });
    const { article: before } = await data(query, { id: 'L4141-2', asOf: '2005-01-01' });
    expect(ids(before.references)).toEqual(['L4141-1', 'L4131-1']);
    expect(before.references[1]).toMatchObject({ resolution: 'RESOLVED', reason: null, article: null });
  });

  it('says a target is not yet in force, and from when', async () => {
    const { article } = await data(query, { id: 'L2131-6' });
    expect(article.references.at(-1)).toMatchObject({
      target: { id: 'unresolved:CGCT|L2131-7' },
      reason: 'not-yet-in-force',
      inForceFrom: SAMPLE_DEFERRED_DATE,
      repealedOn: null,
      article: 'L2131-7',
    });
    const { article: later } = await data(query, { id: 'L2131-6', asOf: '2038-01-01' });
    expect(later.references.at(-1)).toMatchObject({ target: { id: 'L2131-7', kind: 'ARTICLE' }, resolution: 'RESOLVED' });
  });

  it('gives the unresolved list the same reasons and dates', async () => {
    const { unresolvedReferences } = await data('{ unresolvedReferences { edges { number reason inForceFrom repealedOn repealedBy } } }');
    const byNumber = new Map(unresolvedReferences.edges.map((e: Json) => [e.number, e]));
    expect(byNumber.get('L4131-1')).toEqual({ number: 'L4131-1', reason: 'repealed', inForceFrom: '1996-02-24', repealedOn: '2009-03-12', repealedBy: SAMPLE_REPEALED_BY });
    expect(byNumber.get('L2131-7')).toEqual({ number: 'L2131-7', reason: 'not-yet-in-force', inForceFrom: SAMPLE_DEFERRED_DATE, repealedOn: null, repealedBy: null });
  });

  it('keeps "never-existed" and "not-in-code" for numbers with no article', async () => {
    const { article } = await data(query, { id: 'L1115-1' });
    expect(article.references.find((r: Json) => r.target.id === 'unresolved:CGCT|L1115-9')).toMatchObject({ reason: 'never-existed', inForceFrom: null, article: null });
  });
});

describe('changes', () => {
  const query = `query ($since: Date!, $until: Date, $first: Int, $after: String) {
    changes(since: $since, until: $until, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { id date title source
        articlesAdded { id article { id number } } articlesModified { id article { id } } articlesRepealed { id article { id status } }
        citationsGained { from to } citationsLost { from to } } } } }`;

  it('lists the amendments up to today by date then id, page by page', async () => {
    setServerToday('2026-12-01');
    const { changes: first } = await data(query, { since: '2000-01-01', first: 3 });
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.edges.map((e: Json) => e.node.id)).toEqual(['c0ffee01', 'c0ffee02', 'a1b2c3d4']);
    const { changes: rest } = await data(query, { since: '2000-01-01', first: 3, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e: Json) => e.node.id)).toEqual(['a1b2c3d5']);
    expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[0].cursor });
  });

  it('reaches the deferred amendment once today (or until) has passed its date', async () => {
    setServerToday('2040-01-01');
    const { changes } = await data(query, { since: '2014-01-29' });
    expect(changes.edges.map((e: Json) => e.node.id)).toEqual(['a1b2c3d4', 'a1b2c3d5', 'd3f3e4e5']);
    setServerToday('2026-12-01');
    const { changes: asked } = await data(query, { since: '2030-01-01', until: '2038-01-01' });
    expect(asked.edges.map((e: Json) => e.node.date)).toEqual([SAMPLE_DEFERRED_DATE]);
  });

  it('gives each change set: articles (known or not) and citations as pairs', async () => {
    const { changes } = await data(query, { since: '2004-07-30', until: '2009-03-12' });
    const [renumbering, repeal] = changes.edges.map((e: Json) => e.node);
    expect(renumbering).toEqual({
      id: 'c0ffee01',
      date: '2004-07-30',
      title: 'LOI n° 2004-809 du 13 août 2004 - art. 139',
      source: 'legifrance-md',
      articlesAdded: [{ id: 'L1115-1', article: { id: 'L1115-1', number: 'L. 1115-1' } }],
      // An id the graph does not hold is still listed, without an article.
      articlesModified: [{ id: 'L9999-9', article: null }],
      articlesRepealed: [{ id: 'L1114-1', article: { id: 'L1114-1', status: 'REPEALED' } }],
      citationsGained: [],
      citationsLost: [],
    });
    expect(repeal.articlesRepealed).toEqual([{ id: 'L4131-1', article: { id: 'L4131-1', status: 'REPEALED' } }]);
    const { changes: later } = await data(query, { since: '2014-01-29', until: SAMPLE_DEFERRED_DATE });
    const [law, , deferred] = later.edges.map((e: Json) => e.node);
    expect(law.citationsGained).toEqual([{ from: 'L1115-1', to: 'L4142-1' }, { from: 'L1115-1', to: 'L1115-9' }]);
    expect(deferred.citationsLost).toEqual([{ from: 'L2131-2', to: 'L2131-1' }]);
  });

  it('refuses an empty range, a page size out of bounds and a foreign cursor', async () => {
    const cases = [
      { since: '2010-01-01', until: '2009-01-01' },
      { since: '2010-01-01', first: 0 },
      { since: '2010-01-01', after: 'bm90LWEtY3Vyc29y' },
    ];
    for (const variables of cases) {
      const { body } = await server.graphql(query, variables);
      expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('a graph without periods (written by cgct ingest / cgct replay)', () => {
  // As `cgct replay` leaves an article it repealed: no periods, status repealed, its versions, the
  // last one open with the repealed status (etalab keeps the last text).
  beforeAll(async () => {
    const driver = await openTestDriver();
    const session = driver.session();
    try {
      await session.executeWrite(async (tx) => {
        await tx.run(`CREATE (a:Article {id: 'L2131-9', number: 'L. 2131-9', part: 'legislative', status: 'repealed', text: 'Texte abrogé.', validFrom: '2002-01-01', validTo: null, sortKey: 'L|0502131|0500009|0500000|L2131-9', sources: ['etalab'], contentHash: 'h2'})
          CREATE (a)-[:HAS_VERSION]->(:ArticleVersion {id: 'L2131-9@2001-01-01', articleId: 'L2131-9', validFrom: '2001-01-01', validTo: '2002-01-01', text: 'Texte en vigueur.', status: 'in-force', contentHash: 'h1'})
          CREATE (a)-[:HAS_VERSION]->(:ArticleVersion {id: 'L2131-9@2002-01-01', articleId: 'L2131-9', validFrom: '2002-01-01', validTo: null, text: 'Texte abrogé.', status: 'repealed', contentHash: 'h2'})`);
        await tx.run(BUMP_GRAPH_REVISION);
      });
    } finally {
      await session.close();
      await driver.close();
    }
  });

  it('reads the article from its versions, and keeps showing it repealed after its repeal as such graphs always did', async () => {
    const result = await data(`{
      before: article(id: "L2131-9", asOf: "2000-06-01") { id }
      during: article(id: "L2131-9", asOf: "2001-06-01") { status text }
      after: article(id: "L2131-9", asOf: "2002-06-01") { status }
      life: articleLife(id: "L2131-9") { status inForceFrom repealedOn periods { from } } }`);
    expect(result).toEqual({
      before: null,
      during: { status: 'IN_FORCE', text: 'Texte en vigueur.' },
      after: { status: 'REPEALED' },
      // Its start comes from its oldest version; no period is made up without its end.
      life: { status: 'REPEALED', inForceFrom: '2001-01-01', repealedOn: null, periods: [] },
    });
  });
});
