/**
 * "Did you mean": the existing article ids closest to one that does not exist.
 *
 * Typos in free text are mostly a digit dropped or doubled ("article L.115-1 du CGCT" for
 * L. 1115-1 in seed 001), two digits swapped or one mistyped. Those variants are generated and
 * looked up first (a dropped digit that repeats its neighbour ranks first), then the edit
 * distance on the normalized id ranks the ids of the same chapter-length bucket.
 */
import { distance } from 'fastest-levenshtein';

const DIGITS = '0123456789';
const MAX_CANDIDATES = 5;
// Every candidate is within this edit distance of the id asked about (a typo variant is 1 or 2).
const MAX_EDITS = 2;

/**
 * Suggestions kept from one run to the next over a set of ids that changes little (a replay,
 * amendment after amendment): comparing an unknown id with every id of its bucket is most of the
 * resolution's time. An entry is dropped when an id within MAX_EDITS of its target came or went,
 * the only change that can alter it.
 */
export interface SuggestionMemo {
  ids: Set<string>;
  byTarget: Map<string, string[]>;
}

/** An empty memo, for a replay's cache. */
export function createSuggestionMemo(): SuggestionMemo {
  return { ids: new Set(), byTarget: new Map() };
}

/**
 * Most suggestions one index computes (~0.3 ms each against a whole code): the corpora need a few
 * hundred per run, while a folder of hostile files citing 100,000 numbers that do not exist took
 * 31 s to resolve (issue 15). Past it, an unresolved reference still gets its reason, without
 * "did you mean".
 */
export const MAX_FRESH_SUGGESTIONS = 20_000;

/** An index of existing ids for suggestions: a set and buckets by prefix and length. */
export interface SuggestionIndex {
  ids: Set<string>;
  byBucket: Map<string, string[]>;
  memo?: SuggestionMemo;
  /** Suggestions computed by this index, by target (without a memo, a target cited twice is looked up once). */
  computed?: Map<string, string[]>;
  /** How many more suggestions this index may compute. */
  budget?: number;
}

/** Builds the index once for all the look-ups of a run; with a memo, keeps what the changes leave valid. */
export function createSuggestionIndex(ids: Iterable<string>, memo?: SuggestionMemo, budget = MAX_FRESH_SUGGESTIONS): SuggestionIndex {
  const index: SuggestionIndex = { ids: new Set(ids), byBucket: new Map(), memo, computed: new Map(), budget };
  for (const id of index.ids) {
    const key = bucketOf(id);
    const bucket = index.byBucket.get(key);
    if (bucket) bucket.push(id);
    else index.byBucket.set(key, [id]);
  }
  if (memo) forgetChanged(memo, index.ids);
  return index;
}

function forgetChanged(memo: SuggestionMemo, ids: Set<string>): void {
  const changed = [...ids].filter((id) => !memo.ids.has(id));
  for (const id of memo.ids) if (!ids.has(id)) changed.push(id);
  if (changed.length > 0) {
    for (const target of [...memo.byTarget.keys()]) {
      if (changed.some((id) => distance(id, target) <= MAX_EDITS)) memo.byTarget.delete(target);
    }
  }
  memo.ids = ids;
}

/** Up to five existing ids close to `id`, the likeliest first. */
export function suggestArticleIds(index: SuggestionIndex, id: string): string[] {
  const kept = index.memo?.byTarget.get(id) ?? index.computed?.get(id);
  if (kept) return [...kept];
  if (index.budget !== undefined) {
    if (index.budget <= 0) return [];
    index.budget--;
  }
  const found = findSuggestions(index, id);
  index.memo?.byTarget.set(id, found);
  index.computed?.set(id, found);
  return [...found];
}

function findSuggestions(index: SuggestionIndex, id: string): string[] {
  const scored = new Map<string, number>();
  const consider = (candidate: string, score: number): void => {
    if (candidate === id || !index.ids.has(candidate)) return;
    scored.set(candidate, Math.min(score, scored.get(candidate) ?? Infinity));
  };
  for (const [candidate, score] of typoVariants(id)) consider(candidate, score);
  for (const delta of [-1, 0, 1]) {
    for (const candidate of index.byBucket.get(bucketOf(id, delta)) ?? []) {
      const d = distance(candidate, id);
      if (d <= MAX_EDITS) consider(candidate, 2 + d);
    }
  }
  return [...scored.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_CANDIDATES)
    .map(([candidate]) => candidate);
}

// Ids are bucketed by prefix and length of the first digit group: "L115-1" → "L:3".
function bucketOf(id: string, delta = 0): string {
  const match = /^([A-Z]+\*?)(\d+)/.exec(id);
  return match ? `${match[1]}:${match[2]!.length + delta}` : id;
}

/** Variants of the first digit group with one typo undone, scored: 0 doubled digit dropped, 1 other fix. */
function* typoVariants(id: string): Generator<[string, number]> {
  const match = /^([A-Z]+\*?)(\d+)(.*)$/.exec(id);
  if (!match) return;
  const [, prefix, digits, rest] = match as unknown as [string, string, string, string];
  const rebuild = (group: string): string => `${prefix}${group}${rest}`;
  for (let i = 0; i <= digits.length; i++) {
    for (const digit of DIGITS) {
      const repeatsNeighbour = digits[i - 1] === digit || digits[i] === digit;
      yield [rebuild(digits.slice(0, i) + digit + digits.slice(i)), repeatsNeighbour ? 0 : 1];
    }
  }
  for (let i = 0; i < digits.length; i++) {
    yield [rebuild(digits.slice(0, i) + digits.slice(i + 1)), 1];
    if (i + 1 < digits.length) yield [rebuild(digits.slice(0, i) + digits[i + 1] + digits[i] + digits.slice(i + 2)), 1];
  }
}
