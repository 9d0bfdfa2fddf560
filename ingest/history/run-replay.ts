/**
 * `cgct replay`: walks a corpus history commit by commit (one commit = one amendment, its author
 * date = entry into force) and applies each as an amendment: only the files it changed are read
 * and parsed, the graph is read once and then kept in memory, and only the differences are
 * written, with the amending text on every new version. Each applied commit is marked on its
 * `:Amendment` node, so an interrupted replay resumes after the last one marked, and re-running
 * converges to the same graph.
 */
import { startLaps } from './start-laps.ts';
import { today as todayInParis } from '../../graph-schema/today.ts';
import type { Driver } from 'neo4j-driver';
import { applySchema } from '../../graph-schema/apply-schema.ts';
import { buildAccentDictionary, type AccentDictionary } from '../parsing/restore-accents.ts';
import { listCommits, type CommitInfo } from '../sources/list-commits.ts';
import { applyPlanToState, planGraphChanges, type GraphChangePlan } from '../graph/plan-graph-changes.ts';
import { readCommitChanges } from '../sources/read-commit-changes.ts';
import { cloneBundle, SourceError, type SourceFile } from '../sources/read-source.ts';
import { IngestRefusedError, MASS_REPEAL_SHARE } from '../run-ingest.ts';
import { createExtractionCache, extractFromSources } from '../references/run-extraction.ts';
import { labelSource } from '../sources/snapshot-date.ts';
import { toGraphRecords, type RecordsMemo } from '../graph/to-graph-records.ts';
import { applyGraphChanges, deleteOrphanNodes, readAppliedAmendments, readArticleStatuses, readGraphState } from '../graph/write-graph.ts';
import { isHistoryGraph } from '../graph/write-amendment.ts';
import { parseFile, type ParsedFileWithFormat } from '../parsing/parse-file.ts';
import { readBlobs } from '../sources/run-git.ts';
import { createHistoryApplier } from './apply-amendment.ts';
import { readCommitFileChanges, type FileChange } from './read-history.ts';
import path from 'node:path';
import { stat } from 'node:fs/promises';

/** Id prefix of the unresolved targets that name a CGCT number (graph-schema/README.md). */
const UNRESOLVED_CGCT = 'unresolved:CGCT|';
/** The shape of a CGCT article number since 1996: part, book, title and chapter in four digits ("L5215-10", "R*4433-26"). */
const CGCT_NUMBER = /^[A-Z]{1,2}\*?\d{4}-\d/;

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
  /** Citations of CGCT articles (by number, resolved or not) that appeared in or disappeared from the text. */
  references: { gained: Array<{ from: string; to: string }>; lost: Array<{ from: string; to: string }> };
  /** Milliseconds spent on this amendment. */
  ms: number;
  /** Of which, by stage: reading the changed files, parse + extract + resolve, graph rows, the plan, the writes. */
  stagesMs: { read: number; extract: number; records: number; plan: number; write: number };
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
  const applied = await readAppliedAmendments(driver, source);
  const start = firstToApply(commits, window, applied, options.from !== undefined);
  const report: ReplayReport = { source, commits: commits.length, alreadyApplied: start - window.from, applied: [], outOfOrder: [] };
  if (start > window.to) return report;

  if (await isHistoryGraph(driver)) return replayOnHistory(driver, repo, source, commits, start, window.to, report, options);

  const files = new Map<string, SourceFile>();
  if (start > 0) for (const file of (await readCommitChanges(repo, null, commits[start - 1]!.hash)).written) files.set(file.path, file);
  const state = await readGraphState(driver);
  let statuses = new Map([...(await readArticleStatuses(driver, source))].map(([id, status]) => [id, status ?? 'unknown']));
  const cache = createExtractionCache();
  const memo: RecordsMemo = new WeakMap();
  let accents: AccentDictionary | undefined;
  const dates = dateInOrder(commits);
  for (let index = start; index <= window.to; index++) {
    const began = performance.now();
    const lap = startLaps();
    const commit = commits[index]!;
    const changes = await readCommitChanges(repo, index > 0 ? commits[index - 1]!.hash : null, commit.hash);
    const read = lap();
    for (const deleted of changes.deleted) files.delete(deleted);
    for (const written of changes.written) files.set(written.path, written);
    const date = dates[index]!;
    if (date !== commit.date.slice(0, 10)) report.outOfOrder.push(commit.hash);
    // In path order, as a direct ingest reads them: which of two copies of an article is kept must not depend on history.
    const extraction = extractFromSources([[...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))], cache);
    const extract = lap();
    accents ??= buildAccentDictionary(extraction.articles.map((article) => article.text));
    const records = toGraphRecords({ source, date, articles: extraction.articles, documents: extraction.documents, references: extraction.references, accents }, memo);
    const recordsMs = lap();
    const plan = planGraphChanges(records, state);
    const planMs = lap();
    const after = new Map(records.nodes.filter((row) => row.label === 'Article').map((row) => [row.id, String(row.props.status ?? 'unknown')]));
    refuseMassRepeal(location, commit, statuses, after, options.allowMassRepeal === true);
    const amendment = { id: commit.hash, title: commit.subject, date, source };
    // Written and marked applied in one transaction when the amendment is small (most are).
    await applyGraphChanges(driver, plan, () => {}, amendment, { deleteOrphans: false, markApplied: true });
    applyPlanToState(state, plan);
    const stagesMs = { read, extract, records: recordsMs, plan: planMs, write: lap() };
    report.applied.push(describeChangeSet(commit, date, plan, statuses, after, performance.now() - began, stagesMs));
    statuses = after;
    options.onProgress?.(index - start + 1, window.to - start + 1, `${date} ${commit.subject.slice(0, 50)}`);
  }
  await deleteOrphanNodes(driver);
  return report;
}

