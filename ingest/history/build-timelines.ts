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
export type { ParseVersion } from './article-files.ts';
import { ArticleFiles, type ParseVersion } from './article-files.ts';
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

/** Options of buildTimeline. */
export interface TimelineOptions {
  allowMassRepeal?: boolean;
  onProgress?: (done: number, total: number) => void;
}


/** Builds the article timelines of one corpus history. */
export function buildTimeline(history: CorpusHistory, parse: ParseVersion, options: TimelineOptions = {}): SourceTimeline {
  const timeline: SourceTimeline = { source: history.source, commits: [], states: new Map(), renumberings: [], messages: [] };
  const files = new ArticleFiles();
  const inForce = new Set<string>();
  let latest = '';
  for (const [index, commit] of history.commits.entries()) {
    const own = commit.authorDate.slice(0, 10);
    if (own < latest) warn(timeline, commit, 'date-goes-back', `dated ${own}, before the commit it follows (${latest}): applied at ${latest}`);
    const date = own > latest ? own : latest;
    latest = date;
    timeline.commits.push({ commit, date });
    const { touched, renamed, messages } = files.applyChanges(commit.changes, parse);
    timeline.messages.push(...messages.map((message) => ({ ...message, reason: `${message.reason} (commit ${commit.hash.slice(0, 8)})` })));
    for (const { from, to } of renamed) timeline.renumberings.push({ from, to, date, source: history.source, evidence: 'git-rename', commit: commit.hash });
    if (touched.size === 0) warn(timeline, commit, 'empty-amendment', 'changes no article (a text published twice?): kept as an amendment with nothing in it');
    let gone = 0;
    const held = inForce.size;
    for (const id of touched) {
      const article = files.current(id);
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
