/**
 * The graph panel's path finder (web/src/path-api.ts, path-description.ts) in chromium over the
 * sample graph: "how does A depend on B" follows the citations' direction and shows the chain in
 * citation order; an undirected link is labelled as no dependency; a missing article is named.
 * Chain of the sample: L4142-1 → L3132-1 → L2131-6 → L2131-1; L1115-1 cites L2131-1 and L4142-1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePath, formatChain } from '../../web/src/path-description.ts';
import type { CitationChain } from '../../web/src/path-api.ts';
import { openWebUiSession, type WebUiSession } from '../helpers/web-ui-session.ts';
import { openPage, saveScreenshot, waitForGraph } from '../helpers/browser.ts';

let session: WebUiSession;

beforeAll(async () => {
  // Neo4j plans each statement on its first run: on a busy machine a first impact walk took
  // about 10 s, the default transaction timeout.
  session = await openWebUiSession(undefined, { queryTimeoutMs: 60_000 });
});

afterAll(() => session?.close());

async function statusOfPath(from: string, to: string): Promise<{ status: string; highlighted: string[] }> {
  const page = await openPage(session.browser);
  await page.goto(`${session.server.origin}/articles/${from}?chemin=${encodeURIComponent(to)}`);
  await waitForGraph(page);
  const status = (await page.locator('.graph-status').textContent()) ?? '';
  const highlighted = await page.evaluate(() => window.cgctGraph!.nodes('.highlighted').map((node) => node.id()).sort());
  await saveScreenshot(page, `path-${from}-${to.replace(/\W+/g, '')}`);
  expect(page.errors).toEqual([]);
  await page.close();
  return { status, highlighted };
}

describe('the path finder', () => {
  it('shows the chain of citations from L4142-1 to L2131-1 in citation order', async () => {
    const { status, highlighted } = await statusOfPath('L4142-1', 'L. 2131-1');
    expect(status).toContain('Chaîne de citations de L4142-1 vers L2131-1 (en rose ; chaque article cite le suivant) : L4142-1 → L3132-1 → L2131-6 → L2131-1.');
    expect(highlighted).toEqual(['L2131-1', 'L2131-6', 'L3132-1', 'L4142-1']);
  });

  it('says L2131-1 does not depend on L4142-1, and labels the undirected link as no dependency', async () => {
    const { status } = await statusOfPath('L2131-1', 'L4142-1');
    expect(status).toContain('Aucune chaîne de citations de L2131-1 vers L4142-1 ; un lien non orienté existe : L2131-1 ← L1115-1 → L4142-1 (ce n’est pas une chaîne de dépendance).');
  });

  it('names an article that does not exist as missing, not as "no path"', async () => {
    const { status, highlighted } = await statusOfPath('L2131-1', 'L9999-9');
    expect(status).toContain('Article inexistant : L9999-9.');
    expect(status).not.toContain('Aucun chemin');
    expect(highlighted).toEqual([]);
  });
});

const chain: CitationChain = {
  length: 2,
  nodes: [{ id: 'L2131-1', label: 'L2131-1', kind: 'ARTICLE' }, { id: 'L1115-1', label: 'L1115-1', kind: 'ARTICLE' }, { id: 'L4142-1', label: 'L4142-1', kind: 'ARTICLE' }],
  edges: [
    { id: 'a', source: 'L1115-1', target: 'L2131-1', type: 'CITES' },
    { id: 'b', source: 'L1115-1', target: 'L4142-1', type: 'CITES' },
  ],
};

describe('describePath', () => {
  it('points each arrow the way its citation goes', () => {
    expect(formatChain(chain)).toBe('L2131-1 ← L1115-1 → L4142-1');
  });

  it('says when neither way links the two articles', () => {
    expect(describePath({ kind: 'none' }, 'L2131-1', 'R2131-1')).toBe('Aucun chemin de citations entre L2131-1 et R2131-1, dans un sens ou dans l’autre.');
  });
});
