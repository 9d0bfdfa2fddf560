/**
 * Walks one corpus history commit by commit, in memory, and records for every article number the
 * states it went through: from which date which text held (or none: repealed), and which commits
 * of that day touched it. Nothing here reads git or writes Neo4j: the commits and a parse function
 * come in, the timelines go out (pure but for the parse cache).
 *
 * Rules, from the corpora (shared/DOMAIN.md, "Time"):
 * - an article's file changed by a commit starts a new state that day; several commits of one day
 *   make one state, with all their amending texts;
 * - a file deleted, or turned "repealed" (lexlib keeps the last text with `_Abrogé par_`), ends it;
 * - a commit dated before the one it follows is applied at the previous date (a version cannot end
 *   before it starts), with a warning naming it;
 * - a commit that changes no article is kept as an amendment with nothing in it, with a warning;
 * - a commit that takes more than MASS_REPEAL_SHARE of the articles in force out of force looks
 *   like a truncated export: the whole build is refused before anything is written.
 */
import { IngestRefusedError, MASS_REPEAL_SHARE } from '../run-ingest.ts';
import type { Article, IngestMessage } from '../types.ts';
import type { CorpusHistory, HistoryCommit } from './read-history.ts';

/** One state of an article in one source: what held from `date` on. */
export interface ArticleState {
  date: string;
  /** The text that holds from `date`; null when the article left force that day. */
  article: Article | null;
  /** The commits of that day that touched the article, in history order. */
  commits: HistoryCommit[];
}

/** An amendment as a reader sees it: a commit and the date it is applied at. */
export interface DatedCommit {
  commit: HistoryCommit;
  /** Entry into force (YYYY-MM-DD), raised to the previous commit's when the history goes back in time. */
  date: string;
}

/** A text that moved to another number (git shows the file renamed). */
export interface Renumbering {
  from: string;
  to: string;
  date: string;
  source: string;
  evidence: 'git-rename' | 'metadata';
  commit?: string;
}

/** Everything one corpus history says, in memory. */
export interface SourceTimeline {
  source: string;
  commits: DatedCommit[];
  /** Per article number: its states, oldest first, one per date. */
  states: Map<string, ArticleState[]>;
  renumberings: Renumbering[];
  messages: IngestMessage[];
}

/** Parses one file version; returns undefined when the file is not an article (or is rejected, with messages). */
export type ParseVersion = (path: string, sha: string) => { article?: Article; messages: IngestMessage[] };

