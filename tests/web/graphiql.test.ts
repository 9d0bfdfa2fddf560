/**
 * GraphiQL in Debian's chromium: it draws its editors from the project's own files (no request to
 * another host), runs a query, and breaks no rule of its Content-Security-Policy.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/graphql-server.ts';
import { resetToSampleGraph } from '../helpers/sample-graph.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await resetToSampleGraph();
  server = await startTestServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

it('serves GraphiQL from the project itself, working under its CSP', async () => {
  const page = await openPage(browser, 'en-US');
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!/^(blob|data):/.test(request.url()) && !request.url().startsWith(server.origin)) elsewhere.push(request.url());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const answered = page.waitForResponse((response) => response.url().startsWith(`${server.origin}/graphql`) && response.request().method() === 'POST');
  await page.goto(`${server.origin}/graphql`);
  await page.waitForSelector('.graphiql-container .monaco-editor');
  // GraphiQL asks for the schema as it opens: the introspection passes the server's limits.
  expect((await answered).status()).toBe(200);
  expect(elsewhere).toEqual([]);
  expect(page.errors).toEqual([]);
});
