/**
 * Resolves every version's references against the code as it stood on that version's dates, and
 * turns them into citations with their own validity (shared/DOMAIN.md, "Time"):
 * - a version's interval is cut where a target it names comes into or leaves force; on each piece
 *   the references resolve as of its first day ("L. 2131-1 à L. 2131-5" takes the articles in force
 *   then), so a citation of an article before it exists or after its repeal points, for those dates,
 *   to the unresolved target of that number with the reason `not-yet-in-force` or `repealed`;
 * - a number no source ever had "never existed" (or is "not in the code" when it cannot be a CGCT
 *   number), with the closest numbers that ever existed;
 * - consecutive pieces that give the same relationship make one interval.
 * Pure: the merged history in, rows with intervals out.
 */
import { compareArticleIds, tocPositionOf } from '../article-id.ts';
import { edgeKeyOf } from '../graph/graph-records.ts';
import type { EdgeRow, Evidence, NodeRow } from '../graph/graph-records.ts';
import { collectReferenceRows } from '../graph/to-graph-records.ts';
import { extractReferences } from '../references/extract-references.ts';
import { mergeLinkReferences } from '../references/merge-link-references.ts';
import { familyOf, idsBetween, legiDigits } from '../references/resolve-references.ts';
import { createSuggestionIndex, suggestArticleIds, type SuggestionIndex } from '../references/suggest-article-ids.ts';
import { THIS_CODE } from '../references/text-name.ts';
import type { Article, Reference, ResolvedReference, UnresolvedReason } from '../types.ts';
import { periodHolds, type ArticleLife, type ArticleVersionRecord, type MergedHistory, type Period } from './merge-timelines.ts';

/** One relationship over one interval. */
export interface DatedEdge {
  edge: Omit<EdgeRow, 'evidence'>;
  evidence: Evidence;
  source: string;
  validFrom: string;
  validTo: string | null;
  /** For a citation of an unresolved target over these dates: why (repealed, not-yet-in-force…). */
  reason?: UnresolvedReason;
}

/** What the resolution over time gives. */
export interface DatedCitations {
  edges: DatedEdge[];
  /** Target nodes (texts, external articles, unresolved numbers), one row per id. */
  nodes: NodeRow[];
  /** Per version (by `articleId@validFrom`): the CGCT numbers its text cites on its first day, for change sets. */
  citedNumbers: Map<string, Set<string>>;
  /** The same on its last day (a target may have come or gone meanwhile): what an amendment ending it takes away. */
  citedNumbersAtEnd: Map<string, Set<string>>;
  /** Relationships that hold whatever the date (an external article PART_OF its text), once each. */
  timeless: Array<{ row: EdgeRow; source: string }>;
}

/** What resolving over time looks up: every number that was ever in force, and when. */
export interface TimeLookup {
  periods: Map<string, Period[]>;
  /** Every number ever in force, by family (L and LO, R and R*, D and D*), in code order. */
  sortedByFamily: Map<string, string[]>;
  byLegiarti: Map<string, string>;
  suggestions: SuggestionIndex;
  /** Numbers some source holds only as a repealed copy (lexlib keeps them): they existed, dates unknown. */
  heldRepealed: Set<string>;
}

/** Builds the look-up from the merged history. */
export function createTimeLookup(merged: MergedHistory): TimeLookup {
  const periods = new Map<string, Period[]>();
  const byLegiarti = new Map<string, string>();
  const sortedByFamily = new Map<string, string[]>();
  for (const life of merged.lives.values()) {
    periods.set(life.id, life.periods);
    for (const version of life.versions) if (version.article.legiarti) byLegiarti.set(legiDigits(version.article.legiarti), life.id);
    const family = familyOf(life.id);
    if (!sortedByFamily.has(family)) sortedByFamily.set(family, []);
    sortedByFamily.get(family)!.push(life.id);
  }
  for (const ids of sortedByFamily.values()) ids.sort(compareArticleIds);
  const heldRepealed = new Set<string>();
  for (const timeline of merged.timelines) {
    for (const [id, states] of timeline.states) if (!periods.has(id) && states.some((state) => state.article)) heldRepealed.add(id);
  }
  return { periods, sortedByFamily, byLegiarti, suggestions: createSuggestionIndex(periods.keys()), heldRepealed };
}

