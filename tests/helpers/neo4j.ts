/**
 * The tests' Neo4j: a dedicated local server that tests/setup/neo4j-global-setup.ts starts before
 * the suite (port CGCT_TEST_BOLT_PORT, default 7688, its own store under .cache/neo4j/test-<port>)
 * and stops after it. The setup puts its address and password in NEO4J_URI / NEO4J_USER /
 * NEO4J_PASSWORD, so `openDriver()` and every `cgct` command run by a test reach it.
 *
 *   let driver: Driver;
 *   beforeAll(async () => { driver = await openTestDriver(); });
 *   beforeEach(() => clearGraph(driver));
 *   afterAll(() => driver.close());
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { openDriver, runAutoCommit } from '../../neo4j/driver.ts';
import { parsePort, PROJECT_ROOT, resolveLocalServerOptions, type LocalServerOptions } from '../../neo4j/local-server-options.ts';

/** Default Bolt port of the tests' server (the product's is 7687). */
export const DEFAULT_TEST_BOLT_PORT = 7688;

/** The tests' server: small, since it holds small graphs and shares 2 cores with the suite. */
export function resolveTestServerOptions(env: NodeJS.ProcessEnv = process.env): LocalServerOptions {
  const port = parsePort(env.CGCT_TEST_BOLT_PORT, DEFAULT_TEST_BOLT_PORT, 'CGCT_TEST_BOLT_PORT');
  return {
    ...resolveLocalServerOptions({ CGCT_NEO4J_LIB: env.CGCT_NEO4J_LIB }),
    port,
    homeDir: path.join(PROJECT_ROOT, '.cache', 'neo4j', `test-${port}`),
    heapSize: '1g',
    pageCacheSize: '256m',
    // C1 only: measured 9-25 s instead of 27-54 s to start on a loaded 2-core machine.
    extraJvmArgs: ['-XX:TieredStopAtLevel=1'],
  };
}

/** A driver on the tests' server; close it in afterAll. */
export function openTestDriver(): Promise<Driver> {
  if (!process.env.NEO4J_URI || process.env.NEO4J_URI !== process.env.CGCT_TEST_NEO4J_URI) {
    throw new Error(
      process.env.CGCT_TEST_NEO4J === 'off'
        ? 'This test needs the test Neo4j, which CGCT_TEST_NEO4J=off skipped: run it without that setting.'
        : 'NEO4J_URI is not the test Neo4j: run the tests with vitest, whose global setup starts it.',
    );
  }
  return openDriver();
}

/** Deletes every node and relationship (constraints and indexes stay), for a test to start clean. */
export async function clearGraph(driver: Driver): Promise<void> {
  await runAutoCommit(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** What a `cgct` command printed and returned. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/cgct.js …` as a user would (by default against the tests' server). */
export function runCgct(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(PROJECT_ROOT, 'bin', 'cgct.js'), ...args], { env, cwd: PROJECT_ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment without the NEO4J_* settings, so that `cgct` manages a local server. */
export function withoutExternalNeo4j(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE']) delete env[name];
  return env;
}
