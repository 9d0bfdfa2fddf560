/**
 * Parse + extract + resolve a whole corpus tip in this one process (one core): articles per
 * second and wall time per stage. Reading the bundle (git) is timed apart: it is I/O, not the
 * pipeline.
 *
 *     npx tsx bench/parse-extract.ts [SOURCE] [--runs N]
 *
 * SOURCE defaults to ../shared/corpus/cgct-legifrance-md-history.bundle (cloned into .cache/ once).
 * Each run starts from the bytes in memory; the first run includes the JIT's warm-up. Besides
 * wall time, each run reports the CPU time this process used: on a machine shared with other
 * jobs, articles per CPU second is the figure that says what one free core would do.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseSourceSpec, readSource } from '../ingest/sources/read-source.ts';
import { extractFromSources } from '../ingest/references/run-extraction.ts';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const location = args.find((arg, i) => !arg.startsWith('--') && i !== runsAt + 1) ?? '../shared/corpus/cgct-legifrance-md-history.bundle';

let started = performance.now();
const source = await readSource(parseSourceSpec(location));
const readMs = performance.now() - started;
console.log(`read ${source.files.length} files from ${location} in ${Math.round(readMs)} ms`);

const results = [];
for (let run = 1; run <= runs; run++) {
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = extractFromSources([source.files]);
  const cpu = process.cpuUsage(cpuBefore);
  const wallMs = performance.now() - started;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const perSecond = Math.round(result.counts.articles / (wallMs / 1000));
  const perCpuSecond = Math.round(result.counts.articles / (cpuMs / 1000));
  const { parse, extract, resolve } = result.timings;
  console.log(
    `run ${run}: ${result.counts.articles} articles, ${result.counts.references} references in ${Math.round(wallMs)} ms wall = ${perSecond} articles/s; ` +
      `${Math.round(cpuMs)} ms CPU = ${perCpuSecond} articles per CPU second ` +
      `(parse ${Math.round(parse)} ms, extract ${Math.round(extract)} ms, resolve ${Math.round(resolve)} ms)`,
  );
  results.push({ run, articles: result.counts.articles, references: result.counts.references, wallMs, cpuMs, perSecond, perCpuSecond, parseMs: parse, extractMs: extract, resolveMs: resolve });
}
const best = results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
console.log(`best: ${best.perSecond} articles/s, ${Math.round(best.wallMs)} ms wall; ${best.perCpuSecond} articles per CPU second (aim: 3,000 articles/s)`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/parse-extract.json', `${JSON.stringify({ location, commit: source.commit, readMs, runs: results }, null, 2)}\n`);
