/**
 * What `impact` answers from the walk of graph-repository.ts: counts per distance, groups by code
 * and by section over every dependant (not just the page asked), the page itself with each
 * dependant's `via`, and the words of the citation that carries it. Pure: no Cypher here.
 */
import { splitArticleKey } from '../ingest/codes/code-registry.ts';
import { encodeCursor } from './cursor.ts';
import type { ArticleSummary, DependantRecord, ImpactRecord, ImpactWalk, ImpactWalkStep } from './types.ts';

// The words a French text puts before a designator: "de l'article L. 2131-1", "aux articles
// L. 2131-1 et L. 2131-2", "à l'article", "les articles", "l'article". Only the last one or two
// words are quoted with it, so the hover reads « l'article L. 2131-1 », not half a sentence.
const LEAD_IN = /(?:(?:l'|l’|les |aux |des |à l'|à l’)\s*)?articles?\s+$/i;

/**
 * The citation as quoted to a reader: the designator (`window` from `designatorAt` on) with the
 * "l'article " that introduces it when the text has one, whitespace collapsed.
 */
export function quoteCitation(window: string, designatorAt: number): string {
  const before = window.slice(0, Math.max(0, designatorAt));
  const designator = window.slice(Math.max(0, designatorAt));
  const leadIn = LEAD_IN.exec(before)?.[0] ?? '';
  return `${leadIn}${designator}`.replace(/\s+/g, ' ').trim();
}

/** Where to start and how many to list. */
export interface ImpactPageOptions {
  /** Index of the first dependant listed. */
  offset: number;
  /** At most this many listed. */
  first: number;
}

/** The page of the walk the caller asked for, with the counts and groups of the whole walk. */
export function pageImpact(rootId: string, walk: ImpactWalk, { offset, first }: ImpactPageOptions): ImpactRecord {
  const { steps } = walk;
  const summaries = new Map<string, ArticleSummary>([[walk.root.id, walk.root]]);
  for (const step of steps) summaries.set(step.article.id, step.article);
  const page = steps.slice(offset, offset + first);
  const dependants: DependantRecord[] = page.map((step) => ({
    article: step.article,
    distance: step.distance,
    // The walk met `via` before its citer, so it is always known; the root as a last resort.
    via: summaries.get(step.viaId) ?? walk.root,
    citation: step.citation,
    provenance: step.provenance,
    section: step.section,
  }));
  const hasNextPage = offset + page.length < steps.length;
  return {
    root: rootId,
    directCount: steps.filter((step) => step.distance === 1).length,
    totalCount: steps.length,
    dependants,
    truncated: hasNextPage || offset > 0,
    complete: walk.complete,
    countsByDistance: countBy(steps, (step) => step.distance).map(([distance, count]) => ({ distance, count })),
    byCode: countBy(sortedByCode(steps), codeOf).map(([codeId, count]) => ({ codeId, count })),
    bySection: countBy(sortedByCode(steps), (step) => `${codeOf(step)}|${step.section?.id ?? ''}`)
      .map(([, count, step]) => ({ codeId: codeOf(step), section: step.section, count })),
    pageInfo: { hasNextPage, endCursor: page.length > 0 ? encodeCursor('impact', offset + page.length - 1) : null },
  };
}

const codeOf = (step: ImpactWalkStep): string => splitArticleKey(step.article.id).code;

// Groups follow the code's order: the CGCT first, then each other code, by sortKey within one.
function sortedByCode(steps: ImpactWalkStep[]): ImpactWalkStep[] {
  const rank = (step: ImpactWalkStep) => (codeOf(step) === 'CGCT' ? '' : codeOf(step));
  return [...steps].sort((a, b) => rank(a).localeCompare(rank(b)) || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
}

// Counts by key, in the order each key is first met, with the first step of each.
function countBy<K>(steps: ImpactWalkStep[], keyOf: (step: ImpactWalkStep) => K): Array<[K, number, ImpactWalkStep]> {
  const groups = new Map<K, [K, number, ImpactWalkStep]>();
  for (const step of steps) {
    const key = keyOf(step);
    const group = groups.get(key);
    if (group) group[1]++;
    else groups.set(key, [key, 1, step]);
  }
  return [...groups.values()];
}
