/**
 * End to end: the real server app over the tests' Neo4j holding the sample graph (plus one
 * hostile article written here), the UI built by Vite, driven in Debian's chromium as a lawyer
 * would use it. Screenshots land in tests/artifacts/web/.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Driver } from 'neo4j-driver';
import { SAMPLE_OLD_TEXT_L1115_1, SAMPLE_TEXT_CITATIONS } from '../helpers/sample-graph.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { clickGraphNode, errorsBesidesRefusedRequests, graphNodeIds, openPage, saveScreenshot, waitForGraph } from '../helpers/browser.ts';

// The page answers after the server does; on a loaded machine that can take a few seconds.
const POLL = { timeout: 15_000 };

// Markup an attacker could slip into a corpus: it must show as text and never run.
const HOSTILE = '<script>window.__pwned = "script"</script><img src="x" onerror="window.__pwned = \'img\'">';
const HOSTILE_TEXT = `Article piégé ${HOSTILE} qui renvoie à l'article L. 1115-1.\n\n<b onmouseover="window.__pwned = 'b'">gras</b>`;

async function addHostileArticle(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run(
      `MATCH (s:Section {id: 'partie-legislative/premiere-partie/livre-ier/titre-ier/chapitre-v'}), (target:Article {id: 'L1115-1'})
       CREATE (s)-[:CONTAINS {order: 2}]->(a:Article {id: 'L1115-2', number: 'L. 1115-2', part: 'legislative', status: 'in-force',
         text: $text, html: $html, searchText: $text, sortKey: 'L|0501115|0500002|0500000|L1115-2', sources: ['legifrance-md'],
         validFrom: '2020-01-01', validTo: null, sourceFile: 'l1115-2.md', contentHash: 'hostile'})
       CREATE (a)-[:CITES {via: ['text'], sources: ['legifrance-md'], pinpoints: [$hostile], spans: [$start, $end], count: 1, viaRange: false}]->(target)
       CREATE (a)-[:MODIFIED_BY {article: $hostile, status: 'V', heading: $hostile, sources: ['legifrance-md']}]->(:LegalText {id: $hostile, kind: 'loi', title: $hostile})`,
      { text: HOSTILE_TEXT, html: `<p>${HOSTILE}</p>`, hostile: HOSTILE, start: HOSTILE_TEXT.indexOf('L. 1115-1'), end: HOSTILE_TEXT.indexOf('L. 1115-1') + 'L. 1115-1'.length },
    );
  } finally {
    await session.close();
  }
}

describe('the web browser for lawyers', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession(addHostileArticle);
    ({ server, browser } = session);
  });

  afterAll(() => session?.close());

  it('suggests articles as a number is typed in another notation, and Enter opens the best one', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('l. 1115-1');
    const first = page.locator('#search-suggestions [role="option"]').first();
    await expect.poll(() => first.textContent(), POLL).toContain('1115-1');
    await saveScreenshot(page, 'search-suggestions');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/L1115-1$/);
    expect(await page.locator('h1').textContent()).toBe('Article L. 1115-1');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the nine articles L1115-1 cites in its graph, and clicking L2131-1 opens L2131-1', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    const ids = await graphNodeIds(page);
    for (const id of SAMPLE_TEXT_CITATIONS) expect(ids).toContain(id);
    expect(await page.locator('.breadcrumb').textContent()).toContain('Chapitre V : Action extérieure des collectivités territoriales');
    expect(await page.locator('.links .outgoing').textContent()).toMatch(/Cite\s*\(\d+\)/);
    await saveScreenshot(page, 'article-with-graph');
    await clickGraphNode(page, 'L2131-1');
    await page.waitForURL(/\/articles\/L2131-1$/);
    await page.locator('h1', { hasText: 'Article L. 2131-1' }).waitFor();
    await waitForGraph(page);
    expect(await graphNodeIds(page)).toContain('L2131-1');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('makes every reference of the text live: preview on hover, click to open, unresolved ones explained', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    const link = page.locator('.article-text a.ref-resolved', { hasText: 'L. 3131-1' });
    expect(await page.locator('.article-text a.ref-resolved').count()).toBe(9);
    await link.hover();
    await expect.poll(() => page.locator('#reference-preview').textContent(), POLL).toContain('Les actes pris par les autorités départementales');
    await saveScreenshot(page, 'reference-preview');
    const unresolved = page.locator('.article-text .ref-unresolved', { hasText: 'L. 1115-9' });
    await unresolved.hover();
    const preview = await page.locator('#reference-preview').textContent();
    expect(preview).toContain('Référence non résolue');
    expect(preview).toContain('L1115-1');
    await saveScreenshot(page, 'unresolved-reference');
    // The closest article is a link in the preview, which stays open while the pointer reaches it.
    const candidate = page.locator('#reference-preview a', { hasText: 'L1115-1' });
    expect(await candidate.getAttribute('href')).toBe('/articles/L1115-1');
    await candidate.click();
    await expect.poll(() => page.locator('#reference-preview').isHidden(), POLL).toBe(true);
    expect(await page.locator('.article-text .ref-external').textContent()).toBe('L. 211-7');
    // Another code's article opens that code on Légifrance (its LEGITEXT from data/codes.json), in a new tab.
    expect(await page.locator('.article-text a.ref-external').getAttribute('href')).toBe('https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006074220');
    expect(await page.locator('.article-text a.ref-external').getAttribute('target')).toBe('_blank');
    await link.click();
    await page.waitForURL(/\/articles\/L3131-1$/);
    await page.locator('h1', { hasText: 'Article L. 3131-1' }).waitFor();
    await page.goBack();
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('expands a node on double-click, merging its neighbours into the graph', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    expect(await graphNodeIds(page)).not.toContain('code électoral|L52-1');
    await clickGraphNode(page, 'L2131-1', 2);
    await page.waitForURL(/deplies=L2131-1/);
    await expect.poll(() => graphNodeIds(page), POLL).toContain('code électoral|L52-1');
    await waitForGraph(page);
    const ids = await graphNodeIds(page);
    for (const id of SAMPLE_TEXT_CITATIONS) expect(ids).toContain(id);
    expect(page.url()).toMatch(/\/articles\/L1115-1\?/);
    await saveScreenshot(page, 'expanded-node');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('works with the keyboard alone: search, suggestions, graph nodes, previous article', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await page.keyboard.press('/');
    await page.keyboard.type('tribunal');
    const options = page.locator('#search-suggestions [role="option"][data-id]');
    await expect.poll(() => options.count(), POLL).toBeGreaterThan(1);
    const second = await options.nth(1).getAttribute('data-id');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/articles/${second}$`));
    await waitForGraph(page);
    await page.keyboard.press('g');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('graph-canvas'))).toBe(true);
    // Walk the nodes with the arrow keys up to another CGCT article, and open it with Enter.
    let focused = { id: '', kind: '' };
    for (let step = 0; step < 30 && (focused.kind !== 'ARTICLE' || focused.id === second); step++) {
      await page.keyboard.press('ArrowRight');
      focused = await page.evaluate(() => {
        const node = window.cgctGraph!.$('node.keyboard-focus');
        return { id: node.id(), kind: String(node.data('kind')) };
      });
    }
    expect(await page.locator('.graph-status').textContent()).toContain(focused.id);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/articles/${focused.id}$`));
    await page.locator('h1', { hasText: 'Article' }).waitFor();
    const previous = await page.locator('a.neighbour.prev').getAttribute('data-article');
    await page.keyboard.press('p');
    await page.waitForURL(new RegExp(`/articles/${previous}$`));
    expect(await page.locator('#raccourcis').textContent()).toContain('aller à la recherche');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('filters the graph by relationship type and by direction, from the address too', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    await page.click('.graph-types summary');
    await page.check('#graph-type-MODIFIED_BY');
    await page.waitForURL(/types=MODIFIED_BY/);
    await expect.poll(async () => (await graphNodeIds(page)).sort(), POLL).toEqual(['L1115-1', 'loi n° 2014-58 du 27 janvier 2014']);
    await saveScreenshot(page, 'filtered-by-type');
    await page.goto(`${server.origin}/articles/L2131-1?sens=INCOMING&types=CITES`);
    await waitForGraph(page);
    const incoming = await graphNodeIds(page);
    expect(incoming).toEqual(expect.arrayContaining(['L1115-1', 'L2131-2', 'L2131-6', 'code électoral|L52-1']));
    expect(await page.locator('#graph-direction').inputValue()).toBe('INCOMING');
    expect(await page.isChecked('#graph-type-CITES')).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('exports the graph on screen as PNG and as JSON', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('text=Exporter PNG')]);
    expect(png.suggestedFilename()).toBe('graphe-L1115-1.png');
    const pngBytes = await readFile((await png.path())!);
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('text=Exporter JSON')]);
    const exported = JSON.parse(await readFile((await json.path())!, 'utf8')) as { nodes: { id: string }[]; edges: { source: string; target: string }[] };
    const ids = exported.nodes.map((node) => node.id);
    for (const id of SAMPLE_TEXT_CITATIONS) expect(ids).toContain(id);
    for (const edge of exported.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('reproduces the same view from its address after a reload, and back / forward walk the changes', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    await waitForGraph(page);
    await page.selectOption('#graph-direction', 'OUTGOING');
    await page.waitForURL(/sens=OUTGOING/);
    await page.selectOption('#graph-layout', 'dagre');
    await page.waitForURL(/disposition=dagre/);
    await page.fill('#graph-path', 'L. 3132-1');
    await page.press('#graph-path', 'Enter');
    await page.waitForURL(/chemin=/);
    await waitForGraph(page);
    const view = async () => ({
      url: page.url(),
      nodes: (await graphNodeIds(page)).sort(),
      highlighted: await page.evaluate(() => window.cgctGraph!.$('.highlighted').map((e) => e.id()).sort()),
      direction: await page.locator('#graph-direction').inputValue(),
      layout: await page.locator('#graph-layout').inputValue(),
    });
    const before = await view();
    expect(before.highlighted).toContain('L3132-1');
    await saveScreenshot(page, 'permalink-before-reload');
    await page.reload();
    await waitForGraph(page);
    expect(await view()).toEqual(before);
    await saveScreenshot(page, 'permalink-after-reload');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('chemin='));
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('disposition='));
    await waitForGraph(page);
    expect(await page.locator('#graph-layout').inputValue()).toBe('fcose');
    await page.goForward();
    await page.waitForURL(/disposition=dagre/);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('reads the code at a chosen date: that date\'s text and graph, kept while following links', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L2131-1`);
    await waitForGraph(page);
    // L2131-1 cited L3131-2 from 2004 to 2010 only.
    expect(await graphNodeIds(page)).not.toContain('L3131-2');
    await page.fill('#as-of', '01/06/2008');
    await page.click('.as-of button[type="submit"]');
    await page.waitForURL(/date=2008-06-01/);
    await expect.poll(() => graphNodeIds(page), POLL).toContain('L3131-2');
    await saveScreenshot(page, 'as-of-date');
    await page.locator('.links .incoming a', { hasText: 'L1115-1' }).click();
    await page.waitForURL(/\/articles\/L1115-1\?date=2008-06-01$/);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(await page.locator('.article-text').textContent()).toBe(SAMPLE_OLD_TEXT_L1115_1);
    expect(await page.locator('.meta').textContent()).toContain('Version du 02/02/2007 au 29/01/2014');
    expect(await page.inputValue('#as-of')).toBe('01/06/2008');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says "Article introuvable" for an unknown number in the address, with close articles', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-7`);
    await page.locator('.not-found').waitFor();
    expect(await page.locator('.not-found h1').textContent()).toBe('Article introuvable');
    expect(await page.locator('.not-found').textContent()).toContain('L. 1115-1');
    await saveScreenshot(page, 'unknown-article');
    await page.goto(`${server.origin}/recherche?q=xylophone`);
    await page.locator('.no-results').waitFor();
    expect(await page.locator('.no-results h1').textContent()).toBe('Aucun résultat pour « xylophone »');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('explains that the service is down when the API cannot be reached or answers 503', async () => {
    const page = await openPage(browser);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.origin}/articles/L1115-1`);
    await page.locator('.api-error').first().waitFor();
    expect(await page.locator('.api-error h1').first().textContent()).toBe('Service indisponible');
    await saveScreenshot(page, 'api-unreachable');
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.fulfill({ status: 503, body: 'Service Unavailable' }));
    await page.goto(`${server.origin}/recherche?q=tribunal`);
    await page.locator('.api-error').waitFor();
    expect(await page.locator('.api-error').textContent()).toContain('503');
    // Once the API is back, "Réessayer" shows the page.
    await page.unroute('**/graphql');
    await page.locator('.api-error button').click();
    await page.locator('.results').waitFor();
    expect(await page.locator('.results').textContent()).toContain('L. 2131-6');
    expect(errorsBesidesRefusedRequests(page)).toEqual([]);
    await page.close();
  });

  it('shows a hostile article as text: no script from the data runs', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-2`);
    await page.locator('h1', { hasText: 'Article L. 1115-2' }).waitFor();
    await waitForGraph(page);
    await page.locator('.article-text').hover();
    await page.locator('.related-links').hover();
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('.article-text').textContent()).toContain(HOSTILE);
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    expect(await page.locator('.related-links').textContent()).toContain('<script>');
    await page.locator('.article-text a.ref-resolved').hover();
    await expect.poll(() => page.locator('#reference-preview').textContent(), POLL).toContain(HOSTILE);
    await saveScreenshot(page, 'hostile-article');
    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
