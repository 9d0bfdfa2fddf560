import { createServer, type Server } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDriver, readRows, writeRows } from '../../neo4j/driver.ts';
import { describeInstanceFiles } from '../../neo4j/local-server-options.ts';
import { startLocalServer, stopLocalServer } from '../../neo4j/local-server.ts';
import { checkFreeDisk, checkJars, checkJava } from '../../neo4j/preflight.ts';
import { createPassword } from '../../neo4j/initial-password.ts';
import { clearGraph, resolveTestServerOptions, runCgct, withoutExternalNeo4j } from '../helpers/neo4j.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'cgct-neo4j-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The environment that makes `cgct db …` manage the tests' server rather than the product's. */
function testServerEnv(): NodeJS.ProcessEnv {
  const options = resolveTestServerOptions();
  return withoutExternalNeo4j({ CGCT_BOLT_PORT: String(options.port), CGCT_NEO4J_HOME: options.homeDir });
}

describe('the local Neo4j server', () => {
  it('keeps the data across a clean restart', async () => {
    const options = resolveTestServerOptions();
    let driver = await openDriver();
    await clearGraph(driver);
    await writeRows(driver, "CREATE (:Article {id: 'L1115-1', title: 'Coopération décentralisée'})");
    await driver.close();

    const stopped = await stopLocalServer(options);
    expect(stopped).toMatchObject({ status: 'stopped', forced: false });
    expect(readFileSync(describeInstanceFiles(options.homeDir).neo4jLog, 'utf8')).toMatch(/Stopping\.\.\.\n.*Stopped\.\n$/);
    const restarted = await startLocalServer(options);
    expect(restarted.status).toBe('started');

    driver = await openDriver();
    try {
      expect(await readRows(driver, 'MATCH (a:Article) RETURN a.id AS id, a.title AS title')).toEqual([
        { id: 'L1115-1', title: 'Coopération décentralisée' },
      ]);
    } finally {
      await driver.close();
    }
  });

  it('says so when `db start` finds it already running', async () => {
    const result = await runCgct(['db', 'start'], testServerEnv());
    expect(result.stdout).toMatch(/^Neo4j is already running on bolt:\/\/127\.0\.0\.1:\d+ \(pid \d+\)\. Schema applied\.$/m);
    expect(result.code).toBe(0);
  });

  it('reports its status, and the status of a server that is not running', async () => {
    const running = await runCgct(['db', 'status'], testServerEnv());
    expect(running.stdout).toMatch(/Neo4j\/5\.26\.\d+ answers at bolt:\/\/127\.0\.0\.1:\d+: \d+ nodes, \d+ relationships\./);
    const stopped = await runCgct(['db', 'status'], withoutExternalNeo4j({ CGCT_BOLT_PORT: '7799', CGCT_NEO4J_HOME: path.join(scratch, 'none') }));
    expect(stopped).toMatchObject({ code: 3, stdout: expect.stringContaining('Neo4j is not running (port 7799') });
  });

  describe('when the port is taken', () => {
    let squatter: Server;
    let port: number;
    beforeAll(async () => {
      squatter = createServer();
      await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
      port = (squatter.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => squatter.close(() => resolve())));

    it('names the process holding it and starts nothing', async () => {
      const home = path.join(scratch, 'taken');
      const result = await runCgct(['db', 'start'], withoutExternalNeo4j({ CGCT_BOLT_PORT: String(port), CGCT_NEO4J_HOME: home }));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} is already taken by pid ${process.pid} (`);
      expect(result.stderr).toContain('choose another port with CGCT_BOLT_PORT');
      expect(existsSync(describeInstanceFiles(home).pidFile)).toBe(false);
    });
  });

  it('shows the tail of its log when Neo4j dies at start, and leaves nothing running', async () => {
    const home = path.join(scratch, 'dying');
    // A page cache larger than any machine's memory: Neo4j refuses to start.
    const env = withoutExternalNeo4j({ CGCT_BOLT_PORT: '7798', CGCT_NEO4J_HOME: home, CGCT_NEO4J_PAGECACHE: '100000g', CGCT_NEO4J_HEAP: '256m' });
    const result = await runCgct(['db', 'start'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Neo4j stopped during start-up \(exit code \d+\)\.\nLast lines of Neo4j's logs/);
    expect(result.stderr).toContain('Invalid memory configuration - exceeds physical memory');
    expect((await runCgct(['db', 'status'], env)).code).toBe(3);
  });

  it('says how to install Java when there is none', async () => {
    const result = await runCgct(['db', 'start'], withoutExternalNeo4j({ JAVA_HOME: path.join(scratch, 'no-java'), CGCT_NEO4J_HOME: path.join(scratch, 'java') }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Java was not found \(".*no-java\/bin\/java": ENOENT\)\. Neo4j 5\.26 needs Java 17 or 21: install it/);
    expect(() => checkJava('java')).not.toThrow();
  });

  it('says how to get the jars when they are missing', () => {
    expect(() => checkJars(path.join(scratch, 'no-lib'))).toThrow(/Neo4j's jars are missing from .*no-lib\. Run `node scripts\/setup\.js`/);
  });

  it('refuses to start on a disk without room for the store', () => {
    expect(() => checkFreeDisk(scratch, 2 ** 60)).toThrow(/^Not enough free disk for Neo4j: \d+ MiB free where .* lives, \d+ MiB needed\. Free some space/);
  });
});

describe('the generated password', () => {
  it('never starts with "-", which neo4j-admin would read as an option', () => {
    for (let draw = 0; draw < 2000; draw++) expect(createPassword()).not.toMatch(/^-/);
  });
});
