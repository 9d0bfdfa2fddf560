/**
 * Issue 13's reading links in chromium over the sample graph, with three articles added: the
 * table of contents page (counts, a deep link opened at its section, the breadcrumb leading
 * there), the permalink by Légifrance id (renumbering followed, an unknown id told in French),
 * a range whose every member is a link, and the clean address of a number with a suffix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { articleSortKeyString } from '../../ingest/article-id.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

const POLL = { timeout: 15_000 };
const CHAPTER = 'partie-legislative/deuxieme-partie/livre-ier/titre-iii/chapitre-ier';
const RANGE_TEXT = 'Les actes mentionnés aux articles L. 2131-1 à L. 2131-6 sont transmis au représentant de l’État.';
const RANGE = 'L. 2131-1 à L. 2131-6';

// Subdivisions under the chapter (level 5) down to level 13, one below the twelve levels the
// table of contents asks for: the CGCT's and the CGI's deepest are at level 10.
const DEEP_CHAIN = Array.from({ length: 8 }, (_, i) => `${CHAPTER}/${Array.from({ length: i + 1 }, (_, j) => `niveau-${j + 6}`).join('/')}`);

/** L2131-9, citing the range L. 2131-1 à L. 2131-6 (its members in the sample: L2131-1, L2131-2, L2131-6), R2131-1 A, and DEEP_CHAIN (no articles). */
async function addReadingArticles(driver: Driver): Promise<void> {
  for (const [i, id] of DEEP_CHAIN.entries()) {
    await driver.executeQuery(
      `MATCH (parent:Section {id: $parent}) CREATE (parent)-[:CONTAINS {order: 100}]->(:Section {id: $id, kind: 'paragraphe', title: $title})`,
      { parent: i === 0 ? CHAPTER : DEEP_CHAIN[i - 1], id, title: `Niveau ${i + 6}` },
    );
  }
  const articles = [
    { id: 'L2131-9', number: 'L. 2131-9', section: CHAPTER, order: 9, part: 'legislative', text: RANGE_TEXT },
    { id: 'R2131-1 A', number: 'R. 2131-1 A', section: 'partie-reglementaire/deuxieme-partie', order: 2, part: 'regulatory', text: 'Les modalités de la transmission par voie électronique sont fixées par arrêté.' },
  ];
  await driver.executeQuery(
    `UNWIND $articles AS row
     MATCH (s:Section {id: row.section})
     CREATE (s)-[:CONTAINS {order: row.order}]->(:Article {id: row.id, number: row.number, part: row.part, text: row.text, searchText: row.text, status: 'in-force',
       periods: ['2004-01-01/'], inForceFrom: '2004-01-01', validFrom: '2004-01-01', sortKey: row.sortKey, legiarti: row.legiarti, sources: ['legifrance-md']})`,
    { articles: articles.map((article, i) => ({ ...article, sortKey: articleSortKeyString(article.id), legiarti: `LEGIARTI00000099999${i}` })) },
  );
  const start = RANGE_TEXT.indexOf(RANGE);
  // As the ingest writes a range: one citation per member, each with the range's whole span.
  await driver.executeQuery(
    `UNWIND $members AS member
     MATCH (a:Article {id: 'L2131-9'}), (b:Article {id: member})
     CREATE (a)-[:CITES {via: ['text'], sources: ['legifrance-md'], spans: $spans, pinpoints: [], viaRange: true, count: 1, validFrom: '2004-01-01'}]->(b)`,
    { members: ['L2131-1', 'L2131-2', 'L2131-6'], spans: [start, start + RANGE.length] },
  );
}

