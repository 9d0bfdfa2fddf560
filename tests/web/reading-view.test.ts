/**
 * End to end, what a lawyer quotes from the reading view (issue 13): a table of the source shown
 * as a table whose rows keep each figure with its bracket (its text and HTML made by the ingest's
 * own conversion), on a phone too; a link that lied shown with its note; a citation known only
 * from the metadata marked in the lists and dashed in the graph; and a print without controls.
 * Over the sample graph plus one article with tables written here. Screenshots land in
 * tests/artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Driver } from 'neo4j-driver';
import { convertHtmlBody } from '../../ingest/parsing/html-to-text.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import path from 'node:path';
import { ARTIFACTS_DIR, openPage, saveScreenshot, waitForGraph } from '../helpers/browser.ts';

// L2123-23's scale as legifrance-md writes it (header cells broken by <br/>), then a table with a
// reference in a cell and one too wide for a phone.
const SOURCE = "<p>Les maires perçoivent une indemnité de fonction fixée selon le barème suivant :</p><center><table border='1'><tbody>"
  + "<tr><th><br/>\n\nPopulation<br/><br/>\n\n(habitants)</th><th><br/>\n\nTaux<br/><br/>\n\n(en % de l'indice)</th></tr>"
  + "<tr><td align='justify'><br/>\n\nDe 1 000 à 3 499</td><td align='right'><br/>\n\n51,6</td></tr>"
  + "<tr><td align='justify'><br/>\n\nDe 3 500 à 9 999</td><td align='right'><br/>\n\n55</td></tr>"
  + "<tr><td align='justify'><br/>\n\n100 000 et plus</td><td align='right'><br/>\n\n145</td></tr></tbody></table></center>"
  + "<p>Dispositions applicables :</p><table><tr><th>DISPOSITIONS APPLICABLES</th><th>RÉDACTION</th></tr>"
  + "<tr><td><a href='/code-general-des-collectivites-territoriales/x/l1115-1.md'>L. 1115-1</a></td><td>Loi n° 2014-58 du 27 janvier 2014</td></tr></table>"
  + `<p>Évolution :</p><table><tr><td rowspan='2'>Année</td><td colspan='8'>MONTANTS</td></tr><tr>${'<td>1 234 567,89 €</td>'.repeat(8)}</tr></table>`;

// HTML the graph should never hold (the ingest sanitizes it), read by the page for its grid only.
const HOSTILE_TABLE = '<table><tr><td><img src="x" onerror="window.__pwned = \'img\'">a</td><td><script>window.__pwned = "script"</script>b</td></tr></table>';

async function addArticleWithTables(driver: Driver): Promise<void> {
  const body = convertHtmlBody(SOURCE);
  const link = body.links[0]!;
  const session = driver.session();
  try {
    await session.run(
      `MATCH (s:Section {id: 'partie-legislative/premiere-partie/livre-ier/titre-ier/chapitre-v'}), (target:Article {id: 'L1115-1'})
       CREATE (s)-[:CONTAINS {order: 3}]->(a:Article {id: 'L1115-3', number: 'L. 1115-3', part: 'legislative', status: 'in-force',
         text: $text, html: $html, searchText: $text, sortKey: 'L|0501115|0500003|0500000|L1115-3', sources: ['legifrance-md'],
         validFrom: '2020-01-01', validTo: null, sourceFile: 'l1115-3.md', contentHash: 'tables'})
       CREATE (a)-[:CITES {via: ['text', 'link'], sources: ['legifrance-md'], pinpoints: [], spans: [$start, $end], count: 1, viaRange: false}]->(target)
       CREATE (s)-[:CONTAINS {order: 4}]->(:Article {id: 'L1115-4', number: 'L. 1115-4', part: 'legislative', status: 'in-force',
         text: 'Montants :\n\na\tb', html: $hostile, searchText: 'a b', sortKey: 'L|0501115|0500004|0500000|L1115-4', sources: ['legifrance-md'],
         validFrom: '2020-01-01', validTo: null, sourceFile: 'l1115-4.md', contentHash: 'hostile-table'})`,
      { text: body.text, html: body.html, start: link.start, end: link.end, hostile: HOSTILE_TABLE },
    );
  } finally {
    await session.close();
  }
}

/** The texts of a table's rows, cell by cell. */
function readRows(page: Page, index: number): Promise<string[][]> {
  return page.locator('.article-text table').nth(index).evaluate((table: HTMLTableElement) =>
    [...table.rows].map((row) => [...row.cells].map((cell) => cell.textContent ?? '')));
}

