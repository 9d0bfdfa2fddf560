/**
 * The diff between two versions of an article, by paragraph, then by word inside a paragraph an
 * amendment rewrote: what a lawyer reads as "les mots : « de l'article » sont remplacés par les
 * mots : « des articles » et après la référence : « L. 2131-1 », sont insérés les mots :
 * « et L. 2131-2 »". Pure, no I/O.
 *
 * Paragraphs are aligned on exact equality first (longest common subsequence); between two kept
 * paragraphs, the removed and added ones that share most of their words are paired as "changed"
 * (a rewritten alinéa is one change, not a repeal and a creation), and only those get a word diff.
 */

/** A run of words kept, inserted or deleted inside a changed paragraph. */
export interface WordRun {
  /** 'same' (in both), 'added' (in the newer paragraph only), 'removed' (in the older only). */
  kind: 'same' | 'added' | 'removed';
  /** The words with the spaces after them, so that the runs join back into the paragraphs. */
  text: string;
}

/** One paragraph of the alignment, in the order of the texts. */
export interface ParagraphDiff {
  /** 'same', 'added', 'removed', or 'changed' (near-identical, with a word diff). */
  kind: 'same' | 'added' | 'removed' | 'changed';
  /** The older paragraph ('same', 'removed', 'changed'). */
  before?: string;
  /** The newer paragraph ('same', 'added', 'changed'). */
  after?: string;
  /** The word runs turning `before` into `after` ('changed' only). */
  words?: WordRun[];
}

/** Options of diffParagraphs. */
export interface DiffParagraphsOptions {
  /** Share of common words (Dice coefficient, 0 to 1) from which two paragraphs are one changed paragraph. */
  similarity?: number;
}

/** Default pairing threshold: "de l'article L. 2131-1" → "des articles L. 2131-1 et L. 2131-2" is 0.63. */
const DEFAULT_SIMILARITY = 0.5;
// Above these sizes a quadratic table would cost more than the diff is worth: a wholly rewritten
// annex of a thousand lines is shown as removed + added, a huge paragraph as one replacement.
const MAX_PAIRING_CELLS = 250_000;
const MAX_WORD_CELLS = 4_000_000;

type Step = { op: 'same'; i: number; j: number } | { op: 'removed'; i: number } | { op: 'added'; j: number };

/** Aligns paragraphs of `before` and `after` (separated by blank lines) and diffs the changed ones by word. */
export function diffParagraphs(before: string, after: string, options: DiffParagraphsOptions = {}): ParagraphDiff[] {
  const threshold = options.similarity ?? DEFAULT_SIMILARITY;
  const older = splitParagraphs(before);
  const newer = splitParagraphs(after);
  const steps = alignSequences(internAll(older, newer), Infinity)!;
  const result: ParagraphDiff[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flushGap = (): void => {
    result.push(...pairGap(older, newer, removed, added, threshold));
    removed = [];
    added = [];
  };
  for (const step of steps) {
    if (step.op === 'removed') removed.push(step.i);
    else if (step.op === 'added') added.push(step.j);
    else {
      flushGap();
      result.push({ kind: 'same', before: older[step.i]!, after: newer[step.j]! });
    }
  }
  flushGap();
  return result;
}

/** Paragraphs are separated by a blank line; spaces around them are not part of the text. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
}

/**
 * The word runs turning `before` into `after`. Punctuation is a token of its own, so that
 * "L. 2131-1." → "L. 2131-1 et L. 2131-2." keeps "L. 2131-1" and adds "et L. 2131-2".
 */
export function diffWords(before: string, after: string): WordRun[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const steps = alignSequences(internAll(a.map((token) => token.trim()), b.map((token) => token.trim())), MAX_WORD_CELLS);
  const runs: WordRun[] = [];
  const push = (kind: WordRun['kind'], text: string): void => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += text;
    else runs.push({ kind, text });
  };
  // A kept word followed by a space in one text only ("communales." → "communales utilisées"):
  // the word is kept, the space removed or added, so that the runs join back exactly.
  const pushSame = (tokenA: string, tokenB: string): void => {
    const word = tokenB.trimEnd();
    const spaceA = tokenA.slice(word.length);
    const spaceB = tokenB.slice(word.length);
    push('same', spaceA === spaceB ? tokenB : word);
    if (spaceA !== spaceB && spaceA) push('removed', spaceA);
    if (spaceA !== spaceB && spaceB) push('added', spaceB);
  };
  if (!steps) {
    // Too long to compare word by word: one replacement.
    if (before) push('removed', before);
    if (after) push('added', after);
    return runs;
  }
  for (const step of steps) {
    if (step.op === 'same') pushSame(a[step.i]!, b[step.j]!);
    else if (step.op === 'removed') push('removed', a[step.i]!);
    else push('added', b[step.j]!);
  }
  return runs;
}

