/**
 * The fuzz run of issue 15 at full size: files mutated from the seeds and real corpus files
 * (tests/ingest/fuzz/mutate-files.ts, every heavy mutation kept), each run alone through parse →
 * extract → resolve (extractFromSources), then all of them mixed with the valid originals. Prints
 * cases, accepted, rejected, exceptions, time, the slowest case and peak memory.
 *
 *     npx tsx bench/fuzz-ingest.ts [--files N] [--per-file N] [--seed N]
 *
 *     [--mixed-files N]
 *
 * Defaults: 400 corpus files + the 3 seeds, 24 mutations each (10,075 cases with the originals),
 * seed 15; the mixed run takes the mutations of the first 60 originals.
 */
import os from 'node:os';
import { extractFromSources } from '../ingest/references/run-extraction.ts';
import { createRandom, generateCases, readSeeds, sampleCorpusFiles, type FuzzCase } from '../tests/ingest/fuzz/mutate-files.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const random = createRandom(option('seed', 15));
const originals = [...readSeeds(), ...(await sampleCorpusFiles(option('files', 400), random))];
const perFile = option('per-file', 24);
// Cases are made file by file and dropped once run: all of them at once hold gigabytes.
function* eachCase(): Generator<FuzzCase> {
  for (const [index, file] of originals.entries()) yield* generateCases([file], perFile, random, 1, index * perFile);
}
let count = 0;

let peakHeap = 0;
const sampleHeap = () => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
};
const outcome = { accepted: 0, rejected: 0, exceptions: 0, unexplained: 0 };
const byMutation = new Map<string, { cases: number; rejected: number; slowestMs: number }>();
let slowest = { ms: 0, mutation: '', file: '' };
const started = performance.now();
const cpuBefore = process.cpuUsage();
for (const fuzzCase of eachCase()) {
  const index = count++;
  const caseStarted = performance.now();
  const stats = byMutation.get(fuzzCase.mutation) ?? { cases: 0, rejected: 0, slowestMs: 0 };
  byMutation.set(fuzzCase.mutation, stats);
  stats.cases++;
  try {
    const result = extractFromSources([[fuzzCase.file]]);
    const named = result.messages.some((message) => message.severity === 'error' && message.file === fuzzCase.file.path);
    if (result.rejectedFiles.includes(fuzzCase.file.path) && named) {
      outcome.rejected++;
      stats.rejected++;
    } else if (result.articles.length + result.documents.length > 0) outcome.accepted++;
    else outcome.unexplained++;
  } catch (error) {
    outcome.exceptions++;
    console.log(`EXCEPTION ${fuzzCase.mutation} ${fuzzCase.file.path}: ${String(error).slice(0, 200)}`);
  }
  const ms = performance.now() - caseStarted;
  stats.slowestMs = Math.max(stats.slowestMs, ms);
  if (ms > slowest.ms) slowest = { ms, mutation: fuzzCase.mutation, file: fuzzCase.file.path };
  if (index % 50 === 0) sampleHeap();
}
const aloneMs = performance.now() - started;
const aloneCpu = process.cpuUsage(cpuBefore);
// CPU time says what a free core would take, whatever else shares the machine.
const aloneCpuMs = (aloneCpu.user + aloneCpu.system) / 1000;
sampleHeap();

const alonePeakHeap = peakHeap;
const aloneRss = process.resourceUsage().maxRSS;
// The mixed run: every valid original (one source per corpus, as an ingest reads them) with the
// mutated cases of the first MIXED_FILES originals, all in one extractFromSources.
const MIXED_FILES = option('mixed-files', 60);
const mixedStarted = performance.now();
const valid = originals.map((file) => ({ ...file, path: `valid/${file.path}` }));
const byCorpus = new Map<string, typeof valid>();
for (const file of valid) byCorpus.set(file.path.split('/')[1]!, [...(byCorpus.get(file.path.split('/')[1]!) ?? []), file]);
const mixedCases = generateCases(originals.slice(0, MIXED_FILES), perFile, createRandom(option('seed', 15) + 1)).filter((fuzzCase) => fuzzCase.mutation !== 'original');
const mixed = extractFromSources([...byCorpus.values(), ...mixedCases.map((fuzzCase) => [fuzzCase.file])]);
const parsed = new Set([...mixed.articles.map((article) => article.sourceFile), ...mixed.documents.map((document) => document.sourceFile)]);
const lost = valid.filter((file) => !parsed.has(file.path)).length;
const mixedMs = performance.now() - mixedStarted;
sampleHeap();

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
console.log(`cases: ${count} (${originals.length} originals: ${originals.length - 3} corpus files + 3 seeds, ${count - originals.length} mutated)`);
console.log(`accepted ${outcome.accepted}, rejected ${outcome.rejected} (each with file:line [rule] reason), exceptions ${outcome.exceptions}, unexplained ${outcome.unexplained}`);
console.log(`time: ${(aloneMs / 1000).toFixed(1)} s wall, ${(aloneCpuMs / 1000).toFixed(1)} s CPU (load ${os.loadavg()[0]!.toFixed(1)}), one case at a time (${(aloneMs / count).toFixed(1)} ms per case; slowest ${Math.round(slowest.ms)} ms, ${slowest.mutation} ${slowest.file})`);
console.log(`peak memory, one case at a time: heap ${mb(alonePeakHeap)} MB, RSS ${mb(aloneRss * 1024)} MB (the corpora read included)`);
console.log(`mixed: ${originals.length} valid files + ${mixedCases.length} mutated cases in one run: ${(mixedMs / 1000).toFixed(1)} s, ${mixed.rejectedFiles.length} rejected, valid files lost ${lost}; peak heap ${mb(peakHeap)} MB, RSS ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
console.log('by mutation (cases / rejected / slowest ms):');
for (const [mutation, stats] of [...byMutation.entries()].sort()) console.log(`  ${mutation.padEnd(22)} ${String(stats.cases).padStart(5)} ${String(stats.rejected).padStart(5)} ${String(Math.round(stats.slowestMs)).padStart(6)}`);
if (outcome.exceptions > 0 || outcome.unexplained > 0 || lost > 0) process.exitCode = 1;
