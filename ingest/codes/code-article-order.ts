/**
 * The order of another code's articles, whatever their numbering: "L300-5" before "L300-5-1",
 * "1609 quater" before "1609 quinquies", "1609 nonies C" after "1609 nonies B", "R*122-3" among
 * the R, annexes last. The CGCT keeps its own rules (ingest/article-id.ts); these are looser
 * because the 77 codes number in every way (headings of all-codes-tip: "R9-9", "9 bis", "A9-9",
 * "R*9 B-9", "Annexe II : Tableau n° 9").
 */

const LATIN_RANK: Record<string, number> = {
  bis: 2, ter: 3, quater: 4, quinquies: 5, sexies: 6, septies: 7, octies: 8, nonies: 9, decies: 10,
  undecies: 11, duodecies: 12, terdecies: 13, quaterdecies: 14, quindecies: 15, sexdecies: 16, septdecies: 17,
  octodecies: 18, novodecies: 19, vicies: 20, unvicies: 21, duovicies: 22, tervicies: 23, quatervicies: 24,
  quinvicies: 25, sexvicies: 26, septvicies: 27, octovicies: 28, novovicies: 29, tricies: 30,
};

// An offset keeps every group positive and fixed-width in the string key.
const OFFSET = 500_000;

/** The family an article sorts in: L (and LO), R (R*), D (D*), A, a bare number, or words (annexes, tables). */
export function codeFamilyOf(number: string): string {
  const prefix = /^(LO|L|R|D|A)\*{0,2}(?=\d)/.exec(number)?.[1];
  if (prefix) return prefix === 'LO' ? 'L' : prefix;
  return /^\d/.test(number) ? '#' : '~';
}

/**
 * The number's groups as numbers: digits as they are, a Latin adverb by its rank, an inserted
 * capital letter ("1609 nonies C", "L4424-1-A") by its letter, just after its base.
 */
export function codeSortGroups(number: string): number[] {
  const rest = number.replace(/^(LO|L|R|D|A)\*{0,2}(?=\d)/, '');
  const groups: number[] = [];
  for (const token of rest.match(/\d+|[A-Za-z]+/g) ?? []) {
    if (/^\d+$/.test(token)) groups.push(Number(token.slice(0, 9)));
    else if (LATIN_RANK[token.toLowerCase()] !== undefined) groups.push(0.5 + LATIN_RANK[token.toLowerCase()]! / 100);
    else if (/^[A-Z]{1,2}$/.test(token)) groups.push(0.01 + (token.charCodeAt(0) - 64) / 1000 + (token.length > 1 ? (token.charCodeAt(1) - 64) / 100_000 : 0));
  }
  return groups;
}

/** Compares two numbers of one code in the code's order. */
export function compareCodeNumbers(a: string, b: string): number {
  const fa = codeFamilyOf(a);
  const fb = codeFamilyOf(b);
  if (fa !== fb) return fa < fb ? -1 : 1;
  const ga = codeSortGroups(a);
  const gb = codeSortGroups(b);
  for (let i = 0; i < Math.max(ga.length, gb.length); i++) {
    const da = ga[i] ?? -1;
    const db = gb[i] ?? -1;
    if (da !== db) return da - db;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The graph's `sortKey` of another code's article: sorts as compareCodeNumbers does, per code ("code-de-lurbanisme|L|0500300|0500005|L300-5"). */
export function codeSortKeyString(code: string, number: string): string {
  const groups = codeSortGroups(number).map((group) => Math.round(group * 100_000 + OFFSET * 100_000).toString().padStart(16, '0'));
  // "!" sorts before every digit: "L300-5" ends its groups before "L300-5-1" goes on.
  return `${code}|${codeFamilyOf(number)}|${groups.join('|')}|!${number}`;
}
