/**
 * `impact` as the article page's impact panel reads it (server/impact.ts over the walk of
 * graph-repository.ts), on the sample graph in the real test Neo4j: counts per distance, groups
 * by code and section, paging, and the citation carrying each dependency.
 * impact(L2131-1) = L1115-1, L2131-2, L2131-6 at 1, L3132-1 at 2, L4142-1 at 3 (sample-graph.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteCitation } from '../../server/impact.ts';
import { resetToSampleGraph, SAMPLE_DEFERRED_DATE } from '../helpers/sample-graph.ts';
import { startTestServer, type Json, type TestServer } from '../helpers/graphql-server.ts';

let server: TestServer;

beforeAll(async () => {
  await resetToSampleGraph();
  // Neo4j plans each statement on its first run: on a busy machine the first walk took ~10 s,
  // the default transaction timeout; later runs take a few milliseconds.
  server = await startTestServer({ queryTimeoutMs: 60_000 });
});

afterAll(() => server?.close());

async function impactOf(args: string): Promise<Json> {
  const { status, body } = await server.graphql(`{ impact(${args}) {
    root directCount totalCount truncated complete
    countsByDistance { distance count }
    byCode { code { id } count }
    bySection { code { id } section { id title } count }
    pageInfo { hasNextPage endCursor }
    dependants { distance article { id } via { id } citation provenance section { id title } code { id } }
  } }`);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!.impact;
}

const CONTROLE_COMMUNAL = 'partie-legislative/deuxieme-partie/livre-ier/titre-iii/chapitre-ier';

describe('impact', () => {
  it('counts the dependants of L2131-1 at each distance, whatever the page size', async () => {
    const impact = await impactOf('id: "L2131-1", first: 2');
    expect(impact.countsByDistance).toEqual([{ distance: 1, count: 3 }, { distance: 2, count: 1 }, { distance: 3, count: 1 }]);
    expect(impact).toMatchObject({ directCount: 3, totalCount: 5, truncated: true, complete: true });
    expect(impact.dependants).toHaveLength(2);
  });

  it('says the walk is incomplete when dependants lie beyond maxDepth', async () => {
    expect(await impactOf('id: "L2131-1", maxDepth: 2')).toMatchObject({ totalCount: 4, complete: false, countsByDistance: [{ distance: 1, count: 3 }, { distance: 2, count: 1 }] });
    expect((await impactOf('id: "L2131-1", maxDepth: 3')).complete).toBe(true);
  });

  it('groups the dependants by code and by the section holding them, in the code order', async () => {
    const impact = await impactOf('id: "L2131-1", first: 1');
    expect(impact.byCode).toEqual([{ code: { id: 'CGCT' }, count: 5 }]);
    expect(impact.bySection.map((group: Json) => [group.section.title, group.count])).toEqual([
      ['Chapitre V : Action extérieure des collectivités territoriales', 1],
      ['Chapitre Ier : Contrôle de légalité', 2],
      ['Chapitre II : Contrôle de légalité', 1],
      ['Chapitre II : Contrôle de légalité', 1],
    ]);
    expect(impact.bySection[1].section.id).toBe(CONTROLE_COMMUNAL);
  });

  it('pages through every dependant with the cursor, nearest first, none twice', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { status, body } = await server.graphql(
        'query ($after: String) { impact(id: "L2131-1", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } dependants { distance article { id } } } }',
        { after });
      expect(status).toBe(200);
      const impact = body.data!.impact;
      expect(impact.totalCount).toBe(5);
      seen.push(...impact.dependants.map((d: Json) => `${d.distance} ${d.article.id}`));
      if (!impact.pageInfo.hasNextPage) break;
      after = impact.pageInfo.endCursor;
    }
    expect(seen).toEqual(['1 L1115-1', '1 L2131-2', '1 L2131-6', '2 L3132-1', '3 L4142-1']);
  });

  it('refuses a cursor of another list', async () => {
    const { body } = await server.graphql('{ impact(id: "L2131-1", after: "c2VhcmNoOjE") { totalCount } }');
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('names, for each dependant, the article it cites on the way and the words citing it', async () => {
    const impact = await impactOf('id: "L2131-1"');
    const rows = impact.dependants.map((d: Json) => [d.article.id, d.via.id, d.citation, d.provenance.join(',')]);
    expect(rows).toEqual([
      ['L1115-1', 'L2131-1', 'aux articles L. 2131-1', 'TEXT,LINK'],
      ['L2131-2', 'L2131-1', "l'article L. 2131-1", 'TEXT'],
      ['L2131-6', 'L2131-1', "l'article L. 2131-1", 'TEXT'],
      ['L3132-1', 'L2131-6', "l'article L. 2131-6", 'TEXT'],
      ['L4142-1', 'L3132-1', "l'article L. 3132-1", 'TEXT'],
    ]);
    expect(impact.dependants[1]).toMatchObject({ section: { id: CONTROLE_COMMUNAL, title: 'Chapitre Ier : Contrôle de légalité' }, code: { id: 'CGCT' } });
  });

  it('reads the citations in force on the date asked', async () => {
    // L2131-2 stops citing L2131-1 when its deferred version takes effect.
    const later = await impactOf(`id: "L2131-1", asOf: "${SAMPLE_DEFERRED_DATE}"`);
    expect(later.dependants.filter((d: Json) => d.distance === 1).map((d: Json) => d.article.id)).toEqual(['L1115-1', 'L2131-6']);
    expect(later.directCount).toBe(2);
  });

  it('keeps a citation known only from the metadata, with no words to quote', async () => {
    // L1115-1 cites L1112-1 in its metadata only.
    const impact = await impactOf('id: "L1112-1", maxDepth: 1');
    expect(impact.dependants).toEqual([expect.objectContaining({ article: { id: 'L1115-1' }, via: { id: 'L1112-1' }, citation: null, provenance: ['METADATA'] })]);
  });
});

describe('quoteCitation', () => {
  it.each([
    // The usual form, one article.
    ["de l'article L. 2131-1", 'L. 2131-1', "l'article L. 2131-1"],
    // A list: the lead-in is plural.
    ['fixées aux articles L. 2131-1', 'L. 2131-1', 'aux articles L. 2131-1'],
    // A typographic apostrophe, as Légifrance prints it.
    ['prévues à l’article L. 3132-1', 'L. 3132-1', 'à l’article L. 3132-1'],
    // No lead-in: the designator alone (the second of a list).
    ['L. 2131-1, L. 2131-2', 'L. 2131-2', 'L. 2131-2'],
    // A line break inside is read as a space.
    ["l'article\nL. 2131-1", 'L. 2131-1', "l'article L. 2131-1"],
  ])('quotes %j, its designator %j, as %j', (window, designator, expected) => {
    expect(quoteCitation(window, window.lastIndexOf(designator))).toBe(expected);
  });
});
