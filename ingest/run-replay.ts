/**
 * `cgct replay`: walks a corpus history commit by commit (one commit = one amendment, its author
 * date = entry into force) and applies each as an amendment: only the files it changed are read
 * and parsed, the graph is read once and then kept in memory, and only the differences are
 * written, with the amending text on every new version. Each applied commit is marked on its
 * `:Amendment` node, so an interrupted replay resumes after the last one marked, and re-running
 * converges to the same graph.
 */
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../graph-schema/apply-schema.ts';
import { readRows, writeRows } from '../neo4j/driver.ts';
import { buildAccentDictionary, type AccentDictionary } from './restore-accents.ts';
import { listCommits, type CommitInfo } from './list-commits.ts';
import { applyPlanToState, planGraphChanges, type GraphChangePlan } from './plan-graph-changes.ts';
import { readCommitChanges } from './read-commit-changes.ts';
import { cloneBundle, SourceError, type SourceFile } from './read-source.ts';
import { IngestRefusedError, MASS_REPEAL_SHARE } from './run-ingest.ts';
import { createExtractionCache, extractFromSources } from './run-extraction.ts';
import { labelSource } from './snapshot-date.ts';
import { toGraphRecords, type RecordsMemo } from './to-graph-records.ts';
import { applyGraphChanges, deleteOrphanNodes, readGraphState } from './write-graph.ts';
import path from 'node:path';
import { stat } from 'node:fs/promises';

/** Options of runReplay. */
export interface ReplayOptions {
  /** First commit to apply (hash prefix); default: the first not applied yet. */
  from?: string;
  /** Last commit to apply (hash prefix); default: the last one already in force today. */
  to?: string;
  /** Also apply commits dated after today (deferred entry into force, "2038-01-01" in legifrance-md). */
  includeDeferred?: boolean;
  allowMassRepeal?: boolean;
  cacheDir?: string;
  /** Today, YYYY-MM-DD (tests set it). */
  today?: string;
  onProgress?: (done: number, total: number, step: string) => void;
}

/** What one amendment changed. */
export interface AmendmentChangeSet {
  commit: string;
  date: string;
  /** The amending text, from the commit message. */
  subject: string;
  articles: { added: string[]; modified: string[]; repealed: string[] };
  /** Citations between CGCT articles that appeared or disappeared. */
  references: { gained: Array<{ from: string; to: string }>; lost: Array<{ from: string; to: string }> };
  /** Milliseconds spent on this amendment. */
  ms: number;
}

/** What a replay did. */
export interface ReplayReport {
  source: string;
  /** Commits in the history, and how many were already applied before this run. */
  commits: number;
  alreadyApplied: number;
  applied: AmendmentChangeSet[];
  /** Commits whose date goes back in time: applied in history order, their date raised to the previous one's. */
  outOfOrder: string[];
}

/** Replays a corpus history into the graph. */
export async function runReplay(driver: Driver, location: string, options: ReplayOptions = {}): Promise<ReplayReport> {
  const source = labelSource(location);
  const repo = await openRepository(location, options.cacheDir);
  const commits = await listCommits({ location }, { cacheDir: options.cacheDir });
  const window = selectWindow(commits, options);
  await applySchema(driver);
  const applied = new Set((await readRows<{ id: string }>(driver, 'MATCH (m:Amendment {source: $source, applied: true}) RETURN m.id AS id', { source })).map((row) => row.id));
  const start = firstToApply(commits, window, applied, options.from !== undefined);
  const report: ReplayReport = { source, commits: commits.length, alreadyApplied: start - window.from, applied: [], outOfOrder: [] };
  if (start > window.to) return report;

  const files = new Map<string, SourceFile>();
  if (start > 0) for (const file of (await readCommitChanges(repo, null, commits[start - 1]!.hash)).written) files.set(file.path, file);
  const state = await readGraphState(driver);
  const cache = createExtractionCache();
  const memo: RecordsMemo = new WeakMap();
  let accents: AccentDictionary | undefined;
  let lastDate = start > 0 ? commits[start - 1]!.date.slice(0, 10) : '';
  for (let index = start; index <= window.to; index++) {
    const began = performance.now();
    const commit = commits[index]!;
    const changes = await readCommitChanges(repo, index > 0 ? commits[index - 1]!.hash : null, commit.hash);
    for (const deleted of changes.deleted) files.delete(deleted);
    for (const written of changes.written) files.set(written.path, written);
    // Dates that go back would give versions ending before they start: keep them in order.
    let date = commit.date.slice(0, 10);
    if (date < lastDate) {
      report.outOfOrder.push(commit.hash);
      date = lastDate;
    }
    lastDate = date;
    // In path order, as a direct ingest reads them: which of two copies of an article is kept must not depend on history.
    const extraction = extractFromSources([[...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))], cache);
    accents ??= buildAccentDictionary(extraction.articles.map((article) => article.text));
    const records = toGraphRecords({ source, date, articles: extraction.articles, documents: extraction.documents, references: extraction.references, accents }, memo);
    const plan = planGraphChanges(records, state);
    refuseMassRepeal(location, commit, plan, state, source, options.allowMassRepeal === true);
    const amendment = { id: commit.hash, title: commit.subject, date, source };
    await applyGraphChanges(driver, plan, () => {}, amendment, { deleteOrphans: false });
    applyPlanToState(state, plan);
    await writeRows(driver, 'MERGE (m:Amendment {id: $id}) SET m.title = $title, m.date = $date, m.source = $source, m.applied = true', amendment);
    report.applied.push(describeChangeSet(commit, date, plan, performance.now() - began));
    options.onProgress?.(index - start + 1, window.to - start + 1, `${date} ${commit.subject.slice(0, 50)}`);
  }
  await deleteOrphanNodes(driver);
  return report;
}

