/**
 * Puts the timelines of several corpora on one timeline (graph-schema/README.md, "Two sources on
 * one timeline"): an article's versions come from the best-ranked source that ever held it; the
 * other sources' facts hold from the date of their own state until the next change of the article
 * in any source. Pure.
 */
import { rankSource } from '../graph/plan-graph-changes.ts';
import type { Article } from '../types.ts';
import type { ArticleState, SourceTimeline } from './build-timelines.ts';
import type { HistoryCommit } from './read-history.ts';

/** One version of an article: a text in force from `validFrom` to `validTo` (null: open). */
export interface ArticleVersionRecord {
  articleId: string;
  validFrom: string;
  validTo: string | null;
  article: Article;
  /** The amending commits of that day, in history order. */
  commits: HistoryCommit[];
  source: string;
}

/** A stretch of time an article was in force. */
export interface Period {
  from: string;
  /** null: still open (or open until a future repeal not known). */
  to: string | null;
}

/** Everything known of one article number over time. */
export interface ArticleLife {
  id: string;
  /** The corpus its text and versions come from. */
  textSource: string;
  versions: ArticleVersionRecord[];
  /** In-force periods, oldest first (consecutive versions make one period). */
  periods: Period[];
  /** The commits that ended each period that ended, by the period's end date. */
  endedBy: Map<string, HistoryCommit[]>;
  /** Why a period ended when no commit ended it (the source stopped speaking of it), by end date. */
  endNotes: Map<string, string>;
  /** Every date any source recorded a change of this article: where another source's facts stop. */
  changeDates: string[];
}

/** The merged timeline of every article. */
export interface MergedHistory {
  lives: Map<string, ArticleLife>;
  /** The timelines, best-ranked source first. */
  timelines: SourceTimeline[];
}

/**
 * Merges the sources' timelines; the best-ranked source of each article gives its versions.
 * An article only a lower-ranked source holds, and that the best-ranked source's latest code does
 * not hold, is not taken as in force for ever: lexlib keeps transferred articles (D1112-1,
 * "Transféré par" in 2005) as they were, never marked. Its open period ends with that source's
 * last commit, with a note saying the exit date is not known.
 */
export function mergeTimelines(timelines: SourceTimeline[]): MergedHistory {
  const ranked = [...timelines].sort((a, b) => rankSource(a.source) - rankSource(b.source));
  const lives = new Map<string, ArticleLife>();
  for (const timeline of ranked) {
    for (const [id, states] of timeline.states) {
      const life = lives.get(id);
      if (life) {
        life.changeDates.push(...states.map((state) => state.date));
        continue;
      }
      const built = lifeOf(id, states, timeline.source);
      if (built) lives.set(id, built);
    }
  }
  for (const life of lives.values()) life.changeDates = [...new Set(life.changeDates)].sort();
  const best = ranked[0];
  for (const timeline of ranked.slice(1)) {
    const lastDate = timeline.commits[timeline.commits.length - 1]?.date;
    for (const life of lives.values()) {
      const open = life.periods[life.periods.length - 1]!;
      if (life.textSource !== timeline.source || open.to !== null || !lastDate || !best || heldAtTip(best, life.id)) continue;
      open.to = lastDate > open.from ? lastDate : open.from;
      life.versions[life.versions.length - 1]!.validTo = open.to;
      life.endNotes.set(open.to, `plus attesté après la dernière version de ${timeline.source} ; absent de ${best.source} : date de sortie du code inconnue`);
    }
  }
  return { lives, timelines: ranked };
}

/** The versions and periods one source's states give; undefined when the article was never in force there. */
function lifeOf(id: string, states: ArticleState[], source: string): ArticleLife | undefined {
  const versions: ArticleVersionRecord[] = [];
  const periods: Period[] = [];
  const endedBy = new Map<string, HistoryCommit[]>();
  for (const [index, state] of states.entries()) {
    const next = states[index + 1];
    if (!isInForce(state.article)) {
      const open = periods[periods.length - 1];
      if (open && open.to === null) {
        open.to = state.date;
        endedBy.set(state.date, state.commits);
      }
      continue;
    }
    versions.push({ articleId: id, validFrom: state.date, validTo: next ? next.date : null, article: state.article, commits: state.commits, source });
    const open = periods[periods.length - 1];
    if (!open || open.to !== null) periods.push({ from: state.date, to: null });
  }
  if (versions.length === 0) return undefined;
  return { id, textSource: source, versions, periods, endedBy, endNotes: new Map(), changeDates: states.map((state) => state.date) };
}

/** Whether a source's last state of an article holds it in force. */
function heldAtTip(timeline: SourceTimeline, id: string): boolean {
  const states = timeline.states.get(id);
  return isInForce(states?.[states.length - 1]?.article ?? null);
}

function isInForce(article: Article | null): article is Article {
  return article !== null && article.status !== 'repealed';
}

/** Whether a period holds on a date. */
export function periodHolds(period: Period, date: string): boolean {
  return period.from <= date && (period.to === null || period.to > date);
}

/** The version of a life in force on a date, if any. */
export function versionOn(life: ArticleLife, date: string): ArticleVersionRecord | undefined {
  return life.versions.find((version) => version.validFrom <= date && (version.validTo === null || version.validTo > date));
}

/**
 * What a lower-ranked source says of its articles today: for each article, its last state on or
 * before `today`, unless another source changed the article after that state's date (the newer
 * fact wins), or the article is out of force there.
 */
export function currentFactsOf(timeline: SourceTimeline, merged: MergedHistory, today: string): Map<string, { article: Article; date: string }> {
  const facts = new Map<string, { article: Article; date: string }>();
  for (const [id, states] of timeline.states) {
    const state = [...states].reverse().find((item) => item.date <= today);
    if (!state?.article) continue;
    const life = merged.lives.get(id);
    const superseded = life?.changeDates.some((date) => date > state.date && date <= today) ?? false;
    if (!superseded) facts.set(id, { article: state.article, date: state.date });
  }
  return facts;
}
