/**
 * Readable graphs at depth 2 (issue 14), in chromium: the sample graph plus a crowd of 250
 * articles of chapter L. 2224 citing L2131-1, which L1115-1 cites, so that L1115-1's depth-2
 * neighbourhood holds a hub and its crowd, as on the real code (L2224-31 has ~196 neighbours).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { clickChapterBox, clickGraphNode, graphNodeIds, openPage, overlappingLabels, saveScreenshot, visibleLabels } from '../helpers/browser.ts';

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
    expect(overlappingLabels(labels)).toEqual([]);
    const pinned = await page.evaluate(() => window.cgctGraph!.getElementById('L1115-1').closedNeighborhood('node').map((node) => node.id()));
    expect(pinned.length).toBeGreaterThan(5);
    expect(pinned.filter((id) => !labels.some((label) => label.id === id))).toEqual([]);

    await clickGraphNode(page, 'chapitre:L2224');
    await page.waitForURL(/deplies=chapitre%3AL2224/);
    await expect.poll(() => graphNodeIds(page), POLL).toContain('L2224-1');
    await waitForGraph(page);
    await saveScreenshot(page, 'graph-depth-2-expanded');
    // The summary became the chapter's box, holding every article of the crowd drawn (the neighbourhood is capped) and nothing else.
    const box = await page.evaluate(() => {
      const node = window.cgctGraph!.getElementById('chapitre:L2224');
      return { parent: node.isParent(), label: node.data('label') as string, children: node.children().map((child) => child.id()) };
    });
    expect(box.parent).toBe(true);
    expect(box.label).toBe('Chapitre L. 2224');
    expect(box.children.length).toBeGreaterThan(100);
    expect(box.children.sort()).toEqual((await graphNodeIds(page)).filter((id) => id.startsWith('L2224-')).sort());
    expect(await page.locator('.graph-status').textContent()).toContain('cliquer sur un cadre pour le replier');
    // Some 250 nodes now: many labels are hidden, none overlaps another, the box's name included.
    const crowded = await visibleLabels(page);
    expect(overlappingLabels(crowded)).toEqual([]);
    expect(crowded.map((label) => label.id)).toContain('chapitre:L2224');
    expect(crowded.length).toBeLessThan((await graphNodeIds(page)).length);

    // A click on the box's frame folds the chapter back into one node.
    await clickChapterBox(page, 'chapitre:L2224');
    await expect.poll(() => page.url(), POLL).not.toContain('deplies=');
    await expect.poll(() => graphNodeIds(page), POLL).not.toContain('L2224-1');
    await waitForGraph(page);
    expect(await page.evaluate(() => window.cgctGraph!.getElementById('chapitre:L2224').data('kind'))).toBe('SUMMARY');
    expect(page.errors).toEqual([]);
    await page.close();
  }, 400_000);

  it('boxes a chapter at depth 1, folds it by hand into the address and unfolds it back', async () => {
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L2131-1`);
    await waitForGraph(page);
    const boxed = await page.evaluate(() => window.cgctGraph!.getElementById('chapitre:L2224').children().length);
    expect(boxed).toBeGreaterThan(100);
    await clickChapterBox(page, 'chapitre:L2224');
    await page.waitForURL(/replies=chapitre%3AL2224/, POLL);
    await expect.poll(() => page.evaluate(() => window.cgctGraph!.getElementById('chapitre:L2224').data('label') as string | undefined), POLL).toBe(`+${boxed} articles du chapitre L. 2224`);
    await waitForGraph(page);
    expect((await graphNodeIds(page)).filter((id) => id.startsWith('L2224-'))).toEqual([]);
    // The folded view is an address: reloading it draws the same.
    await page.reload();
    await waitForGraph(page);
    await saveScreenshot(page, 'graph-chapter-folded');
    expect(await graphNodeIds(page)).toContain('chapitre:L2224');
    expect((await graphNodeIds(page)).filter((id) => id.startsWith('L2224-'))).toEqual([]);
    await clickGraphNode(page, 'chapitre:L2224');
    await expect.poll(() => page.url(), POLL).not.toContain('replies=');
    await expect.poll(() => page.evaluate(() => window.cgctGraph!.getElementById('chapitre:L2224').children().length), POLL).toBe(boxed);
    expect(page.errors).toEqual([]);
    await page.close();
  }, 400_000);
});
