/**
 * Resolves every reference once every file is read (as remark-validate-links checks links only
 * once all files are known): a CGCT article that exists → 'resolved'; a range → every existing
 * article between its ends in the order of the code, inserted ones included ("L. 2131-1 à
 * L. 2131-5" takes L. 2131-2-1); another code or text → 'external'; the rest → 'unresolved',
 * with a reason and the closest existing ids.
 *
 * Reasons, precisely:
 * - 'repealed': the number is in `repealedIds` or belongs to an article read as repealed;
 * - 'not-in-code': the number cannot be a CGCT number: its first group does not spell a part
 *   (1 to 7), a book, a title and a chapter ("L. 115-1", "L. 44"), so it is another code's
 *   whose name the text omitted, or a typo;
 * - 'never-existed': a well-formed CGCT number that no source read has, in force or repealed;
 * - 'text-only': a CGCT reference naming no article.
 */
import { compareArticleIds, tocPositionOf } from '../article-id.ts';
import { createSuggestionIndex, suggestArticleIds, type SuggestionIndex, type SuggestionMemo } from './suggest-article-ids.ts';
import { THIS_CODE } from './text-name.ts';
import type { Article, Reference, ResolvedReference, UnresolvedReason } from '../types.ts';

/** What resolveReferences needs: every article read, every text's references, and the numbers known to be repealed. */
export interface ResolveReferencesInput {
  articles: Article[];
  references: Array<{ from: string; references: Reference[] }>;
  repealedIds?: Set<string>;
  /** Suggestions kept from the previous run (a replay), updated here. */
  suggestionMemo?: SuggestionMemo;
}

interface Lookup {
  existing: Set<string>;
  repealed: Set<string>;
  /** Existing ids of each family (L and LO, R and R*, D and D*), sorted in the order of the code. */
  sortedByFamily: Map<string, string[]>;
  byLegiarti: Map<string, string>;
  suggestions: SuggestionIndex;
}

/** Every reference resolved, in the order given. */
export function resolveReferences(input: ResolveReferencesInput): ResolvedReference[] {
  const lookup = createLookup(input.articles, input.repealedIds ?? new Set(), input.suggestionMemo);
  return input.references.flatMap(({ from, references }) => references.map((reference) => resolveOne(lookup, from, reference)));
}

function createLookup(articles: Article[], repealedIds: Set<string>, suggestionMemo: SuggestionMemo | undefined): Lookup {
  const repealed = new Set(repealedIds);
  const existing = new Set<string>();
  const byLegiarti = new Map<string, string>();
  for (const article of articles) {
    if (article.status === 'repealed' || repealedIds.has(article.id)) repealed.add(article.id);
    else existing.add(article.id);
    if (article.legiarti) byLegiarti.set(legiDigits(article.legiarti), article.id);
  }
  const sortedByFamily = new Map<string, string[]>();
  for (const id of existing) {
    const family = familyOf(id);
    const ids = sortedByFamily.get(family);
    if (ids) ids.push(id);
    else sortedByFamily.set(family, [id]);
  }
  for (const ids of sortedByFamily.values()) ids.sort(compareArticleIds);
  return { existing, repealed, sortedByFamily, byLegiarti, suggestions: createSuggestionIndex(existing, suggestionMemo) };
}

function resolveOne(lookup: Lookup, from: string, reference: Reference): ResolvedReference {
  if (reference.legiId && !reference.target) {
    const id = lookup.byLegiarti.get(legiDigits(reference.legiId));
    if (id) return { ...reference, target: id, code: THIS_CODE, from, targets: [id], resolution: 'resolved' };
  }
  if (reference.code !== THIS_CODE) return { ...reference, from, targets: [], resolution: 'external' };
  if (!reference.target) return unresolved(lookup, from, reference, 'text-only');
  if (reference.kind === 'range' && reference.rangeEnd) return resolveRange(lookup, from, reference);
  if (lookup.existing.has(reference.target)) return { ...reference, from, targets: [reference.target], resolution: 'resolved' };
  return unresolved(lookup, from, reference, reasonFor(lookup, reference.target));
}

function resolveRange(lookup: Lookup, from: string, reference: Reference): ResolvedReference {
  const first = reference.target!;
  const last = reference.rangeEnd!;
  const family = familyOf(first);
  const ids = lookup.sortedByFamily.get(family) ?? [];
  const targets = family === familyOf(last) ? idsBetween(ids, first, last) : [];
  if (targets.length > 0) return { ...reference, from, targets, resolution: 'resolved' };
  const reason = family !== familyOf(last) ? 'not-in-code' : reasonFor(lookup, first);
  return unresolved(lookup, from, reference, reason);
}

function unresolved(lookup: Lookup, from: string, reference: Reference, reason: UnresolvedReason): ResolvedReference {
  const candidates = reference.target ? suggestArticleIds(lookup.suggestions, reference.target) : [];
  return { ...reference, from, targets: [], resolution: 'unresolved', reason, ...(candidates.length > 0 ? { candidates } : {}) };
}

function reasonFor(lookup: Lookup, id: string): UnresolvedReason {
  if (lookup.repealed.has(id)) return 'repealed';
  const position = tocPositionOf(id);
  if (!position || position.partie < 1 || position.partie > 7) return 'not-in-code';
  return 'never-existed';
}

/** The family an id sorts in: the legislative part interleaves L and LO articles, the regulatory part R and R*, D and D*. */
export function familyOf(id: string): string {
  return id.startsWith('L') ? 'L' : id.startsWith('R') ? 'R' : id.startsWith('D') ? 'D' : id;
}

/** The digits of a LEGIARTI id, without leading zeros (lexlib's file names keep only those). */
export function legiDigits(id: string): string {
  return id.replace(/^\D+/, '').replace(/^0+/, '');
}

/** The ids of a sorted list between two ids, both included, in code order (binary search). */
export function idsBetween(sortedIds: string[], first: string, last: string): string[] {
  return sortedIds.slice(lowerBound(sortedIds, first), upperBound(sortedIds, last));
}

/** Index of the first id not before `id`. */
function lowerBound(ids: string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareArticleIds(ids[middle]!, id) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index after the last id not after `id`. */
function upperBound(ids: string[], id: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareArticleIds(ids[middle]!, id) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
