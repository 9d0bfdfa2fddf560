/**
 * `cgct export` of a real history graph (cgct-legifrance-md) round-trips: the GraphML, read back
 * with a real GraphML reader (graphology-graphml), has as many articles as are in force and as
 * many citations as the API's `stats` counts that day; an older date gives that date's graph; the
 * CSV and JSON say the same. Then with other codes beside the CGCT (hand-made fixtures): every
 * code's articles and citations on any date, one code alone with `--code`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Graph from 'graphology';
import type { GraphConstructor } from 'graphology-types';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { runHistoryBuild } from '../../../ingest/history/run-history-build.ts';
import { runCodesIngest } from '../../../ingest/codes/run-codes-ingest.ts';
import { createGraphRepository } from '../../../server/graph-repository.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';

const LEGIFRANCE_MD = path.join(PROJECT_ROOT, '..', 'shared', 'corpus', 'cgct-legifrance-md-history.bundle');
const TODAY = '2026-12-01';
let driver: Driver;
let folder: string;

beforeAll(async () => {
  driver = await openTestDriver();
  await clearGraph(driver);
  await runHistoryBuild(driver, [{ location: LEGIFRANCE_MD }], { today: TODAY });
  folder = mkdtempSync(path.join(os.tmpdir(), 'cgct-export-'));
}, 600_000);
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await driver.close();
});

/** Runs `cgct export` and reads the file it wrote. */
async function exportTo(name: string, args: string[]): Promise<string> {
  const out = path.join(folder, name);
  const result = await runCgct(['export', ...args, '--out', out], { ...process.env, CGCT_TODAY: TODAY });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toMatch(/cgct export: \d+ nodes, \d+ relationships as of \d{4}-\d{2}-\d{2}/);
  return readFileSync(out, 'utf8');
}

describe('cgct export', () => {
  it("writes GraphML that a GraphML reader reads back with today's articles and citations", async () => {
    const graph = parseGraphml(Graph as unknown as GraphConstructor, await exportTo('today.graphml', ['--format', 'graphml']));
    const stats = await createGraphRepository({ driver, queryTimeoutMs: 30_000 }).getStats();
    const articles = graph.filterNodes((_node, attributes) => attributes.kind === 'Article');
    const citations = graph.filterEdges((_edge, attributes) => attributes.type === 'CITES');
    expect(articles.length).toBe(Number(stats.articlesInForce));
    expect(citations.length).toBe(Number(stats.citations));
    expect(graph.hasNode('L1115-1')).toBe(true);
    expect(graph.getNodeAttribute('L1115-1', 'section')).toMatch(/^L\//);
    expect(graph.outNeighbors('L1115-1')).toEqual(expect.arrayContaining(['L2131-1', 'L4142-1']));
  });

  it('gives the graph of an older date as of that date', async () => {
    const json = JSON.parse(await exportTo('2004.json', ['--format', 'json', '--as-of', '2004-01-01'])) as { asOf: string; nodes: Array<{ id: string }>; edges: unknown[] };
    expect(json.asOf).toBe('2004-01-01');
    const ids = new Set(json.nodes.map((node) => node.id));
    // L1115-1 came on 2004-07-30 (its text was L1114-1 from 2003-08-02).
    expect(ids.has('L1115-1')).toBe(false);
    expect(ids.has('L1114-1')).toBe(true);
  });

  it('writes the same graph as CSV: a nodes table, then an edges table', async () => {
    const csv = await exportTo('today.csv', ['--format', 'csv']);
    const [nodes, edges] = csv.split('\r\n\n');
    expect(nodes!.split('\r\n')[0]).toBe('"id","kind","code","number","status","section","label"');
    expect(edges!.split('\r\n')[0]).toBe('"source","target","type","provenance","validFrom","validTo"');
    expect(edges!.trim().split('\r\n')).toContainEqual(expect.stringMatching(/^"L1115-1","L2131-1","CITES","link\+text","\d{4}-\d{2}-\d{2}",""$/));
  });

  it('refuses an unknown format and a date that is not one', async () => {
    expect((await runCgct(['export', '--format', 'gexf'])).code).toBe(2);
    const badDate = await runCgct(['export', '--format', 'json', '--as-of', '2024-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--as-of 2024-02-30: expected a calendar date');
  });
});

describe('cgct export with other codes', () => {
  type Exported = { nodes: Array<{ id: string; kind: string; code: string; number: string; status: string }>; edges: Array<{ source: string; target: string; type: string; validFrom: string }> };
  beforeAll(async () => {
    await runCodesIngest(driver, path.join(PROJECT_ROOT, 'tests', 'fixtures', 'codes'));
  }, 120_000);

  it("gives another code's articles with their code, and their citations, whatever the date", async () => {
    for (const asOf of [TODAY, '2004-01-01']) {
      const json = JSON.parse(await exportTo(`codes-${asOf}.json`, ['--format', 'json', '--as-of', asOf])) as Exported;
      expect(json.nodes).toContainEqual(expect.objectContaining({ id: 'code-de-lurbanisme:L300-5', kind: 'Article', code: 'code-de-lurbanisme', number: 'L300-5', status: 'in-force' }));
      expect(json.edges).toContainEqual(expect.objectContaining({ source: 'code-de-lurbanisme:L300-5', target: 'code-de-lurbanisme:L300-4', type: 'CITES' }));
    }
    const today = JSON.parse(await exportTo('codes-today.json', ['--format', 'json'])) as Exported;
    expect(today.nodes).toContainEqual(expect.objectContaining({ id: 'L1115-1', code: 'CGCT' }));
    expect(today.edges).toContainEqual(expect.objectContaining({ source: 'code-de-lurbanisme:L300-5', target: 'L1523-2', type: 'CITES' }));
  });

  it('gives one code alone with --code, by its folder or its usual name, and what its articles cite', async () => {
    for (const name of ['code-de-lurbanisme', "code de l'urbanisme"]) {
      const json = JSON.parse(await exportTo('urbanisme.json', ['--format', 'json', '--code', name])) as Exported;
      const articles = json.nodes.filter((node) => node.kind === 'Article' && node.code === 'code-de-lurbanisme').map((node) => node.id).sort();
      expect(articles).toEqual(['code-de-lurbanisme:L300-4', 'code-de-lurbanisme:L300-5', 'code-de-lurbanisme:L300-6']);
      expect(json.nodes).toContainEqual(expect.objectContaining({ id: 'L1523-2', kind: 'Article', code: 'CGCT' }));
      expect(json.nodes.some((node) => node.id === 'L1115-1')).toBe(false);
      expect(json.edges.every((edge) => edge.source.startsWith('code-de-lurbanisme:'))).toBe(true);
    }
    const unknown = await runCgct(['export', '--format', 'json', '--code', 'code des licornes']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--code code des licornes: no such code');
  });
});
