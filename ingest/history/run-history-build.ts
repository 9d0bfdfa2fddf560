/**
 * `cgct ingest --history SOURCE…`: builds the graph of the code's whole history at once. Each
 * corpus's git history is read in one pass (read-history.ts), every file version parsed once,
 * the article timelines built and merged in memory (build-timelines.ts, merge-timelines.ts),
 * every version's references resolved against the code of its own dates (resolve-over-time.ts),
 * and the whole graph written in bulk into the empty database (graph/write-history.ts): not one
 * transaction per amendment. Later amendments go on incrementally (`cgct replay`, `cgct ingest`):
 * every commit is marked applied, and today's graph carries what they plan against.
 */
import { startLaps } from './start-laps.ts';
import { today as todayInParis } from '../../graph-schema/today.ts';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { readGraphOccupancy, wipeGraph, writeHistoryRows } from '../graph/write-history.ts';
import { parseFile } from '../parsing/parse-file.ts';
import { extractReferences } from '../references/extract-references.ts';
import { IngestRefusedError } from '../run-ingest.ts';
import { readSource, type SourceSpec } from '../sources/read-source.ts';
import { labelSource } from '../sources/snapshot-date.ts';
import type { Article, FreeTextDocument, IngestMessage, ResolvedReference } from '../types.ts';
import { buildTimeline, type SourceTimeline } from './build-timelines.ts';
import { buildHistoryRows } from './history-records.ts';
import { mergeTimelines } from './merge-timelines.ts';
import { readHistory, type CorpusHistory } from './read-history.ts';
import { readBlobs } from '../sources/run-git.ts';
import { createTimeLookup, resolveOverTime, resolveReferencesOn } from './resolve-over-time.ts';

/** Options of runHistoryBuild. */
export interface HistoryBuildOptions {
  /** Where bundles are cloned (default `.cache/corpus`). */
  cacheDir?: string;
  /** Today, YYYY-MM-DD: what is in force "now" (default: CGCT_TODAY, else the clock; tests set it). */
  today?: string;
  /** Let a commit repeal more than MASS_REPEAL_SHARE of the articles in force. */
  allowMassRepeal?: boolean;
  /** Free-text documents (files or folders) to add, their references resolved as of today. */
  documents?: string[];
  /** Called as the work goes: stage, done, total. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What a history build did. */
export interface HistoryBuildReport {
  /** `built`, or `already-built` when the graph holds a complete build of the same commits. */
  outcome: 'built' | 'already-built';
  sources: Array<{ source: string; location: string; commits: number; tip: string; fileVersions: number; articles: number }>;
  articles: number;
  inForce: number;
  versions: number;
  citationIntervals: number;
  amendments: number;
  renumberings: number;
  nodes: number;
  relationships: number;
  messages: IngestMessage[];
  /** Milliseconds per stage. */
  timings: { read: number; parse: number; timeline: number; resolve: number; rows: number; write: number; total: number };
  /** Highest resident memory seen, MB. */
  peakRssMb: number;
}

/** Builds the history graph of the given git sources into an empty graph (or finishes a build that was killed). */
export async function runHistoryBuild(driver: Driver, specs: SourceSpec[], options: HistoryBuildOptions = {}): Promise<HistoryBuildReport> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const today = options.today ?? todayInParis();
  let peakRss = process.memoryUsage().rss;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const lap = startLaps();
  await applySchema(driver);

  const histories: CorpusHistory[] = [];
  for (const spec of specs) {
    progress(`read ${labelSource(spec.location)}`, 0, 1);
    histories.push(await readHistory(spec, options));
  }
  for (const history of histories) {
    if (history.commits.length === 0) throw new IngestRefusedError(history.location, 'the history has no commit: nothing to build; the graph was left untouched');
  }
  const fingerprint = histories.map((history) => `${history.source}@${history.commits[history.commits.length - 1]!.hash}`).join(' ');
  const occupancy = await readGraphOccupancy(driver);
  const report = emptyReport(histories);
  if (occupancy.kind === 'complete-build' && occupancy.fingerprint === fingerprint) return { ...report, outcome: 'already-built', timings: { ...report.timings, total: performance.now() - started } };
  if (occupancy.kind === 'complete-build' || occupancy.kind === 'other-data') {
    throw new IngestRefusedError(
      histories.map((history) => history.location).join(', '),
      `the graph already holds ${occupancy.kind === 'other-data' ? `${occupancy.nodes} nodes` : `a history build of ${occupancy.fingerprint}`}: a history build writes into an empty graph. ` +
        'Bring it up to date with `cgct replay` or `cgct ingest`, or empty it first (`cgct db reset --yes`). Nothing was written.',
    );
  }
  const blobs = await readAllBlobs(histories, progress);
  report.timings.read = lap();
  sample();

