/**
 * `cgct ingest`: for each source in turn, read → parse → extract → resolve (run-extraction.ts),
 * turn into rows (to-graph-records.ts), compare with the graph (plan-graph-changes.ts) and write
 * only the differences (write-graph.ts). A source is one corpus snapshot: its facts carry its
 * label, so ingesting lexlib after legifrance-md adds to the graph without erasing anything.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../graph-schema/apply-schema.ts';
import { runExtraction, type ExtractionCounts } from './references/run-extraction.ts';
import { planGraphChanges, type GraphChangePlan } from './graph/plan-graph-changes.ts';
import type { SourceSpec } from './sources/read-source.ts';
import { describeSnapshot, type SnapshotInfo } from './sources/snapshot-date.ts';
import { toGraphRecords } from './graph/to-graph-records.ts';
import type { IngestMessage } from './types.ts';
import { applyGraphChanges, readGraphState } from './graph/write-graph.ts';

/** Options of runIngest. */
export interface IngestOptions {
  /** Where bundles are cloned (default `.cache/corpus`). */
  cacheDir?: string;
  /** Let a snapshot repeal more than MASS_REPEAL_SHARE of the articles this source held. */
  allowMassRepeal?: boolean;
  /** Called as the work goes: stage name, done, total. */
  onProgress?: (stage: string, done: number, total: number) => void;
}

/** What ingesting one source did. */
export interface SourceIngestReport {
  location: string;
  snapshot: SnapshotInfo;
  extraction: ExtractionCounts;
  articles: GraphChangePlan['counts'] & { rejected: number };
  /** References found, by how they were found, and by resolution. */
  references: { text: number; link: number; both: number; metadata: number; resolved: number; external: number; unresolved: number };
  rejectedFiles: string[];
  messages: IngestMessage[];
  /** Milliseconds per stage. */
  timings: { read: number; parse: number; extract: number; resolve: number; plan: number; write: number };
}

/** Thrown when a source must not be written: nothing parsed, or a truncated export that would repeal half the code. */
export class IngestRefusedError extends Error {
  constructor(readonly location: string, reason: string) {
    super(`${location}: ${reason}`);
    this.name = 'IngestRefusedError';
  }
}

/** Above this share of a source's articles gone at once, a snapshot is taken for a truncated export. */
export const MASS_REPEAL_SHARE = 0.2;

/** Ingests the sources one after the other; throws IngestRefusedError or SourceError before writing anything for a bad source. */
export async function runIngest(driver: Driver, specs: SourceSpec[], options: IngestOptions = {}): Promise<SourceIngestReport[]> {
  const progress = options.onProgress ?? (() => {});
  await applySchema(driver);
  const reports: SourceIngestReport[] = [];
  for (const spec of specs) {
    progress(`read ${spec.location}`, 0, 1);
    const snapshot = await describeSnapshot(spec, options);
    // Per-file progress while reading and parsing: a folder of slow files never sits at "0% (0/1) read".
    const extraction = await runExtraction([spec], { ...options, onProgress: (stage, done, total) => progress(stage === 'parse' ? `parse ${spec.location}` : stage, done, total) });
    if (extraction.articles.length === 0 && extraction.documents.length === 0) {
      throw new IngestRefusedError(spec.location, `nothing could be parsed (${extraction.counts.files} files read, ${extraction.counts.rejected} rejected); the graph was left untouched`);
    }
    let time = performance.now();
    const records = toGraphRecords({ source: snapshot.source, date: snapshot.date, articles: extraction.articles, documents: extraction.documents, references: extraction.references });
    // The last guard before the database: parsing already rejects values past maxValueLength,
    // so a key Neo4j cannot index is a bug; refuse the source before writing anything, naming the file.
    refuseUnindexableKeys(spec.location, records.nodes, extraction);
    const state = await readGraphState(driver);
    const plan = planGraphChanges(records, state);
    refuseMassRepeal(spec.location, plan, state, snapshot.source, options.allowMassRepeal === true);
    const planTime = performance.now() - time;
    time = performance.now();
    const amendment = snapshot.commit ? { id: snapshot.commit, title: snapshot.subject ?? '', date: snapshot.date, source: snapshot.source } : undefined;
    await applyGraphChanges(driver, plan, (done, total) => progress(`write ${snapshot.source}`, done, total), amendment);
    reports.push({
      location: spec.location,
      snapshot,
      extraction: extraction.counts,
      articles: { ...plan.counts, rejected: extraction.rejectedFiles.length },
      references: countReferences(extraction.references, records.edges),
      rejectedFiles: extraction.rejectedFiles,
      messages: extraction.messages,
      timings: { ...extraction.timings, plan: planTime, write: performance.now() - time },
    });
  }
  return reports;
}

/** Neo4j refuses an index key above ~8 kB ("Property value is too large to index"), halfway through a write. */
export const MAX_INDEX_KEY_BYTES = 8_000;

/** Throws IngestRefusedError when a node id is too large to index, naming the file it came from. */
export function refuseUnindexableKeys(location: string, nodes: Array<{ label: string; id: string }>, extraction: Pick<Awaited<ReturnType<typeof runExtraction>>, 'articles' | 'documents' | 'references'>): void {
  const node = nodes.find((row) => row.id.length * 3 > MAX_INDEX_KEY_BYTES && Buffer.byteLength(row.id) > MAX_INDEX_KEY_BYTES);
  if (!node) return;
  const containsValue = (value: string | undefined) => value !== undefined && value.length > 0 && node.id.includes(value);
  const article = extraction.articles.find((item) => item.id === node.id || item.relatedLinks.some((link) => containsValue(link.textId) || containsValue(link.article)));
  const citing = extraction.references.find((reference) => containsValue(reference.code) || containsValue(reference.target))?.from;
  const file = article?.sourceFile ?? extraction.articles.find((item) => item.id === citing)?.sourceFile ?? extraction.documents.find((item) => item.id === citing || item.id === node.id)?.sourceFile;
  throw new IngestRefusedError(location, `${file ?? 'a file'}: a :${node.label} id of ${Buffer.byteLength(node.id)} bytes is too large for Neo4j to index (limit ${MAX_INDEX_KEY_BYTES}); nothing was written`);
}

function refuseMassRepeal(location: string, plan: GraphChangePlan, state: Awaited<ReturnType<typeof readGraphState>>, source: string, allowed: boolean): void {
  const held = [...state.nodes.values()].filter((node) => node.label === 'Article' && node.sources.includes(source)).length;
  const gone = plan.counts.articlesRemoved;
  if (allowed || held === 0 || gone / held <= MASS_REPEAL_SHARE) return;
  throw new IngestRefusedError(
    location,
    `this snapshot would remove ${gone} of the ${held} articles ${source} holds (${Math.round((gone / held) * 100)}%): it looks truncated. ` +
      'Nothing was written. If the code really lost them, run again with --allow-mass-repeal.',
  );
}

function countReferences(references: Awaited<ReturnType<typeof runExtraction>>['references'], edges: ReturnType<typeof toGraphRecords>['edges']): SourceIngestReport['references'] {
  const counts = { text: 0, link: 0, both: 0, metadata: 0, resolved: 0, external: 0, unresolved: 0 };
  for (const reference of references) {
    counts[reference.via === 'text+link' ? 'both' : reference.via]++;
    counts[reference.resolution]++;
  }
  counts.metadata = edges.filter((edge) => edge.evidence.via.includes('metadata')).length;
  return counts;
}
