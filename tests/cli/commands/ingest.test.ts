/**
 * `cgct ingest --report FILE` against the real test Neo4j: every message of the run in the file, one
 * JSON line each, the rejected files first, while the valid files are loaded.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../neo4j/driver.ts';
import { PROJECT_ROOT } from '../../../neo4j/local-server-options.ts';
import { clearGraph, openTestDriver, runCgct } from '../../helpers/neo4j.ts';

const SEED_000 = path.join(PROJECT_ROOT, '..', 'shared', 'seeds', '000_c854f3f50c2c0da0.txt');
let driver: Driver;
let folder: string;

beforeAll(async () => {
  driver = await openTestDriver();
  folder = mkdtempSync(path.join(os.tmpdir(), 'cgct-ingest-report-'));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await driver.close();
});

describe('cgct ingest --report', () => {
  it('writes every message as a JSON line, rejected files first, and loads the valid files', async () => {
    await clearGraph(driver);
    const source = path.join(folder, 'source');
    const report = path.join(folder, 'report.jsonl');
    rmSync(source, { recursive: true, force: true });
    mkdirSync(source);
    copyFileSync(SEED_000, path.join(source, 'l1115-1.md'));
    writeFileSync(path.join(source, 'l9999-1.md'), '# Article \' OR 1=1 --\n\nTexte.\n');
    const result = await runCgct(['ingest', source, '--report', report]);
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(report, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { file: string; severity: string; ruleId: string });
    expect(lines[0]).toMatchObject({ file: 'l9999-1.md', severity: 'error' });
    const [{ articles } = { articles: 0 }] = await readRows<{ articles: number }>(driver, "MATCH (a:Article {id: 'L1115-1'}) RETURN count(a) AS articles");
    expect(Number(articles)).toBe(1);
  });

  it('says what --report needs', async () => {
    const result = await runCgct(['ingest', folder, '--report']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--report needs a file name');
  });
});