/**
 * On a graph made by the history build, each amendment is applied the history's way
 * (apply-amendment.ts): versions closed and opened on its date, references resolved as of it.
 */
async function replayOnHistory(
  driver: Driver, repo: string, source: string, commits: CommitInfo[], start: number, end: number, report: ReplayReport, options: ReplayOptions,
): Promise<ReplayReport> {
  const blobs = new Map<string, Buffer>();
  const parsed = new Map<string, ParsedFileWithFormat>();
  const parse = (filePath: string, sha: string) => {
    const key = `${filePath}\0${sha}`;
    let result = parsed.get(key);
    if (!result) parsed.set(key, (result = parseFile(filePath, blobs.get(sha) ?? Buffer.alloc(0))));
    return result;
  };
  const load = async (changes: FileChange[]) => {
    const wanted = [...new Set(changes.flatMap((change) => (change.sha && !blobs.has(change.sha) ? [change.sha] : [])))];
    const contents = await readBlobs(repo, wanted);
    wanted.forEach((sha, index) => blobs.set(sha, contents[index]!));
    return changes;
  };
  const parentFiles = start > 0 ? await load(await readCommitFileChanges(repo, null, commits[start - 1]!.hash)) : [];
  const applier = await createHistoryApplier(driver, source, parentFiles, parse);
  const dates = dateInOrder(commits);
  for (let index = start; index <= end; index++) {
    const began = performance.now();
    const commit = commits[index]!;
    const changes = await load(await readCommitFileChanges(repo, index > 0 ? commits[index - 1]!.hash : null, commit.hash));
    const date = dates[index]!;
    if (date !== commit.date.slice(0, 10)) report.outOfOrder.push(commit.hash);
    const applied = await applier.apply({ hash: commit.hash, authorDate: commit.date, subject: commit.subject, changes }, date, options.allowMassRepeal === true);
    report.applied.push({ commit: commit.hash, date, subject: commit.subject, articles: applied.articles, references: applied.references, ms: performance.now() - began, stagesMs: applied.stagesMs });
    options.onProgress?.(index - start + 1, end - start + 1, `${date} ${commit.subject.slice(0, 50)}`);
  }
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

/**
 * The date each commit is applied at: its own, or the latest date before it in the history when it
 * goes back in time (versions would end before they start). Computed over the whole history, so
 * that a window, a resumed run and a full run give each commit the same date.
 */
function dateInOrder(commits: CommitInfo[]): string[] {
  let latest = '';
  return commits.map((commit) => (latest = commit.date.slice(0, 10) > latest ? commit.date.slice(0, 10) : latest));
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
  const today = options.today ?? todayInParis();
  let to = commits.length - 1;
  if (options.to) to = find(options.to);
  else if (!options.includeDeferred) while (to > 0 && commits[to]!.date.slice(0, 10) > today) to--;
  return { from: options.from ? find(options.from) : 0, to };
}

/**
 * A commit taking more than MASS_REPEAL_SHARE of the articles in force out of force looks like a
 * truncated export. Counted by status, not by files gone: etalab keeps a copy of most articles in
 * "codes-non-en-vigueur/", so a truncated "codes-en-vigueur/" would turn them to repealed, not remove them.
 */
function refuseMassRepeal(location: string, commit: CommitInfo, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, allowed: boolean): void {
  if (allowed) return;
  let held = 0;
  let gone = 0;
  for (const [id, status] of before) {
    if (!isInForce(status)) continue;
    held++;
    if (!isInForce(after.get(id))) gone++;
  }
  if (held === 0 || gone / held <= MASS_REPEAL_SHARE) return;
  throw new IngestRefusedError(
    location,
    `commit ${commit.hash.slice(0, 8)} (${commit.subject}) would repeal ${gone} of ${held} articles in force: it looks truncated. ` +
      'The replay stopped before it; commits before it are applied. Run again with --allow-mass-repeal if the code really lost them.',
  );
}

/** In force, for a change set: any status but repealed (a corpus without statuses says "unknown"). */
function isInForce(status: string | undefined): boolean {
  return status !== undefined && status !== 'repealed';
}

/**
 * What an amendment did, as a reader of the code sees it: an article is added when it comes into
 * force, repealed when it leaves it (etalab keeps a repealed article's last text in
 * "codes-non-en-vigueur/", so the node stays, with status "repealed"), modified when its text
 * changed while in force on both sides.
 */
function describeChangeSet(
  commit: CommitInfo, date: string, plan: GraphChangePlan, before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>, ms: number, stagesMs: AmendmentChangeSet['stagesMs'],
): AmendmentChangeSet {
  const articles = { added: [] as string[], modified: [] as string[], repealed: [] as string[] };
  const rewritten = new Set(plan.versionWrites.map((version) => version.articleId));
  for (const [id, status] of after) {
    if (!isInForce(status)) continue;
    if (!isInForce(before.get(id))) articles.added.push(id);
    else if (rewritten.has(id)) articles.modified.push(id);
  }
  for (const [id, status] of before) if (isInForce(status) && !isInForce(after.get(id))) articles.repealed.push(id);
  // A citation of a CGCT number that resolves nowhere ("L. 5215-10", not in the code yet) is still
  // written in the text: it counts, by its number, when the number has the shape of the code's
  // (four digits first: "L. 273-10" without a code named is the code électoral's). A citation whose
  // target only changed kind (its article was repealed: Article -> UnresolvedTarget) is neither gained nor lost.
  const citedNumber = (edge: { type: string; fromLabel: string; toLabel: string; to: string }) => {
    if (edge.type !== 'CITES' || edge.fromLabel !== 'Article') return undefined;
    if (edge.toLabel === 'Article') return edge.to;
    const number = edge.toLabel === 'UnresolvedTarget' && edge.to.startsWith(UNRESOLVED_CGCT) ? edge.to.slice(UNRESOLVED_CGCT.length) : '';
    return CGCT_NUMBER.test(number) ? number : undefined;
  };
  const pairsOf = (edges: Array<{ type: string; fromLabel: string; toLabel: string; from: string; to: string }>) => {
    const pairs = new Map<string, { from: string; to: string }>();
    for (const edge of edges) {
      const to = citedNumber(edge);
      if (to !== undefined) pairs.set(`${edge.from}|${to}`, { from: edge.from, to });
    }
    return pairs;
  };
  const gained = pairsOf(plan.edgeUpserts.filter((edge) => edge.isNew));
  const lost = pairsOf(plan.edgeDeletes);
  return {
    commit: commit.hash,
    date,
    subject: commit.subject,
    articles,
    references: {
      gained: [...gained].filter(([key]) => !lost.has(key)).map(([, pair]) => pair),
      lost: [...lost].filter(([key]) => !gained.has(key)).map(([, pair]) => pair),
    },
    ms,
    stagesMs,
  };
}
