/**
 * Change alerts (issue 14) over the sample graph: `dependencyChanges` (what changed in what an
 * article depends on, transitively, in a period) and the Atom feeds a reader follows, parsed by
 * a real feed parser and checked for what Atom 1.0 requires.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetToSampleGraph, SAMPLE_DEFERRED_DATE, SAMPLE_REPEALED_BY } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';
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

const CHANGES = `query ($id: String!, $since: Date!, $until: Date, $maxDepth: Int) {
  dependencyChanges(id: $id, since: $since, until: $until, maxDepth: $maxDepth) {
    article { id } since until dependencyCount untrackedCount totalCount
    changes { article { id status } distance via { id } kind date amendments { id title } }
  }
}`;

async function dependencyChanges(variables: Record<string, unknown>) {
  const { status, body } = await server.graphql(CHANGES, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!.dependencyChanges;
}

const brief = (changes: Array<{ article: { id: string }; distance: number; via: { id: string } | null; kind: string; date: string }>) =>
  changes.map((change) => `${change.date} ${change.kind} ${change.article.id} d${change.distance} via ${change.via?.id ?? '-'}`);

describe('dependencyChanges', () => {
  it('tells that an article cited in the period was repealed, with the repealing text, though the citation ended that day', async () => {
    const result = await dependencyChanges({ id: 'L4141-2', since: '2009-01-01', until: '2009-12-31' });
    expect(brief(result.changes)).toEqual(['2009-03-12 REPEALED L4131-1 d1 via L4141-2']);
    expect(result.changes[0].article.status).toBe('REPEALED');
    expect(result.changes[0].amendments.map((m: { title: string }) => m.title)).toEqual([SAMPLE_REPEALED_BY]);
    expect(result).toMatchObject({ article: { id: 'L4141-2' }, since: '2009-01-01', until: '2009-12-31', totalCount: 1 });
  });

  it('no longer follows a citation that ended before the period', async () => {
    const before = await dependencyChanges({ id: 'L4141-2', since: '2009-01-01', until: '2009-12-31' });
    const after = await dependencyChanges({ id: 'L4141-2', since: '2010-01-01', until: '2013-12-31' });
    expect(after.dependencyCount).toBe(before.dependencyCount - 1);
    expect(after.changes).toEqual([]);
  });

  it("lists the article's own changes at distance 0, each version once with all its amending texts in order", async () => {
    const result = await dependencyChanges({ id: 'L1115-1', since: '2004-01-01', until: '2014-12-31', maxDepth: 1 });
    const own = result.changes.filter((change: { distance: number }) => change.distance === 0);
    expect(brief(own)).toEqual(['2014-01-29 AMENDED L1115-1 d0 via -', '2007-02-02 AMENDED L1115-1 d0 via -', '2004-07-30 ENTERED_INTO_FORCE L1115-1 d0 via -']);
    expect(own[0].amendments.map((m: { id: string }) => m.id)).toEqual(['a1b2c3d4', 'a1b2c3d5']);
  });

  it('follows citations transitively up to maxDepth, each dependency at its shortest distance with the article citing it', async () => {
    const deep = await dependencyChanges({ id: 'L4142-1', since: '2030-01-01', until: '2039-12-31', maxDepth: 3 });
    // L4142-1 → L3132-1 → L2131-6 → L2131-2 (amended by the deferred law) and → L2131-7 (created by it).
    expect(brief(deep.changes)).toEqual([
      `${SAMPLE_DEFERRED_DATE} AMENDED L2131-2 d3 via L2131-6`,
      `${SAMPLE_DEFERRED_DATE} ENTERED_INTO_FORCE L2131-7 d3 via L2131-6`,
    ]);
    const shallow = await dependencyChanges({ id: 'L4142-1', since: '2030-01-01', until: '2039-12-31', maxDepth: 2 });
    expect(shallow.changes).toEqual([]);
    expect(shallow.dependencyCount).toBeLessThan(deep.dependencyCount);
  });

  it('stops at today by default: a deferred amendment is not yet a change', async () => {
    setServerToday('2030-01-01');
    const result = await dependencyChanges({ id: 'L4142-1', since: '2020-01-01' });
    expect(result.until).toBe('2030-01-01');
    expect(result.changes).toEqual([]);
  });

  it('refuses what is not an article, a period upside down and a depth out of range', async () => {
    const missing = await server.graphql(CHANGES, { id: 'L9999-9', since: '2000-01-01' });
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const upsideDown = await server.graphql(CHANGES, { id: 'L1115-1', since: '2010-01-01', until: '2009-01-01' });
    expect(upsideDown.body.errors?.[0]?.message).toMatch(/"until" \(2009-01-01\) is before "since"/);
    const tooDeep = await server.graphql(CHANGES, { id: 'L1115-1', since: '2010-01-01', maxDepth: 9 });
    expect(tooDeep.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

const SECTION_CHANGES = `query ($section: ID, $since: Date!, $until: Date) {
  changes(since: $since, until: $until, section: $section) {
    totalCount
    edges { node { id articlesAdded { id } articlesModified { id } articlesRepealed { id } citationsGained { from to } } }
  }
}`;

async function sectionChanges(section: string) {
  const { status, body } = await server.graphql(SECTION_CHANGES, { section, since: '2000-01-01', until: '2020-12-31' });
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  const { totalCount, edges } = body.data!.changes;
  const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);
  type Node = { id: string; articlesAdded: Array<{ id: string }>; articlesModified: Array<{ id: string }>; articlesRepealed: Array<{ id: string }>; citationsGained: unknown[] };
  return { totalCount, changes: edges.map(({ node }: { node: Node }) => ({
    id: node.id, added: ids(node.articlesAdded), modified: ids(node.articlesModified), repealed: ids(node.articlesRepealed), gained: node.citationsGained.length,
  })) };
}

describe('changes in one section', () => {
  it('cuts each change set down to the section and leaves out the amendments that did not touch it', async () => {
    const result = await sectionChanges('partie-legislative/premiere-partie');
    // L2131-1 (Deuxième partie), modified with L1115-1 by a1b2c3d4, is cut out; c0ffee02 repealed only L4131-1.
    expect(result.changes).toEqual([
      { id: 'c0ffee01', added: ['L1115-1'], modified: [], repealed: [], gained: 0 },
      { id: 'a1b2c3d4', added: [], modified: ['L1115-1'], repealed: [], gained: 2 },
      { id: 'a1b2c3d5', added: [], modified: ['L1115-1'], repealed: [], gained: 0 },
    ]);
    expect(result.totalCount).toBe(3);
    const fourth = await sectionChanges('partie-legislative/quatrieme-partie');
    expect(fourth.changes).toEqual([{ id: 'c0ffee02', added: [], modified: [], repealed: ['L4131-1'], gained: 0 }]);
  });

  it('places a repealed article that left the table of contents by its number, in a section of the canonical table', async () => {
    // "L/1" is the canonical id of the Première partie (ingest/parsing/canonical-toc.ts): L1114-1, repealed and in no section, is in it by its number.
    const driver = await openTestDriver();
    const write = async (statement: string) => {
      const session = driver.session();
      try {
        await session.executeWrite(async (tx) => { await tx.run(statement); await tx.run(BUMP_GRAPH_REVISION); });
      } finally {
        await session.close();
      }
    };
    try {
      await write("MATCH (a:Article {id: 'L1115-1'}) CREATE (:Section {id: 'L/1', kind: 'partie', title: 'Première partie'})-[:CONTAINS]->(a)");
      const result = await sectionChanges('L/1');
      expect(result.changes[0]).toEqual({ id: 'c0ffee01', added: ['L1115-1'], modified: [], repealed: ['L1114-1'], gained: 0 });
    } finally {
      await write("MATCH (s:Section {id: 'L/1'}) DETACH DELETE s");
      await driver.close();
    }
  });

  it('says NOT_FOUND for a section that does not exist', async () => {
    const { body } = await server.graphql(SECTION_CHANGES, { section: 'L/9/9', since: '2000-01-01' });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

/** Fetches a feed, checks it is well-formed XML served as Atom, and parses it as a feed reader does. */
async function readFeed(path: string) {
  const response = await fetch(server.origin + path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const feed = parseFeed(xml);
  expect(feed.meta.type).toBe('atom');
  // What Atom 1.0 (RFC 4287) requires: feed id, title, updated, author, and each entry's id, title, updated.
  expect(xml).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
  expect(feed.title).toBeTruthy();
  expect(feed.updated).toBeInstanceOf(Date);
  expect(feed.authors.length).toBeGreaterThan(0);
  expect(feed.self).toBe(server.origin + path);
  for (const item of feed.items) {
    expect(item.id).toBeTruthy();
    expect(item.title).toBeTruthy();
    expect(item.updated).toBeInstanceOf(Date);
  }
  expect(new Set(feed.items.map((item) => item.id)).size).toBe(feed.items.length);
  return { feed, xml };
}

describe('Atom feeds', () => {
  it("/changements.atom lists the amendments in force today, latest first, with their articles linked", async () => {
    setServerToday('2030-01-01');
    const { feed } = await readFeed('/changements.atom');
    // The deferred law of 2038 is not in force in 2030.
    expect(feed.items.map((item) => item.title)).toEqual([
      'Loi n° 2014-58 du 27 janvier 2014', 'Ordonnance n° 2014-60 du 27 janvier 2014', SAMPLE_REPEALED_BY, 'LOI n° 2004-809 du 13 août 2004 - art. 139',
    ]);
    expect(feed.updated?.toISOString()).toBe('2014-01-29T00:00:00.000Z');
    const repeal = feed.items.find((item) => item.title === SAMPLE_REPEALED_BY)!;
    expect(repeal.content).toContain(`Articles abrogés (1) : <a href="${server.origin}/articles/L4131-1">L4131-1</a>`);
    expect(repeal.url).toBe(`${server.origin}/modifications?du=2009-03-12&au=2009-03-12`);
  });

  it("an article's feed tells what changed in it and in what it depends on, in the last ten years", async () => {
    setServerToday('2012-01-01');
    const { feed } = await readFeed('/articles/L4141-2/changements.atom');
    expect(feed.title).toBe('Article L4141-2 : ce qui a changé dans ce dont il dépend');
    expect(feed.items.map((item) => item.title)).toContain('Article L4131-1 abrogé le 12/03/2009');
    const repeal = feed.items.find((item) => item.title === 'Article L4131-1 abrogé le 12/03/2009')!;
    expect(repeal.url).toBe(`${server.origin}/articles/L4131-1`);
    expect(repeal.description).toBe(`Article L4131-1 abrogé par ${SAMPLE_REPEALED_BY} (cité directement par L4141-2).`);
    // The same article by another notation is the same feed.
    const { feed: again } = await readFeed('/articles/L.%204141-2/changements.atom');
    expect(again.items.map((item) => item.id)).toEqual(feed.items.map((item) => item.id));
  });

  it('answers 404 in words for an article that does not exist or an unknown code', async () => {
    const response = await fetch(`${server.origin}/articles/L9999-9/changements.atom`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Article inexistant : L9999-9\n');
    const unknownCode = await fetch(`${server.origin}/codes/code-inconnu/articles/L1/changements.atom`);
    expect(unknownCode.status).toBe(404);
    expect(await unknownCode.text()).toMatch(/^Code inconnu/);
  });
});
