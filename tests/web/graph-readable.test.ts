/**
 * Readable graphs at depth 2 (issue 14), in chromium: the sample graph plus a crowd of 250
 * articles of chapter L. 2224 citing L2131-1, which L1115-1 cites, so that L1115-1's depth-2
 * neighbourhood holds a hub and its crowd, as on the real code (L2224-31 has ~196 neighbours).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { clickGraphNode, graphNodeIds, openPage, saveScreenshot } from '../helpers/browser.ts';

// A 200-node layout on a loaded 2-core machine can take a while; these wait, they time nothing.
const POLL = { timeout: 120_000 };
const waitForGraph = (page: Page): Promise<unknown> => page.waitForSelector('.graph-canvas[data-state="ready"]', POLL);
const CROWD = 250;

/** Articles L2224-1 to L2224-250, each citing L2131-1 in a sentence as the code writes them. */
async function addCrowdCitingL2131_1(driver: Driver): Promise<void> {
  const rows = Array.from({ length: CROWD }, (_, i) => {
    const id = `L2224-${i + 1}`;
    const text = `Les délibérations relatives au service public d'eau sont transmises dans les conditions prévues à l'article L. 2131-1 (${id}).`;
    return { id, number: `L. 2224-${i + 1}`, text, sortKey: `L|0502224|${String(500000 + i + 1).padStart(7, '0')}|0500000|${id}`, start: text.indexOf('L. 2131-1') };
  });
  await driver.executeQuery(
    `UNWIND $rows AS row
     MATCH (target:Article {id: 'L2131-1'})
     CREATE (a:Article {id: row.id, number: row.number, part: 'legislative', status: 'in-force', text: row.text, html: '<p>' + row.text + '</p>',
       searchText: row.text, sortKey: row.sortKey, sources: ['legifrance-md'], validFrom: '2020-01-01', validTo: null, sourceFile: row.id + '.md', contentHash: row.id})
     CREATE (a)-[:CITES {via: ['text'], sources: ['legifrance-md'], spans: [row.start, row.start + 9], count: 1, viaRange: false}]->(target)`,
    { rows },
  );
}

interface DrawnLabel { id: string; x1: number; y1: number; x2: number; y2: number }

/** The labels drawn (not hidden for want of room), as Cytoscape boxes them on screen. */
function visibleLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => window.cgctGraph!.nodes().filter((node) => !node.hasClass('label-hidden') && Boolean(node.data('label'))).map((node) => {
    const box = node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
    return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  }));
}

function overlappingPairs(labels: DrawnLabel[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id} × ${b.id}`);
    }
  }
  return pairs;
}

describe('graphs readable at depth 2', () => {
  let session: WebUiSession;

  beforeAll(async () => { session = await openWebUiSession(addCrowdCitingL2131_1); });
  afterAll(() => session?.close());

  it('draws no two labels over each other, labels the centre and its direct neighbours, and folds the crowd into a summary that a click expands', async () => {
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L1115-1?profondeur=2`);
    await waitForGraph(page);
    await saveScreenshot(page, 'graph-depth-2-summarised');
    const ids = await graphNodeIds(page);
    expect(ids).toContain('chapitre:L2224');
    expect(ids.filter((id) => id.startsWith('L2224-'))).toEqual([]);
    const summary = await page.evaluate(() => window.cgctGraph!.getElementById('chapitre:L2224').data('label') as string);
    expect(summary).toMatch(/^\+\d+ articles du chapitre L\. 2224$/);
    expect(await page.locator('.graph-status').textContent()).toContain('1 groupe d’articles résumé');

    const labels = await visibleLabels(page);
    expect(overlappingPairs(labels)).toEqual([]);
    const pinned = await page.evaluate(() => window.cgctGraph!.getElementById('L1115-1').closedNeighborhood('node').map((node) => node.id()));
    expect(pinned.length).toBeGreaterThan(5);
    expect(pinned.filter((id) => !labels.some((label) => label.id === id))).toEqual([]);

    await clickGraphNode(page, 'chapitre:L2224');
    await page.waitForURL(/deplies=chapitre%3AL2224/);
    await expect.poll(() => graphNodeIds(page), POLL).toContain('L2224-1');
    await waitForGraph(page);
    expect(await graphNodeIds(page)).not.toContain('chapitre:L2224');
    await saveScreenshot(page, 'graph-depth-2-expanded');
    // Some 200 nodes now: many labels are hidden, none overlaps another.
    const crowded = await visibleLabels(page);
    expect(overlappingPairs(crowded)).toEqual([]);
    expect(crowded.length).toBeLessThan((await graphNodeIds(page)).length);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 400_000);
});
