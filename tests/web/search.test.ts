/**
 * Issue 13's search as a lawyer types it, in chromium over the sample graph with a few other
 * articles (tests/helpers/other-code-articles.ts): each way of citing an article puts it first
 * and Enter opens it; a number that names no article offers the closest; Enter on words lists
 * the results instead of opening the first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/graphql-server.ts';
import { addSearchArticles } from '../helpers/other-code-articles.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

const POLL = { timeout: 15_000 };

describe('search by reference in the browser', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession(addSearchArticles);
    ({ server, browser } = session);
  });

  afterAll(() => session?.close());

  async function typeInSearch(page: Page, query: string): Promise<void> {
    await page.goto(`${server.origin}/`);
    await page.keyboard.press('/');
    await page.keyboard.type(query);
  }

  it.each([
    ['2131-1', 'L2131-1', '/articles/L2131-1'],
    ['L.2131-1', 'L2131-1', '/articles/L2131-1'],
    ['art. L 2131-1 CGCT', 'L2131-1', '/articles/L2131-1'],
    ['article L. 2131-1 du CGCT', 'L2131-1', '/articles/L2131-1'],
    ['L2131-1 CGCT', 'L2131-1', '/articles/L2131-1'],
    ["article L. 300-5 du code de l'urbanisme", 'code-de-lurbanisme:L300-5', '/codes/code-de-lurbanisme/articles/L300-5'],
    ['L. 2131-1 à L. 2131-5', 'L2131-1', '/articles/L2131-1'],
  ])('suggests "%s" first as %s, and Enter opens it', async (query, id, path) => {
    const page = await openPage(browser);
    await typeInSearch(page, query);
    const first = page.locator('#search-suggestions [role="option"][data-id]').first();
    await expect.poll(() => first.getAttribute('data-id'), POLL).toBe(id);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === path, POLL);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['2131-1', 'Article L. 2131-1'],
    ['art. L 2131-1 CGCT', 'Article L. 2131-1'],
    ["article L. 300-5 du code de l'urbanisme", 'Article L300-5'],
  ])('lists "%s" with %s first on the results page', async (query, title) => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/recherche?q=${encodeURIComponent(query)}`);
    await page.locator('.result-list').waitFor(POLL);
    expect(await page.locator('.result-list .result-title').first().textContent()).toBe(title);
    await page.close();
  });

  it('offers "Vouliez-vous dire : L. 1115-1 ?" for L.115-1, in the box and on the results page, as links', async () => {
    const page = await openPage(browser);
    await typeInSearch(page, 'L.115-1');
    const option = page.locator('#search-suggestions [role="option"][data-id="L1115-1"]');
    await expect.poll(() => option.textContent(), POLL).toContain('Vouliez-vous dire L. 1115-1 ?');
    await saveScreenshot(page, 'search-did-you-mean');
    // Enter with nothing chosen: the results page, which says it too.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\?q=L.115-1$/, POLL);
    const didYouMean = page.locator('.did-you-mean');
    await didYouMean.waitFor(POLL);
    // L1115-1 first, the likeliest (a doubled digit dropped); others may follow.
    expect(await didYouMean.textContent()).toMatch(/^Vouliez-vous dire : L\. 1115-1(?: \?|, | ou )/);
    await didYouMean.locator('a').first().click();
    await page.waitForURL(/\/articles\/L1115-1$/, POLL);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows the results list on Enter after words, not the first hit', async () => {
    const page = await openPage(browser);
    await typeInSearch(page, "représentant de l'État");
    await expect.poll(() => page.locator('#search-suggestions [role="option"][data-id]').count(), POLL).toBeGreaterThan(1);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/recherche', POLL);
    await page.locator('.result-list').waitFor(POLL);
    expect(await page.locator('.results h1').textContent()).toMatch(/^\d+ résultats? pour « représentant de l'État »$/);
    expect(await page.locator('.result-list li').count()).toBeGreaterThan(1);
    await page.close();
  });

  it('opens every result of a search, annex I\'s "Rubrique 2" too', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/recherche?q=${encodeURIComponent('dépenses de personnel')}`);
    await page.locator('.result-list').waitFor(POLL);
    await page.locator('.result-list a[data-article="Rubrique 2"]').click();
    await page.waitForURL(/\/articles\/Rubrique%202$/, POLL);
    await page.locator('h1').waitFor(POLL);
    expect(await page.locator('h1').textContent()).toBe('Article Rubrique 2');
    await page.close();
  });
});