/** Options of buildTimeline. */
export interface TimelineOptions {
  allowMassRepeal?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const ARTICLE_FILE = /\.(md|markdown|txt|html?)$/i;
const README = /(^|\/)README\.md$/i;

/** Builds the article timelines of one corpus history. */
export function buildTimeline(history: CorpusHistory, parse: ParseVersion, options: TimelineOptions = {}): SourceTimeline {
  const timeline: SourceTimeline = { source: history.source, commits: [], states: new Map(), renumberings: [], messages: [] };
  /** What each article file currently holds: its blob and parsed article (kept when a later version of the file is rejected). */
  const files = new Map<string, { sha: string; article: Article | undefined }>();
  /** The files holding each article number now (two copies happen: r4422-2.md in two sections). */
  const pathsById = new Map<string, Set<string>>();
  const inForce = new Set<string>();
  let latest = '';
  for (const [index, commit] of history.commits.entries()) {
    const own = commit.authorDate.slice(0, 10);
    if (own < latest) warn(timeline, commit, 'date-goes-back', `dated ${own}, before the commit it follows (${latest}): applied at ${latest}`);
    const date = own > latest ? own : latest;
    latest = date;
    timeline.commits.push({ commit, date });
    const touched = new Set<string>();
    for (const change of commit.changes) {
      if (README.test(change.path) || !ARTICLE_FILE.test(change.path)) continue;
      const removed = change.status === 'D' ? change.path : change.status === 'R' ? change.oldPath! : undefined;
      let removedId: string | undefined;
      if (removed) {
        const before = files.get(removed);
        files.delete(removed);
        removedId = before?.article?.id;
        if (removedId) {
          pathsById.get(removedId)?.delete(removed);
          touched.add(removedId);
        }
      }
      if (change.status === 'D') continue;
      const previous = files.get(change.path);
      if (previous?.article) {
        pathsById.get(previous.article.id)?.delete(change.path);
        touched.add(previous.article.id);
      }
      const parsed = parse(change.path, change.sha!);
      timeline.messages.push(...parsed.messages.map((message) => ({ ...message, reason: `${message.reason} (commit ${commit.hash.slice(0, 8)})` })));
      // A rejected version of a file keeps the text the file had: nothing valid is lost.
      const article = parsed.article ?? (parsed.messages.some((m) => m.severity === 'error') ? previous?.article : undefined);
      files.set(change.path, { sha: change.sha!, article });
      if (!article) continue;
      if (!pathsById.has(article.id)) pathsById.set(article.id, new Set());
      pathsById.get(article.id)!.add(change.path);
      touched.add(article.id);
      if (change.status === 'R') {
        const oldId = removedId ?? idOfPath(timeline, change.oldPath!);
        if (oldId && oldId !== article.id) {
          timeline.renumberings.push({ from: oldId, to: article.id, date, source: history.source, evidence: 'git-rename', commit: commit.hash });
        }
      }
    }
    if (touched.size === 0) warn(timeline, commit, 'empty-amendment', 'changes no article (a text published twice?): kept as an amendment with nothing in it');
    let gone = 0;
    const held = inForce.size;
    for (const id of touched) {
      const article = currentArticle(pathsById.get(id), files);
      recordState(timeline, id, date, article, commit);
      const wasInForce = inForce.has(id);
      if (article && article.status !== 'repealed') inForce.add(id);
      else if (wasInForce) {
        inForce.delete(id);
        gone++;
      }
    }
    if (!options.allowMassRepeal && held > 0 && gone / held > MASS_REPEAL_SHARE) {
      throw new IngestRefusedError(
        history.location,
        `commit ${commit.hash.slice(0, 8)} (${commit.subject}, ${date}) would repeal ${gone} of ${held} articles in force: it looks truncated. ` +
          'Nothing was written. Run again with --allow-mass-repeal if the code really lost them.',
      );
    }
    options.onProgress?.(index + 1, history.commits.length);
  }
  return timeline;
}

/** The article a number stands for now: the copy in force before a repealed one, then the first path. */
function currentArticle(paths: Set<string> | undefined, files: Map<string, { article: Article | undefined }>): Article | null {
  if (!paths || paths.size === 0) return null;
  const articles = [...paths].sort().map((path) => files.get(path)?.article).filter((article): article is Article => article !== undefined);
  return articles.find((article) => article.status !== 'repealed') ?? articles[0] ?? null;
}

/** The number a file name spells, for a renamed file whose old version was never parsed. */
function idOfPath(timeline: SourceTimeline, path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1).replace(ARTICLE_FILE, '').toUpperCase();
  return timeline.states.has(name) ? name : undefined;
}

function recordState(timeline: SourceTimeline, id: string, date: string, article: Article | null, commit: HistoryCommit): void {
  let states = timeline.states.get(id);
  if (!states) timeline.states.set(id, (states = []));
  const last = states[states.length - 1];
  if (last && last.date === date) {
    last.article = article;
    if (!last.commits.includes(commit)) last.commits.push(commit);
    return;
  }
  // A file of an article not in force that stays out of force (a repealed copy edited) starts nothing.
  if (!article && (!last || !last.article)) return;
  states.push({ date, article, commits: [commit] });
}

function warn(timeline: SourceTimeline, commit: HistoryCommit, ruleId: string, reason: string): void {
  timeline.messages.push({ file: `commit ${commit.hash.slice(0, 8)}`, ruleId, reason: `"${commit.subject}" ${reason}`, severity: 'warning' });
}
