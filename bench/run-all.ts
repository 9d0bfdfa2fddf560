/**
 * `npm run bench`: runs every benchmark of this folder one after the other (never two at once:
 * they would measure each other on a 2-core machine), prints what each prints, and keeps the
 * whole output in bench/results/latest.txt with the date, for the README's figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The benchmarks, in the order a reader meets the product: database, ingest, API, browser. */
const BENCHMARKS = [
  { file: 'neo4j-start.ts', what: 'Neo4j cold and warm start' },
  { file: 'parse-extract.ts', what: 'parse + extract + resolve, one core' },
  { file: 'extraction-accuracy.ts', what: 'extractor precision and recall on the hand-checked sample' },
  { file: 'cite-agreement.ts', what: 'agreement with the official "Cite" lists of lexlib' },
  { file: 'fuzz-ingest.ts', what: 'hostile files mutated from the corpora and seeds: accepted, rejected, time, peak memory' },
  { file: 'ingest-load.ts', what: 'ingest into an empty Neo4j, ratio to a plain UNWIND CREATE' },
  { file: 'replay.ts', what: 'amendments: one amendment, the whole etalab history' },
  { file: 'history-build.ts', what: 'history build of legifrance-md + lexlib, ratio to the replay, one amendment on top' },
  { file: 'codes-ingest.ts', what: 'the 77 other codes on the history, a second run, ratio to a plain UNWIND CREATE' },
  { file: 'graphql-load.ts', what: 'GraphQL latency and throughput, ratio to the driver' },
  { file: 'web-load.ts', what: 'browser: article with its graph, 300-element layout, JS size' },
  { file: 'graph-depth.ts', what: 'browser: depth menu → graph drawn at depth 2 and 3 on hub articles, frame rate dragging 1,000 elements' },
];

const only = process.argv.slice(2);
const lines: string[] = [`# npm run bench — ${new Date().toISOString()} — ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`];
let failed = 0;
for (const { file, what } of BENCHMARKS) {
  if (only.length > 0 && !only.some((name) => file.startsWith(name))) continue;
  const header = `\n## ${file}: ${what}`;
  console.log(header);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(BENCH_DIR, file)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const output = result.error ? `could not run: ${result.error.message}` : result.stdout;
  process.stdout.write(output);
  const status = result.status === 0 ? `(${((Date.now() - started) / 1000).toFixed(0)} s)` : `FAILED with exit code ${result.status}`;
  if (result.status !== 0) failed++;
  console.log(status);
  lines.push(header, output.trimEnd(), status);
}
mkdirSync(path.join(BENCH_DIR, 'results'), { recursive: true });
writeFileSync(path.join(BENCH_DIR, 'results', 'latest.txt'), `${lines.join('\n')}\n`);
console.log(`\nSaved to bench/results/latest.txt${failed ? `; ${failed} benchmark(s) failed` : ''}`);
process.exitCode = failed ? 1 : 0;
