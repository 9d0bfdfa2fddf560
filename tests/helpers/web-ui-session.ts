/**
 * What every browser test file starts from: the sample graph in the tests' Neo4j (plus whatever
 * `prepareGraph` adds), the web UI built, the server on a free port, and chromium.
 *
 *   let session: WebUiSession;
 *   beforeAll(async () => { session = await openWebUiSession(); });
 *   afterAll(() => session?.close());
 */
import type { Driver } from 'neo4j-driver';
import type { Browser } from 'playwright-core';
import { buildWebUi, launchBrowser, removeWebUi } from './browser.ts';
import { startTestServer, type TestServer } from './graphql-server.ts';
import type { AppOptions } from '../../server/app.ts';
import { clearGraph, openTestDriver } from './neo4j.ts';
import { loadSampleGraph } from './sample-graph.ts';

/** A running set-up; `close` stops everything it started. */
export interface WebUiSession {
  driver: Driver;
  server: TestServer;
  browser: Browser;
  close: () => Promise<void>;
}

/** Loads the sample graph, builds and serves the UI (with `serverOptions` over buildApp's), launches chromium. */
export async function openWebUiSession(prepareGraph?: (driver: Driver) => Promise<void>, serverOptions: Partial<Omit<AppOptions, 'driver' | 'webDistDir'>> = {}): Promise<WebUiSession> {
  const driver = await openTestDriver();
  await clearGraph(driver);
  await loadSampleGraph(driver);
  await prepareGraph?.(driver);
  const distDir = await buildWebUi();
  const server = await startTestServer({ webDistDir: distDir, ...serverOptions });
  const browser = await launchBrowser();
  return {
    driver,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await driver.close();
      removeWebUi(distDir);
    },
  };
}