/**
 * Where a run starts: after the last commit already applied, so that a replay killed midway and
 * run again (with or without the same --from) resumes instead of starting over from the oldest
 * commit (re-applying an old commit on a newer graph would date newer texts back to it).
 */
function firstToApply(commits: CommitInfo[], window: { from: number; to: number }, applied: ReadonlySet<string>, fromGiven: boolean): number {
  let start = window.from;
  if (fromGiven) {
    while (start <= window.to && applied.has(commits[start]!.hash)) start++;
    return start;
  }
  for (let index = window.to; index >= window.from; index--) if (applied.has(commits[index]!.hash)) return index + 1;
  return start;
}

async function openRepository(location: string, cacheDir?: string): Promise<string> {
  const info = await stat(location).catch(() => undefined);
  if (!info) throw new SourceError(location, 'source-not-found', 'no such file or folder');
  if (info.isFile() && location.endsWith('.bundle')) return cloneBundle(location, cacheDir ?? path.resolve('.cache', 'corpus'));
  if (info.isDirectory()) return location;
  throw new SourceError(location, 'not-a-source', 'a replay needs a git bundle or a git checkout');
}

/** The indexes of the first and last commits to apply. */
function selectWindow(commits: CommitInfo[], options: ReplayOptions): { from: number; to: number } {
  const find = (prefix: string) => {
    const index = commits.findIndex((commit) => commit.hash.startsWith(prefix));
    if (index < 0) throw new SourceError(prefix, 'commit-not-found', `commit "${prefix}" not found in this history`);
    return index;
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  let to = commits.length - 1;
  if (options.to) to = find(options.to);
  else if (!options.includeDeferred) while (to > 0 && commits[to]!.date.slice(0, 10) > today) to--;
  return { from: options.from ? find(options.from) : 0, to };
}

function refuseMassRepeal(location: string, commit: CommitInfo, plan: GraphChangePlan, state: Awaited<ReturnType<typeof readGraphState>>, source: string, allowed: boolean): void {
  if (allowed) return;
  let held = 0;
  for (const node of state.nodes.values()) if (node.label === 'Article' && node.sources.includes(source)) held++;
  const gone = plan.counts.articlesRemoved;
  if (held === 0 || gone / held <= MASS_REPEAL_SHARE) return;
  throw new IngestRefusedError(
    location,
    `commit ${commit.hash.slice(0, 8)} (${commit.subject}) would repeal ${gone} of ${held} articles: it looks truncated. ` +
      'The replay stopped before it; commits before it are applied. Run again with --allow-mass-repeal if the code really lost them.',
  );
}

function describeChangeSet(commit: CommitInfo, date: string, plan: GraphChangePlan, ms: number): AmendmentChangeSet {
  const articles = { added: [] as string[], modified: [] as string[], repealed: [] as string[] };
  for (const upsert of plan.nodeUpserts) {
    if (upsert.label !== 'Article' || !('recordHash' in upsert.props)) continue;
    if (upsert.isNew) articles.added.push(upsert.id);
    else if (plan.versionWrites.some((version) => version.articleId === upsert.id)) articles.modified.push(upsert.id);
  }
  for (const removal of plan.nodeRemovals) if (removal.label === 'Article' && removal.sources.length === 0) articles.repealed.push(removal.id);
  const isCitation = (edge: { type: string; fromLabel: string; toLabel: string }) => edge.type === 'CITES' && edge.fromLabel === 'Article' && edge.toLabel === 'Article';
  return {
    commit: commit.hash,
    date,
    subject: commit.subject,
    articles,
    references: {
      gained: plan.edgeUpserts.filter((edge) => edge.isNew && isCitation(edge)).map(({ from, to }) => ({ from, to })),
      lost: plan.edgeDeletes.filter(isCitation).map(({ from, to }) => ({ from, to })),
    },
    ms,
  };
}