/** Resolves the references of every version of every article over time. */
export function resolveOverTime(merged: MergedHistory, lookup: TimeLookup, onProgress?: (done: number, total: number) => void): DatedCitations {
  const result: DatedCitations = { edges: [], nodes: [], citedNumbers: new Map(), citedNumbersAtEnd: new Map(), timeless: [] };
  const timeless = new Map<string, { row: EdgeRow; source: string }>();
  const nodes = new Map<string, NodeRow>();
  const extracted = new Map<string, Reference[]>();
  const candidates = new Map<string, string[]>();
  let done = 0;
  for (const life of merged.lives.values()) {
    const pieces: Array<{ from: string; to: string | null; edges: Map<string, { row: EdgeRow; reason?: UnresolvedReason }> }> = [];
    for (const version of life.versions) {
      const references = referencesOf(version.article, extracted);
      const cuts = cutPoints(version, references, lookup);
      for (const [index, from] of cuts.entries()) {
        const to = cuts[index + 1] ?? version.validTo;
        const resolved = references.map((reference) => resolveAt(lookup, life.id, reference, from, candidates));
        const rows = collectReferenceRows(resolved);
        for (const node of rows.nodes) keepFirstNode(nodes, node);
        const reasons = new Map(resolved.filter((r) => r.resolution === 'unresolved').map((r) => [`unresolved:${r.code}|${r.target ?? ''}`, r.reason]));
        for (const row of rows.edges) if (row.type === 'PART_OF' && !timeless.has(edgeKeyOf(row))) timeless.set(edgeKeyOf(row), { row, source: life.textSource });
        const dated = rows.edges.filter((row) => row.type !== 'PART_OF');
        const edges = new Map(dated.map((row) => [edgeKeyOf(row), { row, reason: row.toLabel === 'UnresolvedTarget' ? reasons.get(row.to) : undefined }]));
        pieces.push({ from, to, edges });
        const numbers = citedNumbersOf(rows.edges);
        if (index === 0) result.citedNumbers.set(`${life.id}@${version.validFrom}`, numbers);
        if (index === cuts.length - 1) result.citedNumbersAtEnd.set(`${life.id}@${version.validFrom}`, numbers);
      }
    }
    result.edges.push(...joinPieces(pieces, life));
    onProgress?.(++done, merged.lives.size);
  }
  result.nodes = [...nodes.values()];
  result.timeless = [...timeless.values()];
  return result;
}

/**
 * The first row of a node read wins (articles go in order), except that a text first named
 * without a link takes the Légifrance id a later version's link gives it.
 */
function keepFirstNode(nodes: Map<string, NodeRow>, node: NodeRow): void {
  const key = `${node.label}:${node.id}`;
  const existing = nodes.get(key);
  if (!existing) nodes.set(key, node);
  else if (node.label === 'LegalText' && existing.props.legifranceId === undefined && node.props.legifranceId !== undefined) {
    nodes.set(key, { ...existing, props: { ...existing.props, legifranceId: node.props.legifranceId } });
  }
}

// References by text, for amendments applied one after the other in one process.
const amendmentReferences = new Map<string, Reference[]>();

/** Resolves one article's references as of a date (an amendment applied on top of the history), with the reason of each unresolved target. */
export function resolveVersionOn(lookup: TimeLookup, id: string, article: Article, date: string): { references: ResolvedReference[]; reasons: Map<string, UnresolvedReason> } {
  const references = resolveReferencesOn(lookup, id, referencesOf(article, amendmentReferences), date);
  const reasons = new Map<string, UnresolvedReason>();
  for (const reference of references) if (reference.resolution === 'unresolved' && reference.reason) reasons.set(`unresolved:${reference.code}|${reference.target ?? ''}`, reference.reason);
  return { references, reasons };
}

/** Every CGCT number an article's text names, directly or as a range member that was ever in force. */
export function namedNumbersOf(lookup: TimeLookup, article: Article): string[] {
  return referencesOf(article, amendmentReferences).flatMap((reference) => (reference.code === THIS_CODE && reference.target ? namedIds(lookup, reference) : []));
}

/** A version's references (text merged with its links), extracted once per text. */
function referencesOf(article: Article, cache: Map<string, Reference[]>): Reference[] {
  let references = cache.get(article.contentHash);
  if (!references) cache.set(article.contentHash, (references = mergeLinkReferences(extractReferences(article.text), article.links)));
  return references;
}

/** The dates inside a version's interval where a number it names comes into or leaves force. */
function cutPoints(version: ArticleVersionRecord, references: Reference[], lookup: TimeLookup): string[] {
  const cuts = new Set([version.validFrom]);
  const inside = (date: string | null) => date !== null && date > version.validFrom && (version.validTo === null || date < version.validTo);
  for (const reference of references) {
    if (reference.code !== THIS_CODE || !reference.target) continue;
    for (const id of namedIds(lookup, reference)) {
      for (const period of lookup.periods.get(id) ?? []) {
        if (inside(period.from)) cuts.add(period.from);
        if (inside(period.to)) cuts.add(period.to!);
      }
    }
  }
  return [...cuts].sort();
}

/** The numbers a reference may designate at some date: its target, or every number ever in its range. */
function namedIds(lookup: TimeLookup, reference: Reference): string[] {
  if (reference.kind !== 'range' || !reference.rangeEnd) return [reference.target!];
  return rangeMembers(lookup, reference.target!, reference.rangeEnd);
}

function rangeMembers(lookup: TimeLookup, first: string, last: string): string[] {
  if (familyOf(first) !== familyOf(last)) return [];
  return idsBetween(lookup.sortedByFamily.get(familyOf(first)) ?? [], first, last);
}

