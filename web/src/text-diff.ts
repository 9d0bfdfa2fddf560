/**
 * Word-level diff between two versions of an article (what an amendment changed), by longest
 * common subsequence. Pure. Too long a pair returns undefined rather than freezing the page.
 */

/** A run of words kept, inserted or deleted. */
export interface DiffRun {
  /** 'same', 'added' (in the newer text only) or 'removed' (in the older text only). */
  kind: 'same' | 'added' | 'removed';
  /** The words, with the spaces between them. */
  text: string;
}

// Words and the whitespace after them stay together, so the runs re-join into the exact texts.
function tokenize(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

const MAX_CELLS = 4_000_000;

/** The runs turning `older` into `newer`; undefined when the texts are too long to compare. */
export function diffWords(older: string, newer: string): DiffRun[] | undefined {
  const a = tokenize(older);
  const b = tokenize(newer);
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return undefined;
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i]!.trim() === b[j]!.trim()
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const runs: DiffRun[] = [];
  const push = (kind: DiffRun['kind'], token: string): void => {
    const last = runs[runs.length - 1];
    if (last && last.kind === kind) last.text += token;
    else runs.push({ kind, text: token });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i]!.trim() === b[j]!.trim()) { push('same', b[j]!); i++; j++; }
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < a.length) push('removed', a[i++]!);
  while (j < b.length) push('added', b[j++]!);
  return runs;
}
