/**
 * What the browser tests and the benchmark need: the web UI built by Vite (into a folder of its
 * own, so a test never overwrites the web/dist another process serves), and Debian's chromium
 * driven by playwright-core (never a downloaded browser).
 *
 *   const distDir = await buildWebUi();
 *   const server = await startTestServer({ webDistDir: distDir });
 *   const browser = await launchBrowser();
 *   const page = await openPage(browser);
 *   await page.goto(`${server.origin}/articles/L1115-1`);
 *   await saveScreenshot(page, 'article');
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where screenshots go (git-ignored), to be looked at. */
export const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'artifacts', 'web');

/** Debian's chromium; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds the UI with web/vite.config.ts into a fresh temporary folder and returns it. Not under
 * .cache: express's sendFile refuses paths through a dot-folder (its `dotfiles: 'ignore'`).
 */
export async function buildWebUi(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(tmpdir(), 'cgct-web-dist-'));
  await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Deletes a folder made by buildWebUi. */
export function removeWebUi(outDir: string): void {
  rmSync(outDir, { recursive: true, force: true });
}

/** Starts headless chromium with everything that phones home turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page the size of a laptop screen, in French (or `locale`), collecting in `errors` the page's uncaught errors and what
 * it logs as errors (a failed request the test did not provoke shows up there too).
 */
export async function openPage(browser: Browser, locale = 'fr-FR'): Promise<Page & { errors: string[] }> {
  const page = (await browser.newPage({ viewport: { width: 1400, height: 900 }, locale })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') page.errors.push(`console: ${message.text()}`);
  });
  return page;
}

/** The page's errors but the browser's own log lines for requests a test refused on purpose. */
export function errorsBesidesRefusedRequests(page: { errors: string[] }): string[] {
  return page.errors.filter((error) => !error.includes('Failed to load resource'));
}

/** Saves a screenshot as tests/artifacts/web/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Waits until the graph panel has drawn (its canvas says `data-state="ready"`). */
export async function waitForGraph(page: Page): Promise<void> {
  await page.waitForSelector('.graph-canvas[data-state="ready"]');
}

/** The ids of the nodes drawn in the graph panel. */
export function graphNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cgctGraph?.nodes().map((node) => node.id()) ?? []);
}

/** Clicks (or double-clicks) a node of the graph where it is drawn, as a user would. */
/** A node's label as drawn on screen. */
export interface DrawnLabel { id: string; x1: number; y1: number; x2: number; y2: number }

/** The labels drawn (not hidden for want of room), as Cytoscape boxes them on screen. */
export function visibleLabels(page: Page): Promise<DrawnLabel[]> {
  return page.evaluate(() => window.cgctGraph!.nodes().filter((node) => !node.hasClass('label-hidden') && Boolean(node.data('label'))).map((node) => {
    const box = node.renderedBoundingBox({ includeLabels: true, includeNodes: false, includeEdges: false, includeOverlays: false });
    return { id: node.id(), x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
  }));
}

/** Every pair of labels drawn over each other, "a × b", by comparing each with each. */
export function overlappingLabels(labels: DrawnLabel[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) pairs.push(`${a.id} × ${b.id}`);
    }
  }
  return pairs;
}

/** Nodes drawn inside a chapter's box that is not theirs, "node in box". */
export function nodesInForeignBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = window.cgctGraph!;
    const intruders: string[] = [];
    for (const box of cy.nodes(':parent').toArray()) {
      const frame = box.boundingBox({ includeLabels: false });
      for (const node of cy.nodes(':childless').toArray()) {
        const { x, y } = node.position();
        if (!node.parent().same(box) && x > frame.x1 && x < frame.x2 && y > frame.y1 && y < frame.y2) intruders.push(`${node.id()} in ${box.id()}`);
      }
    }
    return intruders;
  });
}

/**
 * Clicks a chapter's box (a compound node) in its frame, just inside its top edge, where none of
 * its articles is (edges let clicks through); its name may be hidden for want of room.
 */
export async function clickChapterBox(page: Page, id: string): Promise<void> {
  const frame = await page.evaluate((boxId) => window.cgctGraph!.getElementById(boxId).renderedBoundingBox({ includeLabels: false, includeOverlays: false }), id);
  const box = await page.locator('.graph-canvas').boundingBox();
  if (!box) throw new Error('The graph panel is not on screen.');
  await page.mouse.click(box.x + (frame.x1 + frame.x2) / 2, box.y + frame.y1 + 2);
}

export async function clickGraphNode(page: Page, id: string, clickCount: 1 | 2 = 1): Promise<void> {
  const position = await page.evaluate((nodeId) => window.cgctGraph!.getElementById(nodeId).renderedPosition(), id);
  const box = await page.locator('.graph-canvas').boundingBox();
  if (!box) throw new Error('The graph panel is not on screen.');
  const x = box.x + position.x;
  const y = box.y + position.y;
  if (clickCount === 2) await page.mouse.dblclick(x, y);
  else await page.mouse.click(x, y);
}
