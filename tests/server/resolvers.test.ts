/**
 * The queries of graph-schema/schema.graphql over the sample graph (tests/helpers/sample-graph.ts)
 * in the real test Neo4j, as a client of the HTTP API sees them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetToSampleGraph, SAMPLE_TEXT_CITATIONS, SAMPLE_TEXT_L1115_1 } from '../helpers/sample-graph.ts';
import { startTestServer, type Json, type TestServer } from '../helpers/graphql-server.ts';

let server: TestServer;

beforeAll(async () => {
  await resetToSampleGraph();
  server = await startTestServer();
});

afterAll(() => server?.close());

async function data(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!;
}

describe('article', () => {
  it.each(['L1115-1', 'L. 1115-1', 'l1115-1', 'L.1115-1'])('finds L1115-1 written "%s"', async (notation) => {
    const { article } = await data('query ($id: String!) { article(id: $id) { id number part status } }', { id: notation });
    expect(article).toEqual({ id: 'L1115-1', number: 'L. 1115-1', part: 'LEGISLATIVE', status: 'IN_FORCE' });
  });

  it('answers null for an unknown or malformed number', async () => {
    const result = await data('{ a: article(id: "L9999-9") { id } b: article(id: "pas un article") { id } }');
    expect(result).toEqual({ a: null, b: null });
  });

  it('lists the references of L1115-1 in the order of its text, metadata-only ones last', async () => {
    const { article } = await data(`{ article(id: "L1115-1") { text references {
      target { id kind label } code spans pinpoints via resolution reason candidates hrefDisagrees viaRange } } }`);
    const refs = article.references as Array<Record<string, Json>>;
    const ids = refs.map((r) => r.target.id);
    expect(ids.slice(0, 9)).toEqual(SAMPLE_TEXT_CITATIONS);
    expect(ids.slice(9)).toEqual(["code de l'environnement|L211-7", 'unresolved:CGCT|L1115-9', 'L1112-1', 'loi n° 92-125 du 6 février 1992']);
    // Each span points at the designator in the text the client displays.
    for (const ref of refs.filter((r) => r.spans.length > 0)) {
      expect(article.text.slice(ref.spans[0], ref.spans[1])).toMatch(/^L\. \d+-\d+$/);
    }
    expect(SAMPLE_TEXT_L1115_1.slice(refs[4]!.spans[0], refs[4]!.spans[1])).toBe('L. 4141-1');
    expect(refs[4]).toMatchObject({ hrefDisagrees: 'L4131-1', via: ['TEXT', 'LINK'], resolution: 'RESOLVED', code: 'CGCT' });
    expect(refs[6]).toMatchObject({ target: { id: 'L2131-6' }, pinpoints: ['deuxième alinéa'] });
    expect(refs[9]).toMatchObject({ resolution: 'EXTERNAL', code: "code de l'environnement", target: { kind: 'EXTERNAL_ARTICLE', label: 'C. env. L211-7' } });
    expect(refs[10]).toMatchObject({ resolution: 'UNRESOLVED', reason: 'never-existed', candidates: ['L1115-1'] });
    expect(refs[11]).toMatchObject({ via: ['METADATA'], spans: [] });
  });

  it('groups incoming links by type with counts: who cites L2131-1', async () => {
    const { article } = await data('{ article(id: "L2131-1") { incoming { type count nodes { id kind } } } }');
    expect(article.incoming).toHaveLength(1);
    const [cites] = article.incoming;
    expect(cites.type).toBe('CITES');
    expect(cites.count).toBe(4);
    expect(cites.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['L1115-1', 'L2131-2', 'L2131-6', 'code électoral|L52-1']);
  });

  it('groups outgoing links of L1115-1 and shows who mentions it', async () => {
    const { article } = await data('{ article(id: "L1115-1") { outgoing { type count } incoming { type count nodes { kind } } } }');
    expect(article.outgoing).toEqual([
      { type: 'CITES', count: 13 },
      { type: 'MODIFIED_BY', count: 1 },
    ]);
    expect(article.incoming).toEqual([{ type: 'MENTIONS', count: 1, nodes: [{ kind: 'DOCUMENT' }] }]);
  });

  it('places the article in the table of contents, with previous and next in code order', async () => {
    const { article } = await data('{ article(id: "L2131-2") { breadcrumb { kind title } previous { id } next { id } excerpt } }');
    expect(article.breadcrumb.map((s: { kind: string }) => s.kind)).toEqual(['partie', 'partie', 'livre', 'titre', 'chapitre']);
    expect(article.breadcrumb.at(-1).title).toBe('Chapitre Ier : Contrôle de légalité');
    expect(article.previous).toEqual({ id: 'L2131-1' });
    expect(article.next).toEqual({ id: 'L2131-6' });
  });

  it("links a law to its Légifrance page when its id is known, else to a Légifrance search; an external article to its text's", async () => {
    const query = `{ article(id: "L1115-1") {
      relatedLinks { entries { text { id kind url } } }
      references { target { id kind url } }
      versions { enactedBy { text { url } } } } }`;
    const { article } = await data(query);
    // The repository's Cypher says the same as the read model.
    const cypherOnly = await startTestServer({ readModel: false });
    try {
      expect((await cypherOnly.graphql(query)).body.data).toEqual({ article });
    } finally {
      await cypherOnly.close();
    }
    const entries = (article.relatedLinks as Array<{ entries: Array<{ text: Json }> }>).flatMap((group) => group.entries.map((entry) => entry.text));
    expect(entries).toContainEqual({ id: 'loi n° 2014-58 du 27 janvier 2014', kind: 'LEGAL_TEXT', url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000028526298' });
    const targets = (article.references as Array<{ target: Json }>).map((reference) => reference.target);
    expect(targets).toContainEqual({
      id: 'loi n° 92-125 du 6 février 1992', kind: 'LEGAL_TEXT',
      url: 'https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=Loi%20n%C2%B0%2092-125%20du%206%20f%C3%A9vrier%201992',
    });
    // A code's article opens its code, known by name (data/codes.json gives its LEGITEXT).
    expect(targets).toContainEqual({ id: "code de l'environnement|L211-7", kind: 'EXTERNAL_ARTICLE', url: 'https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074220' });
    // Articles have none.
    expect(targets.find((target) => target.kind === 'ARTICLE')?.url).toBeNull();
  });

  it('keeps previous and next within the legislative part', async () => {
    const { article } = await data('{ article(id: "L4142-1") { previous { id } next { id } } }');
    expect(article).toEqual({ previous: { id: 'L4141-2' }, next: null });
  });

  it('gives the "Liens relatifs" by heading and the versions newest first', async () => {
    const { article } = await data('{ article(id: "L1115-1") { relatedLinks { type heading entries { text { label } article status } } versions { validFrom validTo amendedBy } } }');
    expect(article.relatedLinks[0]).toEqual({ type: 'MODIFIED_BY', heading: 'Modifié par', entries: [{ text: { label: 'Loi 2014-58' }, article: '3', status: 'V' }] });
    expect(article.versions).toEqual([
      { validFrom: '2014-01-29', validTo: null, amendedBy: 'Loi n° 2014-58 du 27 janvier 2014 ; Ordonnance n° 2014-60 du 27 janvier 2014' },
      { validFrom: '2007-02-02', validTo: '2014-01-29', amendedBy: null },
      { validFrom: '2004-07-30', validTo: '2007-02-02', amendedBy: 'LOI n° 2004-809 du 13 août 2004 - art. 139' },
    ]);
  });

  it('reads the article and its citations as of a date', async () => {
    const result = await data(`{
      old: article(id: "L1115-1", asOf: "2010-06-01") { validFrom validTo text }
      before: article(id: "L1115-1", asOf: "2000-01-01") { id }
      then: article(id: "L2131-1", asOf: "2005-06-01") { references { target { id } } }
      now: article(id: "L2131-1") { references { target { id } } } }`);
    expect(result.old.validFrom).toBe('2007-02-02');
    expect(result.old.text).toMatch(/^Les collectivités territoriales/);
    expect(result.before).toBeNull();
    expect(result.then.references.map((r: { target: { id: string } }) => r.target.id)).toEqual(['L3131-2']);
    expect(result.now.references).toEqual([]);
  });

  it('gives no text offsets for citations when it shows an older text than the one they were read in', async () => {
    const result = await data(`{
      old: article(id: "L1115-1", asOf: "2010-06-01") { references { spans } }
      now: article(id: "L1115-1") { references { spans } } }`);
    expect(result.now.references.some((r: { spans: number[] }) => r.spans.length > 0)).toBe(true);
    expect(result.old.references.every((r: { spans: number[] }) => r.spans.length === 0)).toBe(true);
  });
});

describe('search', () => {
  it.each(['L2131', 'L. 2131', 'l.2131'])('finds the articles numbered "%s…" in code order', async (query) => {
    const { search } = await data('query ($q: String!) { search(query: $q) { totalCount edges { node { id } } } }', { q: query });
    expect(search.totalCount).toBe(3);
    expect(search.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['L2131-1', 'L2131-2', 'L2131-6']);
  });

  it('puts the exact number first', async () => {
    const { search } = await data('{ search(query: "L. 2131-1") { edges { node { id } } } }');
    expect(search.edges[0].node.id).toBe('L2131-1');
  });

  it('finds words with the French analyzer, accents ignored, and highlights them escaped', async () => {
    const { search } = await data('{ search(query: "conventions etrangeres") { totalCount edges { node { id } score highlights } } }');
    expect(search.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['L1115-1']);
    const highlights: string[] = search.edges[0].highlights;
    expect(highlights.join(' ')).toContain('<mark>conventions</mark>');
    expect(highlights.join(' ')).toContain('<mark>étrangères</mark>');
    expect(highlights.join(' ')).toContain('l&#39;État');
  });

  it('pages through results with opaque cursors', async () => {
    const query = 'query ($after: String) { search(query: "représentant État", first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }';
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const { search } = await data(query, { after });
      total = search.totalCount;
      seen.push(...search.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!search.pageInfo.hasNextPage) break;
      after = search.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(2);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});

describe('table of contents', () => {
  it('lists the parts, then sections and articles in order', async () => {
    const { tableOfContents } = await data('{ tableOfContents { id title sections { title } } }');
    expect(tableOfContents.map((s: { title: string }) => s.title)).toEqual(['Partie législative', 'Partie réglementaire']);
    expect(tableOfContents[0].sections).toHaveLength(4);
    const { section } = await data('{ section(id: "partie-legislative/deuxieme-partie/livre-ier/titre-iii/chapitre-ier") { kind articles { id } breadcrumb { id } } }');
    expect(section.articles.map((a: { id: string }) => a.id)).toEqual(['L2131-1', 'L2131-2', 'L2131-6']);
    expect(section.breadcrumb).toHaveLength(5);
  });

  it('opens the whole tree in one query, each level in order', async () => {
    const { tableOfContents } = await data('{ tableOfContents { sections { sections { sections { sections { title articles { id } } } } } } }');
    const chapters = tableOfContents[0].sections.flatMap((p: Json) => p.sections.flatMap((l: Json) => l.sections.flatMap((t: Json) => t.sections)));
    expect(chapters.flatMap((c: Json) => c.articles.map((a: { id: string }) => a.id))).toEqual([
      'L1112-1', 'L1115-1', 'L2131-1', 'L2131-2', 'L2131-6', 'L3131-1', 'L3131-2', 'L3132-1', 'L4131-1', 'L4141-1', 'L4141-2', 'L4142-1',
    ]);
  });

  it('counts the articles in force in each section and below, on the date asked', async () => {
    const { tableOfContents } = await data('{ tableOfContents { title articleCount sections { title articleCount sections { sections { sections { title articleCount old: articleCount(asOf: "2005-01-01") } } } } } }');
    const [legislative, regulatory] = tableOfContents;
    // Twelve articles in the chapters, L4131-1 repealed since 2009.
    expect(legislative.articleCount).toBe(11);
    expect(regulatory.articleCount).toBe(1);
    expect(legislative.sections.map((p: Json) => p.articleCount)).toEqual([2, 3, 3, 3]);
    const chapters = legislative.sections.flatMap((p: Json) => p.sections.flatMap((l: Json) => l.sections.flatMap((t: Json) => t.sections)));
    const composition = chapters.find((c: Json) => c.title === 'Chapitre Ier : Composition');
    expect(composition).toMatchObject({ articleCount: 0, old: 1 });
  });

  it('gives another code\'s table of contents by its code, and refuses a code that does not exist', async () => {
    expect(await data('{ tableOfContents(code: "code de l\'urbanisme") { id } }')).toEqual({ tableOfContents: [] });
    const { body } = await server.graphql('{ tableOfContents(code: "code imaginaire") { id } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('permalink by Légifrance id', () => {
  it('finds the article a LEGIARTI id names, and gives an article its id', async () => {
    expect(await data('{ articleByLegiarti(id: "LEGIARTI000000021311") { id number } }')).toEqual({ articleByLegiarti: { id: 'L2131-1', number: 'L. 2131-1' } });
    expect(await data('{ article(id: "L2131-1") { legiarti } }')).toEqual({ article: { legiarti: 'LEGIARTI000000021311' } });
  });

  it('leads the id of an article renumbered since to its number in force (L1114-1 → L1115-1)', async () => {
    expect(await data('{ articleByLegiarti(id: "legiarti000000011141") { id } }')).toEqual({ articleByLegiarti: { id: 'L1115-1' } });
  });

  it('answers null for an id no article has, and refuses what is no LEGIARTI id', async () => {
    expect(await data('{ articleByLegiarti(id: "LEGIARTI000099999999") { id } }')).toEqual({ articleByLegiarti: null });
    const { body } = await server.graphql('{ articleByLegiarti(id: "L2131-1") { id } }');
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('neighborhood', () => {
  const query = `query ($id: String!, $depth: Int, $limit: Int, $direction: Direction, $types: [LinkType!]) {
    neighborhood(id: $id, depth: $depth, limit: $limit, direction: $direction, types: $types) {
      center truncated nodes { id kind partie } edges { id source target type } } }`;

  function expectNoDanglingEdge(n: { nodes: Array<{ id: string }>; edges: Array<{ source: string; target: string }> }) {
    const ids = new Set(n.nodes.map((node) => node.id));
    expect(ids.size).toBe(n.nodes.length);
    for (const edge of n.edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
  }

  it('holds the centre, its neighbours and only edges between them', async () => {
    const { neighborhood } = await data(query, { id: 'l. 1115-1', depth: 1 });
    expect(neighborhood.center).toBe('L1115-1');
    expect(neighborhood.truncated).toBe(false);
    // 13 cited, 1 law modifying it, 1 document mentioning it, and itself.
    expect(neighborhood.nodes).toHaveLength(16);
    expect(neighborhood.nodes.find((n: { id: string }) => n.id === 'L1115-1')).toEqual({ id: 'L1115-1', kind: 'ARTICLE', partie: 1 });
    expectNoDanglingEdge(neighborhood);
    expect(neighborhood.edges.some((e: { source: string; target: string }) => e.source === 'L4142-1' && e.target === 'L3132-1')).toBe(true);
  });

  it('cuts at the limit, says so, and still never sends an edge whose end is missing', async () => {
    const { neighborhood } = await data(query, { id: 'L1115-1', depth: 2, limit: 5 });
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.nodes).toHaveLength(5);
    expect(neighborhood.nodes.map((n: { id: string }) => n.id)).toContain('L1115-1');
    expectNoDanglingEdge(neighborhood);
  });

  it('follows only the direction and types asked for', async () => {
    const { neighborhood } = await data(query, { id: 'L2131-1', depth: 3, direction: 'INCOMING', types: ['CITES'] });
    expect(neighborhood.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['L1115-1', 'L2131-1', 'L2131-2', 'L2131-6', 'L3132-1', 'L4142-1', 'code électoral|L52-1'].sort());
    expect(neighborhood.edges.every((e: { type: string }) => e.type === 'CITES')).toBe(true);
    expectNoDanglingEdge(neighborhood);
  });

  it('stops at texts: the law that modified the article, not the other articles it modified', async () => {
    const { neighborhood } = await data(query, { id: 'L1115-1', depth: 3, types: ['MODIFIED_BY'] });
    expect(neighborhood.nodes.map((n: { id: string }) => n.id)).toEqual(['L1115-1', 'loi n° 2014-58 du 27 janvier 2014']);
    expect(neighborhood.edges).toEqual([{ id: 'L1115-1|MODIFIED_BY|loi n° 2014-58 du 27 janvier 2014', source: 'L1115-1', target: 'loi n° 2014-58 du 27 janvier 2014', type: 'MODIFIED_BY' }]);
  });

  it('answers NOT_FOUND for an unknown article', async () => {
    const { body } = await server.graphql('{ neighborhood(id: "L9999-1") { center } }');
    expect(body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('path and impact', () => {
  it('finds the chain of citations from L4142-1 to L2131-1', async () => {
    const { path } = await data('{ path(from: "L4142-1", to: "L. 2131-1") { length nodes { id } edges { source target type } } }');
    expect(path.length).toBe(3);
    expect(path.nodes.map((n: { id: string }) => n.id)).toEqual(['L4142-1', 'L3132-1', 'L2131-6', 'L2131-1']);
    expect(path.edges.map((e: { source: string }) => e.source)).toEqual(['L4142-1', 'L3132-1', 'L2131-6']);
  });

  it('answers null when no chain is short enough or goes that way', async () => {
    const result = await data('{ short: path(from: "L4142-1", to: "L2131-1", maxLength: 2) { length } back: path(from: "L2131-1", to: "L4142-1") { length } undirected: path(from: "L2131-1", to: "L4142-1", directed: false) { length } }');
    expect(result).toEqual({ short: null, back: null, undirected: { length: 2 } });
  });

  it('names the article of a path that does not exist, rather than answering no path', async () => {
    const { body } = await server.graphql('{ path(from: "L4142-1", to: "L. 9999-9") { length } }');
    expect(body.data).toEqual({ path: null });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', missing: ['L9999-9'] });
  });

  it('lists everything that depends on L2131-1, nearest first', async () => {
    const { impact } = await data('{ impact(id: "L2131-1") { root directCount totalCount truncated dependants { distance article { id } } } }');
    expect(impact).toMatchObject({ root: 'L2131-1', directCount: 3, totalCount: 5, truncated: false });
    expect(impact.dependants.map((d: { distance: number; article: { id: string } }) => `${d.distance} ${d.article.id}`)).toEqual([
      '1 L1115-1',
      '1 L2131-2',
      '1 L2131-6',
      '2 L3132-1',
      '3 L4142-1',
    ]);
    const { impact: near } = await data('{ impact(id: "L2131-1", maxDepth: 1, first: 2) { totalCount truncated dependants { article { id } } } }');
    expect(near).toMatchObject({ totalCount: 3, truncated: true });
    expect(near.dependants).toHaveLength(2);
  });
});

describe('unresolved references and stats', () => {
  it('lists unresolved targets with their candidates and who cites them, page by page', async () => {
    const query = 'query ($after: String) { unresolvedReferences(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { number reason candidates citedBy { id } } } }';
    const { unresolvedReferences: first } = await data(query);
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const { unresolvedReferences: next } = await data(query, { after: first.pageInfo.endCursor });
    expect(next.pageInfo.hasNextPage).toBe(false);
    const edges = [...first.edges, ...next.edges];
    expect(edges.map((e: { number: string }) => e.number).sort()).toEqual(['L1115-9', 'L115-1', 'L2131-7', 'L4131-1']);
    expect(edges.find((e: { number: string }) => e.number === 'L2131-7')).toEqual({ number: 'L2131-7', reason: 'not-yet-in-force', candidates: ['L2131-6'], citedBy: [{ id: 'L2131-6' }] });
    // The node says not-in-code (an older ingest's word); its citation today says repealed.
    expect(edges.find((e: { number: string }) => e.number === 'L4131-1')).toMatchObject({ reason: 'repealed', citedBy: [{ id: 'L4141-2' }] });
  });

  it('counts the graph and ranks the most cited articles', async () => {
    const { stats } = await data('{ stats { articles articlesInForce sections citations externalTargets unresolvedTargets documents mostCited(first: 2) { count article { id } } } }');
    // 16 articles, of which L4131-1, L1114-1 and L1112-2 are repealed and L2131-7 is deferred. Citations in
    // force today: 21 between articles and texts (L2131-2 → L2131-1 among them: it ends in 2038)
    // and two towards unresolved targets (L4131-1 repealed, L2131-7 not yet in force); those
    // starting on 2038-01-01 are not counted, nor L4141-2 → L4131-1, which ended in 2009.
    expect(stats).toMatchObject({ articles: 16, articlesInForce: 12, sections: 24, citations: 23, unresolvedTargets: 4, documents: 1 });
    expect(stats.mostCited[0]).toEqual({ count: 4, article: { id: 'L2131-1' } });
  });
});
