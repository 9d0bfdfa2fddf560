/**
 * Vitest global setup: starts the tests' own Neo4j on a fresh store before any test file runs,
 * applies the graph schema, hands its address and password to the tests through NEO4J_URI /
 * NEO4J_USER / NEO4J_PASSWORD and CGCT_TEST_BOLT_PORT (the test workers inherit them), and stops
 * it at the end.
 *
 * Several engineers share one work tree: a run claims its port with an owner file, and when
 * CGCT_TEST_BOLT_PORT is not set, takes the first of 7688…7697 that no live run owns and no other
 * program listens on. CGCT_TEST_NEO4J=off skips it all, for a quick run of tests without a database.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { openDriver } from '../../neo4j/driver.ts';
import { describeInstanceFiles, parsePort } from '../../neo4j/local-server-options.ts';
import { startLocalServer, stopLocalServer } from '../../neo4j/local-server.ts';
import { isPortFree } from '../../neo4j/port-owner.ts';
import { isAlive } from '../../neo4j/stop-process.ts';
import { DEFAULT_TEST_BOLT_PORT, resolveTestServerOptions } from '../helpers/neo4j.ts';

function ownerFile(homeDir: string): string {
  return `${homeDir}.owner`;
}

/** Takes the port for this run unless a live run holds it; a dead run's claim is taken over. */
function claimPort(homeDir: string): boolean {
  const file = ownerFile(homeDir);
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return true;
    } catch {
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner > 0 && isAlive(owner)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

async function chooseTestPort(): Promise<number> {
  const fixed = process.env.CGCT_TEST_BOLT_PORT;
  const first = parsePort(fixed, DEFAULT_TEST_BOLT_PORT, 'CGCT_TEST_BOLT_PORT');
  const candidates = fixed ? [first] : Array.from({ length: 10 }, (_, i) => first + i);
  for (const port of candidates) {
    const options = resolveTestServerOptions({ ...process.env, CGCT_TEST_BOLT_PORT: String(port) });
    if (!claimPort(options.homeDir)) continue;
    // A server left by an interrupted run: ours to stop.
    await stopLocalServer(options);
    if (fixed || (await isPortFree(port))) return port;
    rmSync(ownerFile(options.homeDir), { force: true });
  }
  throw new Error(
    fixed
      ? `Another test run (see ${ownerFile(resolveTestServerOptions().homeDir)}) uses the test Neo4j on port ${first}: wait for it, or set CGCT_TEST_BOLT_PORT to another port.`
      : `Ports ${first}-${first + 9} are all in use by other test runs or programs: set CGCT_TEST_BOLT_PORT to a free port.`,
  );
}

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // For a quick run of tests that need no database: CGCT_TEST_NEO4J=off npx vitest run tests/ingest
  if (process.env.CGCT_TEST_NEO4J === 'off') return undefined;
  process.env.CGCT_TEST_BOLT_PORT = String(await chooseTestPort());
  const options = resolveTestServerOptions();
  const files = describeInstanceFiles(options.homeDir);
  try {
    // Every run starts from an empty store (and a new password).
    rmSync(files.dataDir, { recursive: true, force: true });
    rmSync(files.passwordFile, { force: true });
    const server = await startLocalServer(options);
    Object.assign(process.env, { NEO4J_URI: server.uri, NEO4J_USER: server.user, NEO4J_PASSWORD: server.password });
    // The mark openTestDriver checks, so that no test ever empties a database that is not this one.
    process.env.CGCT_TEST_NEO4J_URI = server.uri;
    delete process.env.NEO4J_DATABASE;
    const driver = await openDriver();
    try {
      await applySchema(driver);
    } finally {
      await driver.close();
    }
  } catch (error) {
    await stopLocalServer(options);
    rmSync(ownerFile(options.homeDir), { force: true });
    throw error;
  }
  return async () => {
    await stopLocalServer(options);
    rmSync(ownerFile(options.homeDir), { force: true });
  };
}
