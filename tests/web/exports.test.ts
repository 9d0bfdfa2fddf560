/**
 * Exports from the page (issue 14), over the sample graph: the PNG of the graph carries a title,
 * the date and the legend (room above and below the graph's own picture; the image is saved for a
 * look in tests/artifacts/web/), and the home page links the whole citation graph as files.
 */
import { mkdirSync, readFileSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, waitForGraph } from '../helpers/browser.ts';
import { PROJECT_ROOT } from '../../neo4j/local-server-options.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('exports from the page', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession();
    ({ server, browser } = session);
  });
  afterAll(() => session?.close());

  it('saves the graph as a PNG with its caption above and its legend below the graph itself', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Exporter PNG')]);
    expect(download.suggestedFilename()).toBe('graphe-L1115-1.png');
    const file = (await download.path())!;
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // The graph's own picture at the export's scale, for comparison.
    const graph = await page.evaluate(() => new Promise<{ width: number; height: number }>((resolve) => {
      const image = new Image();
      image.onload = () => resolve({ width: image.width, height: image.height });
      image.src = window.cgctGraph!.png({ output: 'base64uri', full: true, scale: 2 });
    }));
    const size = pngSize(bytes);
    expect(size.width).toBeGreaterThanOrEqual(graph.width);
    // A title and a subtitle above, at least two lines of legend below.
    expect(size.height).toBeGreaterThan(graph.height + 150);
    const artifacts = path.join(PROJECT_ROOT, 'tests', 'artifacts', 'web');
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(file, path.join(artifacts, 'export-L1115-1.png'));
    expect(page.errors).toEqual([]);
  });

  it('links, from the home page, the whole citation graph as GraphML, CSV and JSON files', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/`);
    const links = page.locator('a.download');
    await links.first().waitFor();
    expect(await links.evaluateAll((anchors) => anchors.map((a) => [a.getAttribute('href'), a.hasAttribute('download')]))).toEqual([
      ['/export/graphe-des-citations.graphml?code=CGCT', true],
      ['/export/graphe-des-citations.csv?code=CGCT', true],
      ['/export/graphe-des-citations.json?code=CGCT', true],
    ]);
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(2).click()]);
    expect(download.suggestedFilename()).toMatch(/^graphe-des-citations-CGCT-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { nodes: Array<{ id: string }> };
    expect(exported.nodes.map((node) => node.id)).toContain('L1115-1');
    expect(page.errors).toEqual([]);
  });
});