// A word (letters, digits, and the apostrophes, hyphens and dots inside it: "l'article",
// "2131-1", "n°" is "n" + "°") or one punctuation mark, each with the spaces that follow it.
function tokenize(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’\-.*][\p{L}\p{N}]+)*\s*|[^\s\p{L}\p{N}]\s*|\s+/gu) ?? [];
}

/** Gives equal strings of both lists the same small integer, so the alignment compares numbers. */
function internAll(a: readonly string[], b: readonly string[]): [number[], number[]] {
  const ids = new Map<string, number>();
  const idOf = (value: string): number => {
    let id = ids.get(value);
    if (id === undefined) ids.set(value, (id = ids.size));
    return id;
  };
  return [a.map(idOf), b.map(idOf)];
}

/**
 * Longest common subsequence of two id lists, as steps in order (removals before additions in
 * a gap). Common ends are matched first, so a one-word change in a long text costs nothing.
 * Returns undefined when the middle part would need more than `maxCells` table cells.
 */
function alignSequences([a, b]: [number[], number[]], maxCells: number): Step[] | undefined {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  if ((n + 1) * (m + 1) > maxCells) return undefined;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[start + i] === b[start + j]
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const steps: Step[] = [];
  for (let k = 0; k < start; k++) steps.push({ op: 'same', i: k, j: k });
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[start + i] === b[start + j]) steps.push({ op: 'same', i: start + i++, j: start + j++ });
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) steps.push({ op: 'removed', i: start + i++ });
    else steps.push({ op: 'added', j: start + j++ });
  }
  while (i < n) steps.push({ op: 'removed', i: start + i++ });
  while (j < m) steps.push({ op: 'added', j: start + j++ });
  for (let k = 0; k < a.length - endA; k++) steps.push({ op: 'same', i: endA + k, j: endB + k });
  return steps;
}

/**
 * Between two kept paragraphs, pairs removed and added ones in order, maximizing the total
 * similarity of the pairs above the threshold; the others stay removed or added.
 */
function pairGap(older: string[], newer: string[], removed: number[], added: number[], threshold: number): ParagraphDiff[] {
  const pairs = removed.length * added.length > 0 && removed.length * added.length <= MAX_PAIRING_CELLS
    ? choosePairs(removed.map((i) => wordBag(older[i]!)), added.map((j) => wordBag(newer[j]!)), threshold)
    : [];
  const result: ParagraphDiff[] = [];
  let r = 0;
  let a = 0;
  for (const [pr, pa] of [...pairs, [removed.length, added.length] as const]) {
    while (r < pr) result.push({ kind: 'removed', before: older[removed[r++]!]! });
    while (a < pa) result.push({ kind: 'added', after: newer[added[a++]!]! });
    if (pr === removed.length) break;
    const before = older[removed[r++]!]!;
    const after = newer[added[a++]!]!;
    result.push({ kind: 'changed', before, after, words: diffWords(before, after) });
  }
  return result;
}

/** Order-preserving pairs (index in removed, index in added) with the highest total similarity. */
function choosePairs(olds: Array<Map<string, number>>, news: Array<Map<string, number>>, threshold: number): Array<[number, number]> {
  const n = olds.length;
  const m = news.length;
  const width = m + 1;
  const score = new Float64Array((n + 1) * width);
  const similarity = new Float64Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = diceCoefficient(olds[i]!, news[j]!);
      similarity[i * m + j] = s;
      const paired = s >= threshold ? score[(i + 1) * width + j + 1]! + s : -1;
      score[i * width + j] = Math.max(paired, score[(i + 1) * width + j]!, score[i * width + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const s = similarity[i * m + j]!;
    if (s >= threshold && score[i * width + j] === score[(i + 1) * width + j + 1]! + s) pairs.push([i++, j++]);
    else if (score[(i + 1) * width + j]! >= score[i * width + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** The words of a paragraph, lower-cased, with their counts (punctuation ignored). */
function wordBag(paragraph: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of paragraph.toLowerCase().match(/[\p{L}\p{N}]+(?:['’\-.*][\p{L}\p{N}]+)*/gu) ?? []) {
    bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

/** 2 × common words / (words of a + words of b), counting repeated words as often as they occur. */
function diceCoefficient(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let common = 0;
  for (const count of a.values()) sizeA += count;
  for (const [word, count] of b) {
    sizeB += count;
    common += Math.min(count, a.get(word) ?? 0);
  }
  return sizeA + sizeB === 0 ? 1 : (2 * common) / (sizeA + sizeB);
}
