/**
 * End to end, « Ce qui a changé dans ce dont il dépend » on the article page and its Atom feed,
 * over the sample graph with "today" fixed (CGCT_TODAY, read by the server in this process).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SAMPLE_REPEALED_BY } from '../helpers/sample-graph.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { keepServerToday, setServerToday } from '../helpers/server-today.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

const POLL = { timeout: 15_000 };

describe('change alerts on the article page', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;
  const restoreToday = keepServerToday();

  beforeAll(async () => {
    setServerToday('2010-01-01');
    session = await openWebUiSession();
    ({ server, browser } = session);
  });

  afterAll(async () => {
    await session?.close();
    restoreToday();
  });

  it('tells, once opened, that an article L4141-2 cites was repealed in the last year, by which text, and opens it', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L4141-2`);
    await page.locator('.dependency-changes > summary', { hasText: 'Ce qui a changé dans ce dont il dépend' }).click();
    const item = page.locator('.dependency-change').first();
    await item.waitFor(POLL);
    expect(await page.inputValue('#dependency-changes-since')).toBe('01/01/2009');
    expect(await item.textContent()).toBe(`12/03/2009 · Article L. 4131-1 abrogé — cité directement par cet article — par ${SAMPLE_REPEALED_BY}`);
    expect(await page.locator('.dependency-changes-total').textContent()).toMatch(/^1 changement du 01\/01\/2009 au 01\/01\/2010, dans cet article et les \d+ articles dont il dépend \(jusqu’à 3 renvois\)\.$/);
    await saveScreenshot(page, 'dependency-changes-L4141-2');
    await item.locator('a[data-article="L4131-1"]').click();
    await page.locator('h1', { hasText: 'Article L. 4131-1' }).waitFor(POLL);
    expect(page.errors).toEqual([]);
  });

  it('asks again for the period and depth chosen, and says what is wrong with a date', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L4141-2`);
    await page.locator('.dependency-changes > summary').click();
    await page.locator('.dependency-change').first().waitFor(POLL);
    await page.fill('#dependency-changes-since', '01/04/2009');
    await page.click('.dependency-changes-form button');
    await expect.poll(() => page.locator('.dependency-changes-total').textContent(), POLL).toMatch(/^0 changement du 01\/04\/2009 au 01\/01\/2010/);
    expect(await page.locator('.dependency-change').count()).toBe(0);
    await page.fill('#dependency-changes-since', '31/02/2009');
    await page.click('.dependency-changes-form button');
    await expect.poll(() => page.locator('.dependency-changes-error').textContent(), POLL).toBe('Le 31/02/2009 n’existe pas dans le calendrier.');
  });

  it('cuts the page of changes down to a section of the code chosen in the list, kept in the address', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/modifications?du=2000-01-01&au=2020-12-31`);
    await expect.poll(() => page.locator('.changes-total').textContent(), POLL).toBe('4 modifications du 01/01/2000 au 31/12/2020');
    await expect.poll(() => page.locator('#changes-section option').count(), POLL).toBeGreaterThan(3);
    await page.selectOption('#changes-section', { label: '\u00a0\u00a0Quatrième partie : La région' });
    await expect.poll(() => page.locator('.changes-total').textContent(), POLL).toBe('1 modification du 01/01/2000 au 31/12/2020');
    expect(new URL(page.url()).searchParams.get('section')).toBe('partie-legislative/quatrieme-partie');
    expect(await page.locator('.change-list > li').first().textContent()).toContain('4131-1');
    expect(await page.inputValue('#changes-section')).toBe('partie-legislative/quatrieme-partie');
    expect(await page.getAttribute('.changes a.feed', 'href')).toBe('/changements.atom');
    expect(page.errors).toEqual([]);
  });

  it('links the Atom feed of the same changes, served as a feed and not as a page of the app', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L4141-2`);
    const feed = page.locator('.dependency-changes a.feed');
    expect(await feed.getAttribute('href')).toBe('/articles/L4141-2/changements.atom');
    const response = await page.request.get(`${server.origin}/articles/L4141-2/changements.atom`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    expect(await response.text()).toContain('<title>Article L4131-1 abrogé le 12/03/2009</title>');
  });
});
