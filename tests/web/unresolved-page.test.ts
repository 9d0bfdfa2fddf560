/**
 * End to end, "Renvois non résolus": the real server app over the tests' Neo4j holding the sample
 * graph, whose four unresolved targets cited today are, in the list's order, 'L1115-9' (never
 * existed, cited by L1115-1) and 'L115-1' (not in the code, mentioned by the guide du maire), both
 * with the candidate L1115-1, then 'L2131-7' (not yet in force, until 2038) and 'L4131-1'
 * (repealed in 2009). Driven in Debian's chromium; screenshots land in tests/artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { errorsBesidesRefusedRequests, openPage, saveScreenshot } from '../helpers/browser.ts';

// The page answers after the server does; on a loaded machine that can take a few seconds.
const POLL = { timeout: 15_000 };

/** Asks the real server for one target per page, so that four targets make four pages. */
async function askOnePerPage(page: Page): Promise<void> {
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { query: string; variables?: Record<string, unknown> };
    if (!body.query.includes('unresolvedReferences')) return route.continue();
    return route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, first: 1 } }) });
  });
}

describe('the list of unresolved references', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    session = await openWebUiSession();
    ({ server, browser } = session);
  });

  afterAll(() => session?.close());

  it('is reached from the home page and shows the count, each reason, the citers and the candidates; a candidate opens the article', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/`);
    // Today's counts: 12 of the sample's 16 articles are in force, 23 citations hold today.
    await expect.poll(() => page.locator('.home-counts').textContent(), POLL)
      .toBe('Aujourd’hui : 12 articles en vigueur, 23 citations ; 16 articles dans l’historique du code.');
    await page.locator('.home a', { hasText: 'Renvois non résolus' }).focus();
    await saveScreenshot(page, 'home-unresolved-link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/renvois-non-resolus$/);
    await page.locator('.unresolved-table').waitFor();
    expect(await page.title()).toBe('Renvois non résolus — CGCT');
    expect(await page.locator('.unresolved-total').textContent()).toBe('4 renvois non résolus');
    expect(await page.locator('.site-header a', { hasText: 'Renvois non résolus' }).getAttribute('href')).toBe('/renvois-non-resolus');
    const rows = page.locator('.unresolved-table tbody tr');
    expect(await rows.count()).toBe(4);
    const neverExisted = page.locator('tr[data-target="L1115-9"]');
    expect(await neverExisted.locator('th').textContent()).toBe('L1115-9');
    expect(await neverExisted.locator('.reason').textContent()).toBe('Inexistant');
    expect(await neverExisted.locator('.reason-detail').textContent()).toBe('Cet article n’a jamais existé.');
    expect(await neverExisted.locator('.cited-by a').getAttribute('href')).toBe('/articles/L1115-1');
    const notInCode = page.locator('tr[data-target="L115-1"]');
    expect(await notInCode.locator('.reason').textContent()).toBe('Hors du code');
    expect(await notInCode.locator('.cited-by').textContent()).toBe('Guide du maire : la coopération décentralisée');
    // A repealed or future number says when, and by which text.
    const repealed = page.locator('tr[data-target="L4131-1"]');
    expect(await repealed.locator('.reason').textContent()).toBe('Abrogé');
    expect(await repealed.locator('.reason-detail').textContent()).toBe('Abrogé le 12/03/2009 par LOI n° 2009-257 du 5 mars 2009 - art. 12.');
    const notYet = page.locator('tr[data-target="L2131-7"]');
    expect(await notYet.locator('.reason').textContent()).toBe('Pas encore en vigueur');
    expect(await notYet.locator('.reason-detail').textContent()).toBe('Pas encore en vigueur (à partir du 01/01/2038).');
    expect(await page.locator('.unresolved [role="status"]').textContent()).toBe('4 renvois affichés sur 4.');
    expect(await page.locator('.unresolved button.more').isHidden()).toBe(true);
    await saveScreenshot(page, 'unresolved-references');
    await notInCode.locator('.candidates a', { hasText: 'L1115-1' }).click();
    await page.waitForURL(/\/articles\/L1115-1$/);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    await page.goBack();
    await page.locator('tr[data-target="L115-1"]').waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('pages through with "Afficher les suivants" from the keyboard, then goes on from the first new row', async () => {
    const page = await openPage(browser);
    await askOnePerPage(page);
    await page.goto(`${server.origin}/renvois-non-resolus`);
    await page.locator('.unresolved-table').waitFor();
    const rows = page.locator('.unresolved-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await page.locator('.unresolved-total').textContent()).toBe('4 renvois non résolus');
    expect(await page.locator('.unresolved [role="status"]').textContent()).toBe('1 renvoi affiché sur 4.');
    const more = page.locator('.unresolved button.more');
    expect(await more.textContent()).toBe('Afficher les suivants (3 restants)');
    await saveScreenshot(page, 'unresolved-references-first-page');
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count(), POLL).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('L115-1');
    expect(await more.textContent()).toBe('Afficher les suivants (2 restants)');
    expect(await page.locator('.unresolved [role="status"]').textContent()).toBe('2 renvois affichés sur 4.');
    // From the new row, Tab reaches its candidate, and Enter opens it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/articles/L1115-1');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/articles\/L1115-1$/);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says so in a sentence when no reference is unresolved', async () => {
    const page = await openPage(browser);
    await page.route('**/graphql', (route) => route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ data: { unresolvedReferences: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } }),
    }));
    await page.goto(`${server.origin}/renvois-non-resolus`);
    await page.locator('.unresolved-empty').waitFor();
    expect(await page.locator('.unresolved-empty').textContent()).toContain('Aucun renvoi non résolu : chaque référence à un article du code mène à un article qui existe.');
    expect(await page.locator('.unresolved-table').count()).toBe(0);
    await saveScreenshot(page, 'unresolved-references-empty');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('explains that the service is down, and "Réessayer" shows the list once the API is back', async () => {
    const page = await openPage(browser);
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.origin}/renvois-non-resolus`);
    await page.locator('.api-error').waitFor();
    expect(await page.locator('.api-error h1').textContent()).toBe('Service indisponible');
    await saveScreenshot(page, 'unresolved-references-api-unreachable');
    await page.unroute('**/graphql');
    await page.locator('.api-error button').click();
    await page.locator('.unresolved-table').waitFor();
    expect(await page.locator('.unresolved-total').textContent()).toBe('4 renvois non résolus');
    expect(errorsBesidesRefusedRequests(page)).toEqual([]);
    await page.close();
  });
});
