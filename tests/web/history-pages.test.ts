/**
 * End to end, the code's history in the web UI, over the sample graph (tests/helpers/sample-graph.ts)
 * with "today" fixed at 01/12/2026 (CGCT_TODAY, read by the server running in this process):
 * dates typed and shown jj/mm/aaaa, the page of an article not in force on the date read (which
 * keeps the date), versions with their amending texts and a comparison of any two, and the
 * renumbering L1114-1 → L1115-1 followed both ways. Screenshots land in tests/artifacts/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE_OLD_TEXT_L1115_1, SAMPLE_REPEALED_BY, SAMPLE_TEXT_L1114_1 } from '../helpers/sample-graph.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

// The page answers after the server does; on a loaded machine that can take a few seconds.
const POLL = { timeout: 15_000 };
const TODAY = '2026-12-01';

async function typeDate(page: Page, typed: string): Promise<void> {
  await page.fill('#as-of', typed);
  await page.press('#as-of', 'Enter');
}

describe('the code\'s history in the web UI', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;
  const savedToday = process.env.CGCT_TODAY;

  beforeAll(async () => {
    process.env.CGCT_TODAY = TODAY;
    session = await openWebUiSession();
    ({ server, browser } = session);
  });

  afterAll(async () => {
    await session?.close();
    if (savedToday === undefined) delete process.env.CGCT_TODAY;
    else process.env.CGCT_TODAY = savedToday;
  });

  it('takes and shows dates as jj/mm/aaaa even in a browser set to English, and explains a wrong one in French', async () => {
    const page = await openPage(browser, 'en-US');
    await page.goto(`${server.origin}/articles/L1115-1`);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(await page.getAttribute('#as-of', 'placeholder')).toBe('jj/mm/aaaa');
    expect(await page.locator('.as-of-note').textContent()).toBe(' Version en vigueur aujourd’hui (01/12/2026).');
    expect(await page.locator('.meta').textContent()).toContain('Version en vigueur depuis le 29/01/2014');
    for (const [typed, message] of [
      ['31/02/2010', 'Le 31/02/2010 n’existe pas dans le calendrier.'],
      ['mars 2010', '« mars 2010 » n’est pas une date : écrivez-la jj/mm/aaaa, par exemple 01/01/2010.'],
      ['01/01/1990', 'Choisissez une date du 24/02/1996 au 01/12/2026.'],
      ['02/12/2026', 'Choisissez une date du 24/02/1996 au 01/12/2026.'],
    ]) {
      await typeDate(page, typed!);
      await expect.poll(() => page.locator('.as-of-error').textContent(), POLL).toBe(message);
      // The address does not change, and the typed text stays to be corrected.
      expect(page.url()).toBe(`${server.origin}/articles/L1115-1`);
      expect(await page.inputValue('#as-of')).toBe(typed);
      expect(await page.getAttribute('#as-of', 'aria-invalid')).toBe('true');
    }
    await saveScreenshot(page, 'date-error');
    await typeDate(page, '15/3/2010');
    await page.waitForURL(/\?date=2010-03-15$/);
    await expect.poll(() => page.locator('.meta').textContent(), POLL).toContain('Version du 02/02/2007 au 29/01/2014');
    expect(await page.inputValue('#as-of')).toBe('15/03/2010');
    expect(await page.locator('.as-of-note').textContent()).toBe(' Version en vigueur le 15/03/2010.');
    expect(await page.locator('.as-of-error').isHidden()).toBe(true);
    expect(await page.locator('.article-text').textContent()).toBe(SAMPLE_OLD_TEXT_L1115_1);
    expect(await page.title()).toBe('Article L. 1115-1 au 15/03/2010 — CGCT');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('shows a repealed article\'s life instead of an error, keeps the date, and leads to the version in force just before', async () => {
    const page = await openPage(browser);
    // L4141-2 in 2005 cites L4131-1, then in force; the reader follows the reference at that date.
    await page.goto(`${server.origin}/articles/L4141-2?date=2005-01-01`);
    await page.locator('.article-text a.ref-resolved', { hasText: 'L. 4131-1' }).click();
    await page.waitForURL(/\/articles\/L4131-1\?date=2005-01-01$/);
    await page.locator('h1', { hasText: 'Article L. 4131-1' }).waitFor();
    await typeDate(page, '01/01/2010');
    await page.waitForURL(/\/articles\/L4131-1\?date=2010-01-01$/);
    const notInForce = page.locator('.not-in-force');
    await notInForce.waitFor(POLL);
    expect(await notInForce.locator('h1').textContent()).toBe('Article L. 4131-1');
    expect(await notInForce.locator('.not-in-force-date').textContent()).toBe('Cet article n’est pas en vigueur le 01/01/2010.');
    expect(await notInForce.locator('.not-in-force-reason').textContent()).toBe(`Abrogé le 12/03/2009 par ${SAMPLE_REPEALED_BY}.`);
    expect(await notInForce.locator('.life-periods').textContent()).toBe('En vigueur du 24/02/1996 au 12/03/2009.');
    // The date field is still there, with the date read.
    expect(await page.inputValue('#as-of')).toBe('01/01/2010');
    expect(await notInForce.locator('.version-after').count()).toBe(0);
    expect(await page.title()).toBe('Article L. 4131-1 — pas en vigueur le 01/01/2010 — CGCT');
    await saveScreenshot(page, 'not-in-force-repealed');
    await notInForce.locator('.version-before a').click();
    await page.waitForURL(/\/articles\/L4131-1\?date=2009-03-11$/);
    await page.locator('.article-text').waitFor();
    expect(await page.locator('.meta').textContent()).toContain('Version du 24/02/1996 au 12/03/2009');
    expect(await page.inputValue('#as-of')).toBe('11/03/2009');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says a deferred article is not yet in force, and opens its future version on the day it starts', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L2131-7`);
    const notInForce = page.locator('.not-in-force');
    await notInForce.waitFor(POLL);
    expect(await notInForce.locator('.not-in-force-date').textContent()).toBe('Cet article n’est pas en vigueur aujourd’hui (01/12/2026).');
    expect(await notInForce.locator('.not-in-force-reason').textContent()).toBe('Pas encore en vigueur (à partir du 01/01/2038).');
    expect(await notInForce.locator('.version-list').textContent()).toContain('LOI n° 2024-5 du 3 janvier 2024 - art. 12 (VD)');
    expect(await page.inputValue('#as-of')).toBe('');
    await saveScreenshot(page, 'not-in-force-deferred');
    await notInForce.locator('.version-after a').click();
    await page.waitForURL(/\/articles\/L2131-7\?date=2038-01-01$/);
    await page.locator('.article-text').waitFor();
    expect(await page.locator('.meta').textContent()).toContain('Version en vigueur depuis le 01/01/2038');
    expect(await page.inputValue('#as-of')).toBe('01/01/2038');
    expect(await page.locator('.version.shown .status-deferred').textContent()).toBe('à venir');
    // A repealed article whose dates no source gives: said so, no invented span.
    await page.goto(`${server.origin}/articles/L1112-2`);
    await page.locator('.not-in-force').waitFor(POLL);
    expect(await page.locator('.not-in-force-reason').textContent()).toBe('Cet article est abrogé ; la date de son abrogation n’est pas connue.');
    expect(await page.locator('.not-in-force .life-periods').count()).toBe(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('explains references to repealed and future numbers with their dates, and links their articles', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L4141-2`);
    const repealed = page.locator('.article-text .ref-unresolved', { hasText: 'L. 4131-1' });
    await repealed.hover();
    const preview = page.locator('#reference-preview');
    await expect.poll(() => preview.textContent(), POLL).toContain(`Raison : abrogé le 12/03/2009 par ${SAMPLE_REPEALED_BY}.`);
    expect(await preview.locator('a.number-article').getAttribute('href')).toBe('/articles/L4131-1');
    await saveScreenshot(page, 'reference-repealed');
    await page.goto(`${server.origin}/articles/L2131-6`);
    await page.locator('.article-text .ref-unresolved', { hasText: 'L. 2131-7' }).hover();
    await expect.poll(() => preview.textContent(), POLL).toContain('Raison : pas encore en vigueur (à partir du 01/01/2038).');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('lists the versions with every amending text and the corpus of each text, and compares any two chosen', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    const versions = page.locator('.version-list > li');
    await versions.first().waitFor();
    expect(await versions.count()).toBe(3);
    const newest = versions.nth(0);
    expect(await newest.locator('.version-head strong').textContent()).toBe('Depuis le 29/01/2014');
    expect(await newest.locator('.version-shown').textContent()).toBe('version affichée');
    expect(await newest.locator('.amendments li').allTextContents()).toEqual(['Loi n° 2014-58 du 27 janvier 2014', 'Ordonnance n° 2014-60 du 27 janvier 2014']);
    expect(await newest.locator('.provenance').textContent()).toBe('Texte lu dans : legifrance-md');
    expect(await newest.locator('.enacted-by').textContent()).toBe('Modifié par : LOI n°2014-58 du 27 janvier 2014 - art. 3 (V)');
    // The law that made it opens on Légifrance, in a new tab, at the JORFTEXT id a link of the source gave.
    const enacting = newest.locator('.enacted-by a.legifrance');
    expect(await enacting.getAttribute('href')).toBe('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000028526298');
    expect(await enacting.getAttribute('target')).toBe('_blank');
    expect(await enacting.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await enacting.getAttribute('title')).toBe('Ouvrir sur Légifrance');
    expect(await enacting.evaluate((link) => getComputedStyle(link, '::after').content)).toContain('↗');
    // So does "Modifié par" in "Liens relatifs"; a law whose id no link gave is a search, and says so.
    expect(await page.locator('.related-links a.legifrance').first().getAttribute('href')).toBe('https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000028526298');
    const search = page.locator('.links .outgoing a.legifrance-search');
    expect(await search.textContent()).toBe('Loi n° 92-125 du 6 février 1992');
    expect(await search.getAttribute('href')).toBe('https://www.legifrance.gouv.fr/search/all?tab_selection=all&searchField=ALL&query=Loi%20n%C2%B0%2092-125%20du%206%20f%C3%A9vrier%201992');
    expect(await search.getAttribute('title')).toBe('Rechercher sur Légifrance');
    expect(await search.evaluate((link) => getComputedStyle(link, '::after').content)).toContain('recherche');
    expect(await versions.nth(1).locator('.version-head strong').textContent()).toBe('Du 02/02/2007 au 29/01/2014');
    expect(await versions.nth(2).locator('.provenance').textContent()).toBe('Texte lu dans : etalab');
    expect(await page.locator('.life-sources').textContent()).toBe('Sources : legifrance-md.');
    // By default, the version shown against the one before it.
    expect(await page.locator('#diff-from option:checked').textContent()).toBe('du 02/02/2007');
    expect(await page.locator('#diff-to option:checked').textContent()).toBe('du 29/01/2014');
    await page.selectOption('#diff-from', { label: 'du 30/07/2004' });
    await page.selectOption('#diff-to', { label: 'du 02/02/2007' });
    const diff = page.locator('.diff-output .diff-text');
    await expect.poll(() => page.locator('.diff-output .note').textContent(), POLL).toContain('de la version du 30/07/2004 à la version du 02/02/2007');
    // Read without the deletions, the comparison is the newer text; without the insertions, the older.
    const without = (tag: 'ins' | 'del') => diff.evaluate((element, removed) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll(removed).forEach((node) => node.remove());
      return copy.textContent;
    }, tag);
    expect(await without('del')).toBe(SAMPLE_OLD_TEXT_L1115_1);
    expect(await without('ins')).toBe(SAMPLE_TEXT_L1114_1);
    expect(await diff.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('dans les limites de leurs compétences')]));
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    await page.locator('.version-diff').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'versions-diff');
    // When the version shown is the oldest (L2131-2 today, before its deferred one), it is compared with the next.
    await page.goto(`${server.origin}/articles/L2131-2`);
    await page.locator('.version-diff').waitFor(POLL);
    expect(await page.locator('#diff-from option:checked').textContent()).toBe('du 01/01/2004');
    expect(await page.locator('#diff-to option:checked').textContent()).toBe('du 01/01/2038');
    expect(await page.locator('.diff-output .diff-text ins').count()).toBeGreaterThan(0);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('links a renumbered text both ways: « anciennement L. 1114-1 », « devenu L. 1115-1 le 30/07/2004 »', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1115-1`);
    const former = page.locator('.former-number');
    await former.waitFor(POLL);
    expect(await former.textContent()).toBe('Anciennement L. 1114-1 (numéro changé le 30/07/2004).');
    await saveScreenshot(page, 'article-life');
    // The old number opens on its last day, when it was in force.
    await former.locator('a').click();
    await page.waitForURL(/\/articles\/L1114-1\?date=2004-07-29$/);
    await page.locator('h1', { hasText: 'Article L. 1114-1' }).waitFor();
    expect(await page.locator('.article-text').textContent()).toBe(SAMPLE_TEXT_L1114_1);
    const renumbered = page.locator('.renumbered-as');
    expect(await renumbered.textContent()).toBe('Devenu L. 1115-1 le 30/07/2004.');
    await renumbered.locator('a').click();
    await page.waitForURL(/\/articles\/L1115-1\?date=2004-07-30$/);
    await expect.poll(() => page.locator('.meta').textContent(), POLL).toContain('Version du 30/07/2004 au 02/02/2007');
    expect(await page.locator('.article-text').textContent()).toBe(SAMPLE_TEXT_L1114_1);
    // Today the old number is out of the code: its page says so and leads to the new one.
    await page.goto(`${server.origin}/articles/L1114-1`);
    await page.locator('.not-in-force').waitFor(POLL);
    expect(await page.locator('.not-in-force-reason').textContent()).toBe('Son texte est devenu l’article L. 1115-1 le 30/07/2004.');
    expect(await page.locator('.not-in-force .renumbered-as a').getAttribute('href')).toBe('/articles/L1115-1');
    await saveScreenshot(page, 'not-in-force-renumbered');
    // Searched for, the old number is found though it is out of today's code: listed, marked, and why.
    await page.goto(`${server.origin}/recherche?q=L.%201114-1`);
    await page.locator('.not-in-force-hit').waitFor(POLL);
    expect(await page.locator('.result-list .result-title').first().textContent()).toBe('Article L. 1114-1');
    expect(await page.locator('.not-in-force-hit').textContent()).toBe('L’article L. 1114-1 n’est pas en vigueur aujourd’hui : devenu L. 1115-1 le 30/07/2004. Sa page dit quand il l’était et mène à ses versions.');
    expect(await page.locator('.not-in-force-hit a').getAttribute('href')).toBe('/articles/L1114-1');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('says when a number was taken by another text the day its own text moved, instead of « devenu »', async () => {
    const page = await openPage(browser);
    // The corpus has such a case (L5211-8 → L5211-15 on 13/07/1999, L5211-8 reused that day); the
    // sample graph has not, so the server's answer for this one article is written here.
    const summary = { id: 'L5211-15', number: 'L. 5211-15', status: 'IN_FORCE', excerpt: '' };
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { query: string; variables?: { id?: string } };
      if (body.variables?.id !== 'L5211-8' || !body.query.includes('articleLife')) return route.continue();
      return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: { today: TODAY, articleLife: {
        id: 'L5211-8', number: 'L. 5211-8', status: 'IN_FORCE', sources: ['legifrance-md'], inForceFrom: '1996-02-24', repealedOn: null, repealedBy: null,
        periods: [{ from: '1996-02-24', to: null }], versions: [], formerNumbers: [], renumberedAs: [{ article: summary, date: '1999-07-13', evidence: 'git-rename' }],
      } } }) });
    });
    await page.goto(`${server.origin}/articles/L5211-8`);
    const line = page.locator('.renumbered-as');
    await line.waitFor(POLL);
    expect(await line.textContent()).toBe('Le texte en vigueur jusqu’au 13/07/1999 est devenu L. 5211-15 ; le numéro a été repris par un autre texte.');
    expect(await line.locator('a').getAttribute('href')).toBe('/articles/L5211-15');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('lists the amendments of a period typed jj/mm/aaaa, with links to the articles they created, modified and repealed', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/`);
    await page.locator('.site-header a', { hasText: 'Modifications' }).click();
    await page.waitForURL(/\/modifications$/);
    // By default the year up to today, when the sample graph has no amendment.
    await expect.poll(() => page.locator('.changes-total').textContent(), POLL).toBe('0 modification du 01/12/2025 au 01/12/2026 (aujourd’hui)');
    expect(await page.locator('.changes .empty').textContent()).toBe('Aucun texte n’a modifié le code pendant cette période.');
    await page.fill('#changes-since', '32/01/2000');
    await page.press('#changes-since', 'Enter');
    await expect.poll(() => page.locator('.changes-period .as-of-error').textContent(), POLL).toBe('Début : Le 32/01/2000 n’existe pas dans le calendrier.');
    await page.fill('#changes-since', '01/01/2000');
    await page.press('#changes-since', 'Enter');
    await page.waitForURL(/\/modifications\?du=2000-01-01$/);
    await expect.poll(() => page.locator('.changes-total').textContent(), POLL).toBe('4 modifications du 01/01/2000 au 01/12/2026 (aujourd’hui)');
    const changes = page.locator('.change-list > li');
    expect(await changes.evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))).toEqual(['c0ffee01', 'c0ffee02', 'a1b2c3d4', 'a1b2c3d5']);
    const renumbering = changes.first();
    expect(await renumbering.locator('.change-head').textContent()).toBe('30/07/2004 — LOI n° 2004-809 du 13 août 2004 - art. 139');
    expect(await renumbering.locator('.added a').getAttribute('href')).toBe('/articles/L1115-1?date=2004-07-30');
    // An id the graph does not hold is named, not linked; a repealed article opens on its last day.
    expect(await renumbering.locator('.modified').textContent()).toBe('Articles modifiés : L9999-9');
    expect(await renumbering.locator('.modified a').count()).toBe(0);
    expect(await renumbering.locator('.repealed a').getAttribute('href')).toBe('/articles/L1114-1?date=2004-07-29');
    const law = changes.nth(2);
    expect(await law.locator('.change-citations summary').textContent()).toBe('Citations : 2 ajoutées, 0 supprimée');
    await law.locator('.change-citations summary').click();
    expect(await law.locator('.change-citations li').allTextContents()).toEqual(['+ L1115-1 → L4142-1', '+ L1115-1 → L1115-9']);
    await saveScreenshot(page, 'changes');
    // A period running into the future shows the deferred amendment, marked « à venir ».
    await page.fill('#changes-until', '31/12/2040');
    await page.press('#changes-until', 'Enter');
    await page.waitForURL(/\/modifications\?du=2000-01-01&au=2040-12-31$/);
    await expect.poll(() => page.locator('.changes-total').textContent(), POLL).toBe('5 modifications du 01/01/2000 au 31/12/2040');
    expect(await changes.last().locator('.status-deferred').textContent()).toBe('à venir');
    await renumbering.locator('.added a').click();
    await page.waitForURL(/\/articles\/L1115-1\?date=2004-07-30$/);
    await page.locator('h1', { hasText: 'Article L. 1115-1' }).waitFor();
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
