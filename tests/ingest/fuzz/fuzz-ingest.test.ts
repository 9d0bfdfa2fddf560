/**
 * The fuzz test of issue 15: a few thousand files mutated from the seeds and from real corpus
 * files (mutate-files.ts), each run through parse → extract → resolve (extractFromSources), then
 * all of them mixed with the valid originals, then a folder on disk with a symbolic link, a FIFO
 * and a file name that is not UTF-8 through runExtraction. Asserted: no exception, no hang (the
 * test's timeout), the heap bounded, every rejected file named with a rule and a reason, every
 * valid file still parsed. bench/fuzz-ingest.ts runs more cases and prints the figures.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFromSources, runExtraction } from '../../../ingest/references/run-extraction.ts';
import type { SourceFile } from '../../../ingest/sources/read-source.ts';
import { createRandom, generateCases, readSeeds, sampleCorpusFiles, type FuzzCase } from './mutate-files.ts';

const FILES = 100;
const PER_FILE = 24;
const HEAP_BOUND = 1_500 * 1024 * 1024;

let originals: SourceFile[];
let cases: FuzzCase[];

beforeAll(async () => {
  const random = createRandom(15);
  originals = [...readSeeds(), ...(await sampleCorpusFiles(FILES, random))];
  // Heavy cases (a megabyte and more) kept at 15 %: the bench runs them all.
  cases = generateCases(originals, PER_FILE, random, 0.15);
}, 120_000);

describe('fuzz: mutated corpus files and seeds', () => {
  it('parses, extracts and resolves every case alone without an exception, each accepted or rejected with file, rule and reason', () => {
    const outcome = { accepted: 0, rejected: 0 };
    let peakHeap = 0;
    const unexplained: string[] = [];
    for (const [index, fuzzCase] of cases.entries()) {
      const result = extractFromSources([[fuzzCase.file]]);
      const file = fuzzCase.file.path;
      // `file:line [rule] reason`: every part present.
      const errors = result.messages.filter((message) => message.severity === 'error' && message.file === file && (message.line ?? 0) >= 1 && message.ruleId !== '' && message.reason !== '');
      const kept = result.articles.some((article) => article.sourceFile === file) || result.documents.some((document) => document.sourceFile === file);
      if (result.rejectedFiles.includes(file) && errors.length > 0 && !kept) outcome.rejected++;
      else if (kept && !result.rejectedFiles.includes(file) && errors.length === 0) outcome.accepted++;
      else unexplained.push(`${fuzzCase.mutation} ${file}`);
      if (index % 200 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    expect(unexplained).toEqual([]);
    expect(outcome.accepted + outcome.rejected).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(2_500);
    expect(peakHeap).toBeLessThan(HEAP_BOUND);
  }, 120_000);

  it('accepts every original file, and rejects every case the issue names as breaking the ingest', () => {
    const mustReject = new Set(['huge-number', 'hostile-id', 'megabyte-line-of-b', 'huge-file', 'many-references', 'long-related-entry', 'html-page-deep', 'nul-byte']);
    const wrong: string[] = [];
    for (const fuzzCase of cases) {
      const isArticle = !fuzzCase.file.path.includes('001_');
      if (fuzzCase.mutation !== 'original' && !(mustReject.has(fuzzCase.mutation) && isArticle)) continue;
      const result = extractFromSources([[fuzzCase.file]]);
      const rejected = result.rejectedFiles.includes(fuzzCase.file.path);
      if (rejected !== (fuzzCase.mutation !== 'original')) wrong.push(`${fuzzCase.mutation} ${fuzzCase.file.path}: ${result.messages.map((message) => message.ruleId).join(', ')}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);

  it('mixed with the valid files in one run, loses none of them', () => {
    const valid = originals.map((file) => ({ ...file, path: `valid/${file.path}` }));
    // One source per corpus, as an ingest reads them: the same article in two corpora is no duplicate.
    const byCorpus = new Map<string, SourceFile[]>();
    for (const file of valid) byCorpus.set(file.path.split('/')[1]!, [...(byCorpus.get(file.path.split('/')[1]!) ?? []), file]);
    const hostile = cases.filter((fuzzCase) => fuzzCase.mutation !== 'original').map((fuzzCase) => [fuzzCase.file]);
    const result = extractFromSources([...byCorpus.values(), ...hostile]);
    const parsed = new Set([...result.articles.map((article) => article.sourceFile), ...result.documents.map((document) => document.sourceFile)]);
    expect(valid.filter((file) => !parsed.has(file.path)).map((file) => file.path)).toEqual([]);
    const named = new Set(result.messages.filter((message) => message.severity === 'error').map((message) => message.file));
    expect(result.rejectedFiles.filter((file) => !named.has(file))).toEqual([]);
    expect(result.references.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('fuzz: a folder on disk', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'fuzz-folder-'));
    mkdirSync(path.join(folder, 'partie'));
    writeFileSync(path.join(folder, 'partie', 'l1111-1.md'), '# Article L1111-1\n\n<p>Voir l\'article L. 1111-2.</p>');
    writeFileSync(path.join(folder, 'partie', 'l1111-2.md'), '# Article L1111-2\n\n<p>Texte.</p>');
    writeFileSync(path.join(folder, 'partie', 'deep.md'), `# Article L1111-3\n\n${'<b>'.repeat(10_000)}`);
    writeFileSync(path.join(folder, 'partie', 'bad-id.md'), "# Article ' OR 1=1 --\n\n<p>x</p>");
    writeFileSync(Buffer.concat([Buffer.from(path.join(folder, 'partie', 'collectivit')), Buffer.from([0xe9]), Buffer.from('s.md')]), '# Article L1111-4\n\n<p>x</p>');
    symlinkSync('/etc/passwd', path.join(folder, 'partie', 'link.md'));
    symlinkSync('.', path.join(folder, 'loop'));
    execFileSync('mkfifo', [path.join(folder, 'partie', 'pipe.md')]);
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('reads the rest of a folder holding a FIFO, symbolic links and a name that is not UTF-8, each named with its reason', async () => {
    const stages: string[] = [];
    const result = await runExtraction([{ location: folder }], { onProgress: (stage) => stages.push(stage) });
    expect(result.articles.map((article) => article.id).sort()).toEqual(['L1111-1', 'L1111-2']);
    const byFile = Object.fromEntries(result.messages.filter((message) => message.severity === 'error').map((message) => [message.file, message.ruleId]));
    expect(byFile).toEqual({
      'partie/deep.md': 'nesting-too-deep',
      'partie/bad-id.md': 'invalid-article-id',
      'partie/collectivit\ufffds.md': 'invalid-file-name',
      'partie/link.md': 'not-a-regular-file',
      loop: 'not-a-regular-file',
      'partie/pipe.md': 'not-a-regular-file',
    });
    expect([...result.rejectedFiles].sort()).toEqual(Object.keys(byFile).sort());
    expect(result.references).toContainEqual(expect.objectContaining({ from: 'L1111-1', targets: ['L1111-2'] }));
    expect(stages).toContain('parse');
    expect(stages.some((stage) => stage.startsWith('read '))).toBe(true);
  }, 30_000);
});