/** Resolves the references of one text (a free-text document) as of `date`. */
export function resolveReferencesOn(lookup: TimeLookup, from: string, references: Reference[], date: string): ResolvedReference[] {
  const candidates = new Map<string, string[]>();
  return references.map((reference) => resolveAt(lookup, from, reference, date, candidates));
}

/** Resolves one reference as of `date`. */
function resolveAt(lookup: TimeLookup, from: string, reference: Reference, date: string, candidates: Map<string, string[]>): ResolvedReference {
  if (reference.legiId && !reference.target) {
    const id = lookup.byLegiarti.get(legiDigits(reference.legiId));
    if (id && inForce(lookup, id, date)) return { ...reference, target: id, code: THIS_CODE, from, targets: [id], resolution: 'resolved' };
  }
  if (reference.code !== THIS_CODE) return { ...reference, from, targets: [], resolution: 'external' };
  if (!reference.target) return { ...reference, from, targets: [], resolution: 'unresolved', reason: 'text-only' };
  if (reference.kind === 'range' && reference.rangeEnd) {
    const members = rangeMembers(lookup, reference.target, reference.rangeEnd).filter((id) => inForce(lookup, id, date));
    if (members.length > 0) return { ...reference, from, targets: members, resolution: 'resolved' };
    const reason = familyOf(reference.target) !== familyOf(reference.rangeEnd) ? 'not-in-code' : reasonAt(lookup, reference.target, date);
    return unresolved(lookup, from, reference, reason, candidates);
  }
  if (inForce(lookup, reference.target, date)) return { ...reference, from, targets: [reference.target], resolution: 'resolved' };
  return unresolved(lookup, from, reference, reasonAt(lookup, reference.target, date), candidates);
}

function unresolved(lookup: TimeLookup, from: string, reference: Reference, reason: UnresolvedReason, memo: Map<string, string[]>): ResolvedReference {
  const target = reference.target!;
  // A number that did exist is not a typo: no look-alikes for it.
  let found = reason === 'repealed' || reason === 'not-yet-in-force' ? [] : memo.get(target);
  if (!found) memo.set(target, (found = suggestArticleIds(lookup.suggestions, target)));
  return { ...reference, from, targets: [], resolution: 'unresolved', reason, ...(found.length > 0 ? { candidates: found } : {}) };
}

/** Why a number is not in force on a date, judged on the whole history. */
export function reasonAt(lookup: TimeLookup, id: string, date: string): UnresolvedReason {
  const periods = lookup.periods.get(id);
  if (periods && periods.length > 0) return periods.some((period) => period.from <= date) ? 'repealed' : 'not-yet-in-force';
  if (lookup.heldRepealed.has(id)) return 'repealed';
  const position = tocPositionOf(id);
  return !position || position.partie < 1 || position.partie > 7 ? 'not-in-code' : 'never-existed';
}

function inForce(lookup: TimeLookup, id: string, date: string): boolean {
  return (lookup.periods.get(id) ?? []).some((period) => periodHolds(period, date));
}

/** Consecutive pieces holding the same relationship make one interval; its evidence is the last piece's. */
function joinPieces(pieces: Array<{ from: string; to: string | null; edges: Map<string, { row: EdgeRow; reason?: UnresolvedReason }> }>, life: ArticleLife): DatedEdge[] {
  const dated: DatedEdge[] = [];
  const open = new Map<string, DatedEdge>();
  let end: string | null = null;
  for (const piece of pieces) {
    // A gap between two pieces (the article out of force for a while) closes everything.
    if (end !== piece.from) open.clear();
    for (const [key, item] of open) {
      const next = piece.edges.get(key);
      if (!next || next.reason !== item.reason) open.delete(key);
    }
    for (const [key, { row, reason }] of piece.edges) {
      const current = open.get(key);
      const { evidence, ...edge } = row;
      if (current) {
        current.validTo = piece.to;
        current.evidence = evidence;
        continue;
      }
      const item: DatedEdge = { edge, evidence, source: life.textSource, validFrom: piece.from, validTo: piece.to, ...(reason ? { reason } : {}) };
      dated.push(item);
      open.set(key, item);
    }
    end = piece.to;
  }
  return dated;
}

const CGCT_NUMBER = /^[A-Z]{1,2}\*?\d{4}-\d/;

/** The CGCT numbers a version cites (in force or not), for "citations gained / lost". */
export function citedNumbersOf(edges: EdgeRow[]): Set<string> {
  const numbers = new Set<string>();
  for (const edge of edges) {
    if (edge.type !== 'CITES') continue;
    if (edge.toLabel === 'Article') numbers.add(edge.to);
    else if (edge.toLabel === 'UnresolvedTarget' && edge.to.startsWith(`unresolved:${THIS_CODE}|`)) {
      const number = edge.to.slice(`unresolved:${THIS_CODE}|`.length);
      if (CGCT_NUMBER.test(number)) numbers.add(number);
    }
  }
  return numbers;
}