describe('the reading view a lawyer can quote', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession(addArticleWithTables);
    ({ server, browser } = session);
  });

  afterAll(() => session?.close());

  it('shows a table of the source as a table: each rate in the row of its population bracket, headers as headers', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-3`);
    await page.locator('.article-text table').first().waitFor();
    expect(await page.locator('.article-text table').count()).toBe(3);
    const scale = await readRows(page, 0);
    expect(scale[0]).toEqual(['Population (habitants)', "Taux (en % de l'indice)"]);
    expect(scale.find((row) => row[0] === 'De 3 500 à 9 999')).toEqual(['De 3 500 à 9 999', '55']);
    expect(await page.locator('.article-text table').first().locator('th').count()).toBe(2);
    // "9 999" never breaks across lines in a narrow column (its text stays as written).
    expect(await page.locator('.article-text td .grouped-number', { hasText: '9 999' }).count()).toBe(1);
    // The reference in a cell is a link like any other, and opens its article.
    const cited = page.locator('.article-text td a.ref-resolved', { hasText: 'L. 1115-1' });
    expect(await cited.getAttribute('href')).toBe('/articles/L1115-1');
    // The source's spans: "MONTANTS" over the eight amounts, "Année" over both rows.
    expect(await page.locator('.article-text table').nth(2).locator('td[colspan="8"]').textContent()).toBe('MONTANTS');
    expect(await page.locator('.article-text table').nth(2).locator('td[rowspan="2"]').textContent()).toBe('Année');
    await saveScreenshot(page, 'article-tables');
    await cited.click();
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('reads the HTML for its grid only: a script or handler in it never runs, and the text\'s cells are shown', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-4`);
    await page.locator('.article-text table').waitFor();
    expect(await readRows(page, 0)).toEqual([['a', 'b']]);
    expect(await page.locator('.article-text img, .article-text script').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('keeps a wide table readable on a phone: the table scrolls in its box, the page does not', async () => {
    const page = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.origin}/articles/L1115-3`);
    const wide = page.locator('.text-table').nth(2);
    await wide.waitFor();
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    const box = await wide.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, overflow: getComputedStyle(element).overflowX }));
    expect(box.scroll).toBeGreaterThan(box.client);
    expect(box.overflow).toBe('auto');
    await wide.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'article-tables-phone');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows a link that lied with the text\'s target and a note, and marks a metadata-only citation in the lists and the graph', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    // Seed 000: the text says "L. 4141-1", Légifrance's link went to L4131-1.
    const lied = page.locator('.article-text a.ref-resolved', { hasText: 'L. 4141-1' });
    expect(await lied.getAttribute('href')).toBe('/articles/L4141-1');
    const note = page.locator('.article-text .link-note');
    expect(await note.count()).toBe(1);
    expect(await note.textContent()).toBe(' [le lien de Légifrance pointe vers L4131-1]');
    expect(await lied.evaluate((link) => link.nextElementSibling?.className)).toBe('link-note');
    // L1112-1 is cited by the metadata only; L2131-1 by the text.
    const outgoing = page.locator('.links .outgoing li');
    expect(await outgoing.filter({ hasText: 'L1112-1' }).locator('.via-metadata').textContent()).toBe(' (métadonnées seulement)');
    expect(await outgoing.filter({ hasText: 'L2131-1' }).locator('.via-metadata').count()).toBe(0);
    const edges = await page.evaluate(() => window.cgctGraph!.edges().toArray()
      .filter((edge) => edge.data('source') === 'L1115-1')
      .map((edge) => [edge.data('target') as string, edge.hasClass('metadata-only'), edge.style('line-style') as string]));
    expect(edges).toContainEqual(['L1112-1', true, 'dashed']);
    expect(edges).toContainEqual(['L2131-1', false, 'solid']);
    expect(await page.locator('.legend').textContent()).toContain('Citation des seules métadonnées, pas du texte (tirets foncés)');
    await saveScreenshot(page, 'article-lying-link');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('prints the title, status, text with its tables, links and versions, and none of the controls or the graph', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.locator(selector).first().isVisible();
    for (const selector of ['h1', '.meta', '.article-text', '.links', '.versions']) expect(await shown(selector), selector).toBe(true);
    for (const selector of ['.site-header', '.search', '.graph-column', '.graph-canvas', '.as-of', 'button', 'select']) expect(await shown(selector), selector).toBe(false);
    expect(await page.locator('main button:visible, main input:visible, main select:visible').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'article-print.png'), fullPage: true });
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
