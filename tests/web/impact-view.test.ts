/**
 * The impact panel of the article page (web/src/impact-view.ts) in chromium over the sample graph:
 * what a lawyer checks — the direct dependants' count is the API's, the distances, the citation
 * carrying each dependency on hover, an entry opens its article, the date read, the CSV.
 * impact(L2131-1) = L1115-1, L2131-2, L2131-6 at 1, L3132-1 at 2, L4142-1 at 3 (sample-graph.ts).
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toImpactCsv } from '../../web/src/impact-csv.ts';
import { describeDependency } from '../../web/src/impact-view.ts';
import type { Dependant } from '../../web/src/impact-api.ts';
import { SAMPLE_DEFERRED_DATE } from '../helpers/sample-graph.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

let session: WebUiSession;

beforeAll(async () => {
  // Neo4j plans each statement on its first run: on a busy machine a first impact walk took
  // about 10 s, the default transaction timeout.
  session = await openWebUiSession(undefined, { queryTimeoutMs: 60_000 });
});

afterAll(() => session?.close());

const READY = '.impact-panel[data-state="ready"]';

describe('the impact panel', () => {
  it('counts as many direct dependants of L2131-1 as the API, and an entry opens its article', async () => {
    const { body } = await session.server.graphql('{ impact(id: "L2131-1", maxDepth: 1) { directCount } }');
    const apiCount = body.data!.impact.directCount as number;
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L2131-1`);
    await page.waitForSelector(READY);
    expect(Number(await page.locator('.impact-counts').getAttribute('data-direct-count'))).toBe(apiCount);
    expect(await page.locator('.impact-counts li[data-distance="1"]').textContent()).toBe(`${apiCount} articles le citent directement`);
    expect(await page.locator('.impact-entry a').allTextContents()).toEqual(['L. 1115-1', 'L. 2131-2', 'L. 2131-6']);
    expect(await page.locator('.impact-group h4').allTextContents()).toEqual([
      'Chapitre V : Action extérieure des collectivités territoriales (1)',
      'Chapitre Ier : Contrôle de légalité (2)',
    ]);
    const entry = page.locator('.impact-entry a', { hasText: 'L. 2131-2' });
    expect(await entry.getAttribute('title')).toBe("L. 2131-1 cité par L. 2131-2 via « l'article L. 2131-1 »");
    await saveScreenshot(page, 'impact-panel');
    await entry.click();
    await page.waitForURL(/\/articles\/L2131-2$/);
    expect(await page.locator('h1').textContent()).toBe('Article L. 2131-2');
    expect(page.errors).toEqual([]);
  });

  it('follows the chain to distance 3 and names the citing article of each hop', async () => {
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L2131-1`);
    await page.waitForSelector(READY);
    await page.selectOption('#impact-depth', '3');
    await page.waitForSelector('.impact-counts li[data-distance="3"]');
    expect(await page.locator('.impact-counts li').allTextContents()).toEqual(['3 articles le citent directement', '1 article à distance 2', '1 article à distance 3']);
    expect(await page.locator('.impact-counts').textContent()).toContain('Total : 5 articles.');
    const far = page.locator('.impact-entry', { hasText: 'L. 4142-1' });
    expect(await far.getAttribute('title')).toBe("L. 3132-1 cité par L. 4142-1 via « l'article L. 3132-1 »");
    expect(await far.textContent()).toBe('L. 4142-1 par L. 3132-1 · distance 3');
    expect(page.errors).toEqual([]);
  });

  it('reads the citations in force on the date of the page', async () => {
    // L2131-2 no longer cites L2131-1 once its deferred version applies.
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L2131-1?date=${SAMPLE_DEFERRED_DATE}`);
    await page.waitForSelector(READY);
    expect(await page.locator('.impact-entry a').allTextContents()).toEqual(['L. 1115-1', 'L. 2131-6']);
    expect(await page.locator('.impact-panel').textContent()).toContain('au 01/01/2038');
  });

  it('downloads the list as a CSV that Excel opens with its accents', async () => {
    const page = await openPage(session.browser);
    await page.goto(`${session.server.origin}/articles/L2131-1`);
    await page.waitForSelector(READY);
    await page.selectOption('#impact-depth', '5');
    await page.waitForSelector('.impact-counts li[data-distance="3"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.impact-csv')]);
    expect(download.suggestedFilename()).toBe('impact-L2131-1.csv');
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Distance;Article;Code;Section;Cite (étape précédente);Citation;Trouvée dans');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe("3;L. 4142-1;Code général des collectivités territoriales;Chapitre II : Contrôle de légalité;L. 3132-1;l'article L. 3132-1;texte");
  });
});

const dependant = (overrides: Partial<Dependant>): Dependant => ({
  article: { id: 'L52-1', number: 'L. 52-1', status: 'IN_FORCE' },
  distance: 1,
  via: { id: 'L2131-1', number: 'L. 2131-1', status: 'IN_FORCE' },
  citation: null,
  provenance: ['METADATA'],
  section: null,
  code: { id: 'CGCT', title: 'Code général des collectivités territoriales' },
  ...overrides,
});

describe('describeDependency and toImpactCsv', () => {
  it('says where a citation known without words comes from', () => {
    expect(describeDependency(dependant({}))).toBe('L. 2131-1 cité par L. 52-1 (métadonnées de Légifrance)');
  });

  it('quotes a field holding the separator or quotes', () => {
    const csv = toImpactCsv([dependant({ citation: 'les articles L. 2131-1 ; "L. 2131-2"', provenance: ['TEXT', 'LINK'] })]);
    expect(csv.split('\r\n')[1]).toBe('1;L. 52-1;Code général des collectivités territoriales;;L. 2131-1;"les articles L. 2131-1 ; ""L. 2131-2""";texte, lien');
  });
});