describe('reading links in the browser', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession(addReadingArticles);
    ({ server, browser } = session);
  });

  afterAll(() => session?.close());

  const section = (page: Page, id: string) => page.locator(`details[data-section-id="${id}"]`);
  const openIds = (page: Page) => page.locator('details[open]').evaluateAll((all) => all.map((details) => (details as HTMLElement).dataset.sectionId));

  it('shows the whole code as a closed tree, each section with its count of articles in force', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/sommaire`);
    await page.locator('.toc-tree').waitFor(POLL);
    expect(await page.locator('h1').textContent()).toBe('Sommaire — Code général des collectivités territoriales');
    // L4131-1, repealed, is in its chapter and not counted.
    expect(await page.locator('.toc-summary').textContent()).toMatch(/^14 articles en vigueur aujourd’hui/);
    expect(await page.locator('.toc-tree > li > details > summary .toc-title').allTextContents()).toEqual(['Partie législative', 'Partie réglementaire']);
    expect(await page.locator('.toc-tree > li > details > summary .toc-count').allTextContents()).toEqual(['12 articles', '2 articles']);
    expect(await openIds(page)).toEqual([]);
    // What bench/web-load.ts times the page by.
    expect(await page.evaluate(() => performance.getEntriesByName('toc-shown').length)).toBe(1);
    await page.getByRole('button', { name: 'Tout déplier' }).click();
    expect(await section(page, CHAPTER).locator(':scope > summary .toc-count').textContent()).toBe('4 articles');
    expect(await section(page, 'partie-legislative/quatrieme-partie/livre-ier/titre-iii/chapitre-ier').locator(':scope > summary .toc-count').textContent()).toBe('aucun article');
    // Twelve levels shown, the thirteenth told; the tenth (the deepest of the real codes) among them.
    expect(await section(page, DEEP_CHAIN[4]!).locator(':scope > summary .toc-title').textContent()).toBe('Niveau 10');
    expect(await section(page, DEEP_CHAIN[6]!).locator(':scope > summary .toc-title').textContent()).toBe('Niveau 12');
    expect(await section(page, DEEP_CHAIN[7]!).count()).toBe(0);
    expect(await section(page, DEEP_CHAIN[6]!).locator(':scope > .toc-beyond').textContent()).toBe('1 subdivision plus profonde, non affichée ici.');
    await saveScreenshot(page, 'toc-page');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens a deep link at its section: its parents open, the rest closed, its articles listed, scrolled to', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/sommaire/${CHAPTER}`);
    await page.locator('.toc-target').waitFor(POLL);
    expect(await openIds(page)).toEqual(['partie-legislative', 'partie-legislative/deuxieme-partie', 'partie-legislative/deuxieme-partie/livre-ier', 'partie-legislative/deuxieme-partie/livre-ier/titre-iii', CHAPTER]);
    const target = section(page, CHAPTER);
    expect(await target.getAttribute('class')).toContain('toc-target');
    expect(await target.locator(':scope > summary').getAttribute('aria-current')).toBe('location');
    expect(await target.locator('.toc-articles a').allTextContents()).toEqual(['Article L. 2131-1', 'Article L. 2131-2', 'Article L. 2131-6', 'Article L. 2131-9']);
    const top = await target.evaluate((element) => element.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(900);
    // An address from an older table of contents: the whole tree, and a note saying so.
    await page.goto(`${server.origin}/sommaire/partie-legislative/nulle-part`);
    await page.locator('.toc-missing').waitFor(POLL);
    expect(await page.locator('.toc-missing').textContent()).toContain('Aucune section « partie-legislative/nulle-part »');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('leads from an article\'s breadcrumb to the table of contents opened at that section', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L2131-1`);
    const crumbs = page.locator('nav.breadcrumb a');
    await crumbs.first().waitFor(POLL);
    expect(await crumbs.first().getAttribute('href')).toBe('/sommaire');
    await page.locator('nav.breadcrumb').getByRole('link', { name: 'Chapitre Ier : Contrôle de légalité' }).click();
    await page.waitForURL((url) => url.pathname === `/sommaire/${CHAPTER}`, POLL);
    await page.locator('.toc-target').waitFor(POLL);
    expect(await page.locator('.toc-target').getAttribute('data-section-id')).toBe(CHAPTER);
    // From the tree back to an article.
    await page.locator('.toc-target .toc-articles').getByRole('link', { name: 'Article L. 2131-2' }).click();
    await page.waitForURL((url) => url.pathname === '/articles/L2131-2', POLL);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('opens an article by its Légifrance id, follows a renumbering, and offers the permalink on the page', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/legiarti/LEGIARTI000000021311`);
    await page.waitForURL((url) => url.pathname === '/articles/L2131-1', POLL);
    expect(await page.locator('h1').textContent()).toBe('Article L. 2131-1');
    // L1114-1's id: the article became L1115-1 in 2004.
    await page.goto(`${server.origin}/legiarti/LEGIARTI000000011141`);
    await page.waitForURL((url) => url.pathname === '/articles/L1115-1', POLL);
    const permalink = page.getByRole('link', { name: 'Lien permanent' });
    expect(await permalink.getAttribute('href')).toBe('/legiarti/LEGIARTI000000011151');
    await page.goto(`${server.origin}/articles/L2131-6`);
    await page.getByRole('link', { name: 'Lien permanent' }).click();
    await page.waitForURL((url) => url.pathname === '/articles/L2131-6', POLL);
    expect(await page.locator('h1').textContent()).toBe('Article L. 2131-6');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says in French that no article has an unknown id, or that a string is no Légifrance id', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/legiarti/LEGIARTI000099999999`);
    const message = page.locator('.legiarti-not-found');
    await message.waitFor(POLL);
    expect(await message.locator('h1').textContent()).toBe('Identifiant Légifrance introuvable');
    expect(await message.textContent()).toContain('Aucun article de ce graphe ne porte l’identifiant LEGIARTI000099999999.');
    expect(await message.getByRole('link', { name: 'le consulter sur Légifrance' }).getAttribute('href')).toBe('https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000099999999');
    expect(await page.title()).toBe('Identifiant Légifrance introuvable — CGCT');
    await page.goto(`${server.origin}/legiarti/L2131-1`);
    await message.waitFor(POLL);
    expect(await message.textContent()).toContain('« L2131-1 » n’est pas un identifiant d’article Légifrance');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('makes each member of a range a link to its article', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L2131-9`);
    const range = page.locator('.article-text button.ref-range');
    await range.waitFor(POLL);
    expect(await range.textContent()).toBe(RANGE);
    const members = page.locator('.range-members a');
    expect(await members.first().isVisible()).toBe(false);
    await range.click();
    expect(await range.getAttribute('aria-expanded')).toBe('true');
    expect(await members.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/articles/L2131-1', '/articles/L2131-2', '/articles/L2131-6']);
    expect(await members.allTextContents()).toEqual(['L2131-1', 'L2131-2', 'L2131-6']);
    await saveScreenshot(page, 'range-members');
    await members.nth(1).click();
    await page.waitForURL((url) => url.pathname === '/articles/L2131-2', POLL);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('gives R2131-1 A the clean address /articles/R2131-1-A, and moves the old one there', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/R2131-1-A`);
    await page.locator('h1').filter({ hasText: 'Article' }).waitFor(POLL);
    expect(await page.locator('h1').textContent()).toBe('Article R. 2131-1 A');
    expect(new URL(page.url()).pathname).toBe('/articles/R2131-1-A');
    await page.goto(`${server.origin}/articles/R2131-1%20A`);
    await page.waitForURL((url) => url.pathname === '/articles/R2131-1-A', POLL);
    expect(await page.locator('h1').textContent()).toBe('Article R. 2131-1 A');
    // Links to it are clean too: the table of contents lists it so.
    await page.goto(`${server.origin}/sommaire/partie-reglementaire/deuxieme-partie`);
    await page.locator('.toc-target').waitFor(POLL);
    expect(await page.locator('.toc-target .toc-articles a').evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['/articles/R2131-1', '/articles/R2131-1-A']);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
