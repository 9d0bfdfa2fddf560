/**
 * The citation graph as a download from the server (issue 14), over the sample graph: the file a
 * GraphML reader reads back holds what `stats` counts, the CSV and JSON say the same, the date and
 * the code are taken, and what is not understood is refused in words.
 */
import Graph from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import { parse as parseGraphml } from 'graphology-graphml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';
import { keepServerToday, setServerToday } from '../helpers/server-today.ts';

let server: TestServer;
const restoreToday = keepServerToday();

beforeAll(async () => {
  // The server runs in this process: its "today", for `stats` and the export's default date.
  setServerToday('2026-12-01');
  await resetToSampleGraph();
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
  restoreToday();
});

async function download(query: string): Promise<{ status: number; type: string; disposition: string; body: string }> {
  const response = await fetch(`${server.origin}/export/graphe-des-citations.${query}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', disposition: response.headers.get('content-disposition') ?? '', body: await response.text() };
}

describe('the citation graph as a download', () => {
  it("gives today's CGCT as GraphML that a GraphML reader reads back with the articles in force and the citations stats counts", async () => {
    const { status, type, disposition, body } = await download('graphml?code=CGCT');
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/graphml\+xml/);
    expect(disposition).toBe('attachment; filename="graphe-des-citations-CGCT-2026-12-01.graphml"');
    const graph = parseGraphml(Graph as unknown as GraphConstructor, body);
    const { body: stats } = await server.graphql('{ stats { articlesInForce citations } }');
    const articles = graph.filterNodes((_node, attributes) => attributes.kind === 'Article');
    const citations = graph.filterEdges((_edge, attributes) => attributes.type === 'CITES');
    expect(articles.length).toBe(Number(stats.data!.stats.articlesInForce));
    expect(citations.length).toBe(Number(stats.data!.stats.citations));
    expect(graph.outNeighbors('L1115-1')).toContain('L2131-1');
  });

  it('gives the same graph as CSV and JSON, and an older date as of that date', async () => {
    const json = JSON.parse((await download('json?code=CGCT&date=2026-12-01')).body) as { nodes: Array<{ id: string }>; edges: unknown[] };
    const csv = (await download('csv?code=CGCT&date=2026-12-01')).body;
    const [nodes, edges] = csv.split('\r\n\n');
    expect(nodes!.trim().split('\r\n').length - 1).toBe(json.nodes.length);
    expect(edges!.trim().split('\r\n').length - 1).toBe(json.edges.length);
    // L4131-1 was in force until 12/03/2009.
    const old = JSON.parse((await download('json?code=CGCT&date=2005-01-01')).body) as { asOf: string; nodes: Array<{ id: string }> };
    expect(old.asOf).toBe('2005-01-01');
    expect(old.nodes.map((node) => node.id)).toContain('L4131-1');
    expect(json.nodes.map((node) => node.id)).not.toContain('L4131-1');
  });

  it('refuses an unknown format, a date that is not one and an unknown code, in words', async () => {
    expect(await download('xlsx')).toMatchObject({ status: 400, body: 'Format inconnu : xlsx (graphml, csv ou json).\n' });
    expect(await download('json?date=31-12-2020')).toMatchObject({ status: 400, body: 'Date illisible : 31-12-2020 (AAAA-MM-JJ).\n' });
    expect(await download('json?code=code-inconnu')).toMatchObject({ status: 400, body: 'Code inconnu : code-inconnu.\n' });
  });
});
