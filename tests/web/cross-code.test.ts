/**
 * Issue 12's acceptance on the real corpora: the CGCT's history (cgct-legifrance-md) with four
 * other codes of all-codes-tip.bundle beside it. A reference of the CGCT to another code leads to
 * that code's article, in the API and in the page, and back; the same number in two codes is two
 * articles; impact and paths cross codes.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCodesIngest } from '../../ingest/codes/run-codes-ingest.ts';
import { runHistoryBuild } from '../../ingest/history/run-history-build.ts';
import { PROJECT_ROOT } from '../../neo4j/local-server-options.ts';
import type { TestServer } from '../helpers/graphql-server.ts';
import { clearGraph } from '../helpers/neo4j.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot } from '../helpers/browser.ts';

const CORPUS = path.join(PROJECT_ROOT, '..', 'shared', 'corpus');
const TODAY = '2026-12-01';
const POLL = { timeout: 15_000 };

interface Node {
  id: string;
  kind: string;
  code: string | null;
}

describe('references across codes, on the real corpora', () => {
  let session: WebUiSession;
  let server: TestServer;
  let browser: Browser;
  const savedToday = process.env.CGCT_TODAY;

  beforeAll(async () => {
    process.env.CGCT_TODAY = TODAY;
    session = await openWebUiSession(async (driver) => {
      await clearGraph(driver);
      await runHistoryBuild(driver, [{ location: path.join(CORPUS, 'cgct-legifrance-md-history.bundle') }], { today: TODAY });
      await runCodesIngest(driver, path.join(CORPUS, 'all-codes-tip.bundle'), { only: ['code-de-lurbanisme', 'code-de-la-securite-interieure', 'code-du-travail', 'code-electoral'] });
    });
    ({ server, browser } = session);
  }, 900_000);

  afterAll(async () => {
    await session?.close();
    if (savedToday === undefined) delete process.env.CGCT_TODAY;
    else process.env.CGCT_TODAY = savedToday;
  });

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`${server.origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return body.data;
  }

  it("resolves L1523-2's L. 300-5 of the code de l'urbanisme, and its « précité », to that code's article, which lists L1523-2 among what cites it", async () => {
    const { article } = await graphql<{ article: { references: Array<{ target: Node; code: string; resolution: string; spans: number[] }>; text: string } }>(
      `{ article(id: "L1523-2") { text references { target { id kind code } code resolution spans } } }`);
    const toL3005 = article.references.filter((reference) => reference.target.id === 'code-de-lurbanisme:L300-5');
    expect(toL3005.length).toBeGreaterThan(0);
    for (const reference of toL3005) expect(reference).toMatchObject({ code: 'code-de-lurbanisme', resolution: 'RESOLVED', target: { kind: 'ARTICLE', code: 'code-de-lurbanisme' } });
    const quoted = toL3005.flatMap((reference) => pairs(reference.spans).map(([start, end]) => article.text.slice(start, end)));
    expect(quoted.some((text) => /300-5/.test(text))).toBe(true);
    // "l'article L. 300-5 précité": the same article, not a CGCT look-alike.
    const precite = article.text.indexOf('L. 300-5 précité');
    expect(precite).toBeGreaterThan(0);
    expect(toL3005.some((reference) => pairs(reference.spans).some(([start]) => start === precite))).toBe(true);
    expect(article.references.some((reference) => reference.target.id === 'L300-5' || reference.target.id.includes('unresolved:CGCT|L300-5'))).toBe(false);

    const { other } = await graphql<{ other: { id: string; code: { id: string; title: string }; incoming: Array<{ type: string; nodes: Node[] }> } }>(
      `{ other: article(id: "L300-5", code: "code de l'urbanisme") { id code { id title } incoming { type nodes { id kind code } } } }`);
    expect(other.id).toBe('code-de-lurbanisme:L300-5');
    expect(other.code).toMatchObject({ id: 'code-de-lurbanisme', title: "Code de l'urbanisme" });
    const citedBy = other.incoming.find((group) => group.type === 'CITES')!.nodes.map((node) => node.id);
    expect(citedBy).toContain('L1523-2');
  });

  it("resolves L2333-55-3's « L. 321-1 et suivants du code de la sécurité intérieure » into that code, with no CGCT suggestion", async () => {
    const { article } = await graphql<{ article: { references: Array<{ target: Node; resolution: string; candidates: string[] }> } }>(
      `{ article(id: "L2333-55-3") { references { target { id kind code } resolution candidates } } }`);
    const toCsi = article.references.filter((reference) => reference.target.id.startsWith('code-de-la-securite-interieure:'));
    expect(toCsi.map((reference) => reference.target.id)).toContain('code-de-la-securite-interieure:L321-1');
    for (const reference of toCsi) expect(reference.candidates.every((candidate) => candidate.startsWith('code-de-la-securite-interieure:'))).toBe(true);
  });

  it('keeps the same number in two codes apart: L2131-1 of the CGCT and of the code du travail', async () => {
    const { cgct, travail } = await graphql<{ cgct: { id: string; code: { id: string }; text: string }; travail: { id: string; code: { id: string }; text: string } }>(
      `{ cgct: article(id: "L2131-1") { id code { id } text } travail: article(id: "L. 2131-1 du code du travail") { id code { id } text } }`);
    expect(cgct).toMatchObject({ id: 'L2131-1', code: { id: 'CGCT' } });
    expect(travail).toMatchObject({ id: 'code-du-travail:L2131-1', code: { id: 'code-du-travail' } });
    expect(travail.text).toMatch(/syndicats professionnels/i);
    expect(cgct.text).not.toEqual(travail.text);
  });

  it('tells what in the CGCT depends on an article of the code électoral, and finds a path across codes', async () => {
    const { impact } = await graphql<{ impact: { root: string; directCount: number; dependants: Array<{ article: { id: string }; distance: number }> } }>(
      `{ impact(id: "L343", code: "code électoral", maxDepth: 2) { root directCount dependants { article { id } distance } } }`);
    expect(impact.root).toBe('code-electoral:L343');
    const direct = impact.dependants.filter((dependant) => dependant.distance === 1).map((dependant) => dependant.article.id);
    // L1524-5 cites it; L1862-1 and L1862-3 only quote words an amendment replaces ("les mots : … L. 343 du code électoral"), no citation.
    expect(direct).toContain('L1524-5');
    expect(direct).not.toContain('L1862-1');
    expect(direct.filter((id) => id.startsWith('code-electoral:')).length).toBeGreaterThan(0);
    expect(impact.directCount).toBe(direct.length);

    const { path: chain } = await graphql<{ path: { nodes: Node[]; length: number } | null }>(
      `{ path(from: "L1523-2", to: "L300-4", toCode: "code-de-lurbanisme") { length nodes { id code } } }`);
    expect(chain).not.toBeNull();
    expect(chain!.nodes[0]!.id).toBe('L1523-2');
    expect(chain!.nodes.at(-1)!.id).toBe('code-de-lurbanisme:L300-4');
  });

  it('follows the reference in the page to the other code\'s article, which says its date and leads back', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/articles/L1523-2`);
    await page.locator('.article-text a.ref-resolved', { hasText: 'L. 300-5' }).first().click();
    await page.waitForURL(/\/codes\/code-de-lurbanisme\/articles\/L300-5$/);
    // Numbered as Légifrance prints the other codes' headings.
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Article L300-5');
    expect(await page.locator('.code-title').textContent()).toContain("Code de l'urbanisme");
    expect(await page.locator('main').textContent()).toContain('22/08/2026');
    await saveScreenshot(page, 'other-code-article');
    await page.locator('.links-column.incoming a[href="/articles/L1523-2"]').first().click();
    await page.waitForURL(/\/articles\/L1523-2$/);
    await expect.poll(() => page.locator('h1').textContent(), POLL).toBe('Article L1523-2');
    expect(page.errors).toEqual([]);
    await page.close();
  });
});

/** [start, end, start, end, …] → [[start, end], …]. */
function pairs(spans: number[]): Array<[number, number]> {
  const result: Array<[number, number]> = [];
  for (let i = 0; i + 1 < spans.length; i += 2) result.push([spans[i]!, spans[i + 1]!]);
  return result;
}