  const timelines: SourceTimeline[] = [];
  const parsed = new Map<string, ReturnType<typeof parseFile>>();
  let parseMs = 0;
  for (const history of histories) {
    const parse = (path: string, sha: string) => {
      const key = `${path}\0${sha}`;
      let result = parsed.get(key);
      if (!result) {
        const began = performance.now();
        parsed.set(key, (result = parseFile(path, blobs.get(sha) ?? Buffer.alloc(0))));
        parseMs += performance.now() - began;
      }
      return result;
    };
    timelines.push(buildTimeline(history, parse, { allowMassRepeal: options.allowMassRepeal, onProgress: (done, total) => progress(`timeline ${history.source}`, done, total) }));
  }
  blobs.clear();
  report.timings.parse = parseMs;
  report.timings.timeline = lap() - parseMs;
  sample();

  const merged = mergeTimelines(timelines);
  const lookup = createTimeLookup(merged);
  const citations = resolveOverTime(merged, lookup, (done, total) => progress('resolve references over time', done, total));
  const documents = await readDocuments(options.documents ?? [], lookup, today, options);
  report.timings.resolve = lap();
  sample();

  const rows = buildHistoryRows({ merged, lookup, citations, today, documents: documents.groups });
  report.timings.rows = lap();
  sample();

  if (occupancy.kind === 'partial-build') {
    progress('wipe the partial build left by a killed run', 0, 1);
    await wipeGraph(driver);
  }
  await writeHistoryRows(driver, rows, fingerprint, (done, total) => {
    progress('write', done, total);
    if (done % 50000 < 10000) sample();
  });
  report.timings.write = lap();

  report.messages = [...timelines.flatMap((timeline) => timeline.messages), ...documents.messages];
  for (const [index, timeline] of timelines.entries()) {
    report.sources[index]!.articles = timeline.states.size;
  }
  report.articles = merged.lives.size;
  report.inForce = [...merged.lives.values()].filter((life) => life.periods.some((period) => period.from <= today && (period.to === null || period.to > today))).length;
  report.versions = rows.nodes.filter((node) => node.label === 'ArticleVersion').length;
  report.citationIntervals = rows.edges.filter((edge) => edge.type === 'CITES').length;
  report.amendments = rows.nodes.filter((node) => node.label === 'Amendment').length;
  report.renumberings = rows.edges.filter((edge) => edge.type === 'RENUMBERED_AS').length;
  report.nodes = rows.nodes.length;
  report.relationships = rows.edges.length;
  report.timings.total = performance.now() - started;
  report.peakRssMb = Math.round(sample() / 2 ** 20);
  return report;
}

/** Every distinct blob of every article file of every history, read once. */
async function readAllBlobs(histories: CorpusHistory[], progress: NonNullable<HistoryBuildOptions['onProgress']>): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  for (const history of histories) {
    const shas = [...new Set(history.commits.flatMap((commit) => commit.changes.flatMap((change) => (change.sha ? [change.sha] : []))))];
    progress(`read ${history.source}`, 0, shas.length);
    const contents = await readBlobs(history.repo, shas);
    shas.forEach((sha, index) => blobs.set(sha, contents[index]!));
    progress(`read ${history.source}`, shas.length, shas.length);
  }
  return blobs;
}

/** Free-text documents and their references resolved as of today. */
async function readDocuments(locations: string[], lookup: ReturnType<typeof createTimeLookup>, today: string, options: HistoryBuildOptions) {
  const groups: Array<{ source: string; documents: FreeTextDocument[]; references: ResolvedReference[] }> = [];
  const messages: IngestMessage[] = [];
  for (const location of locations) {
    const read = await readSource({ location }, options);
    const documents: FreeTextDocument[] = [];
    const references: ResolvedReference[] = [];
    for (const file of read.files) {
      const parsed = parseFile(file.path, file.bytes);
      messages.push(...parsed.messages);
      if (parsed.article) {
        messages.push({ file: file.path, ruleId: 'article-in-documents', reason: `holds article ${(parsed.article as Article).id}: a history build takes articles from the corpus histories only; skipped`, severity: 'warning' });
      }
      if (!parsed.document) continue;
      documents.push(parsed.document);
      references.push(...resolveReferencesOn(lookup, parsed.document.id, extractReferences(parsed.document.text), today));
    }
    groups.push({ source: labelSource(location), documents, references });
  }
  return { groups, messages };
}

function emptyReport(histories: CorpusHistory[]): HistoryBuildReport {
  return {
    outcome: 'built',
    sources: histories.map((history) => ({
      source: history.source, location: history.location, commits: history.commits.length, tip: history.commits[history.commits.length - 1]!.hash,
      fileVersions: history.commits.reduce((sum, commit) => sum + commit.changes.length, 0), articles: 0,
    })),
    articles: 0, inForce: 0, versions: 0, citationIntervals: 0, amendments: 0, renumberings: 0, nodes: 0, relationships: 0, messages: [],
    timings: { read: 0, parse: 0, timeline: 0, resolve: 0, rows: 0, write: 0, total: 0 },
    peakRssMb: 0,
  };
}
