/**
 * Article identifiers: one normalized form for every notation a text, a file name or a user uses.
 *
 * Légifrance prints "L. 2131-1", "LO 1112-1", "R.* 2334-3", "L. 5210-1-1 A"; file names say
 * "l2131-1.md" or "Article R 1424-59 - 6392770.md"; lawyers type "l2131-1" or "L.2131-1".
 * All of them become one id: the prefix glued to the number ("L2131-1", "LO1112-1", "R*2334-3",
 * "L5210-1-1 A", "R2333-120-21 bis"), so that the same article is one node whatever the source.
 */

/** Which part of the code an article belongs to. */
export type CodePart = 'legislative' | 'regulatory' | 'annex';

// Prefix: L, LO (organic law), R, D, and the starred R*/D* (decrees in Conseil d'État / Conseil des
// ministres), written with optional dots and spaces: "L.O.", "R.*", "R *".
const PREFIX = String.raw`(L\.?\s?O|[LRDA])\.?\s?(\*)?`;
// Number: dash-separated digit groups ("2131-1", "5210-1-1"), and an optional suffix:
// a capital letter ("L. 5210-1-1 A", "L4424-1-A") or a Latin adverb ("bis", "ter", ...).
// Groups are bounded (the code's longest is "R2333-120-21": 4 digits, then 3): a number such as
// "L99999999999999999999-1" is no article, and its digits would overflow every numeric key.
const LATIN = 'bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies';
const NUMBER = String.raw`(\d{1,6}(?:\s?-\s?\d{1,6}){0,7})(?:(?:\s|-)(${LATIN}|[A-Z])\b)?`;
// "\s*(?:\.\s*)?", not "\s*\.?\s*": two runs of spaces side by side split "L" + 100,000 spaces
// every way (quadratic: 1.4 s for 20,000), and the server reads ids typed by anyone.
const ARTICLE_ID = new RegExp(String.raw`^\s*(?:art(?:icle)?\.?\s+)?${PREFIX}\s*(?:\.\s*)?${NUMBER}\s*$`, 'i');
const ANNEX_ID = /^\s*annexe\s+([a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,4})\s*$/i;

/**
 * Normalizes any notation of a CGCT article number; returns undefined when the string is not one.
 * "L. 1115-1" → "L1115-1", "l.o. 1112-1" → "LO1112-1", "R.* 2334-3" → "R*2334-3",
 * "L5210-1-1 A" → "L5210-1-1 A", "annexe x-i" → "Annexe X-I".
 */
export function normalizeArticleId(raw: string): string | undefined {
  const annex = ANNEX_ID.exec(raw);
  if (annex) return `Annexe ${annex[1]!.toUpperCase()}`;
  const match = ARTICLE_ID.exec(raw.replace(/\u00a0/g, ' '));
  if (!match) return undefined;
  const [, prefixRaw, star, digits, suffix] = match;
  const prefix = prefixRaw!.replace(/[.\s]/g, '').toUpperCase();
  if (prefix === 'A') return undefined;
  const number = digits!.replace(/\s/g, '');
  const normalizedSuffix = suffix ? ` ${/^[a-z]$/i.test(suffix) ? suffix.toUpperCase() : suffix.toLowerCase()}` : '';
  return `${prefix}${star ? '*' : ''}${number}${normalizedSuffix}`;
}

// What the CGCT prints besides numbers of its grammar (read-article-heading.ts): annex I's pieces
// ("# Article Rubrique 4", "# Article Sommaire") and one regulatory number without its prefix
// ("# Article 4425-34"). Their id is the number as printed.
const PRINTED_ID = /^(?:Rubrique \d{1,3}|Sommaire|\d{1,6}(?:-\d{1,6}){1,7})$/;

/**
 * The CGCT id a user's string names: any notation of a number (normalizeArticleId), or one of the
 * few ids printed outside the grammar ("Rubrique 2", "Sommaire", "4425-34"), which a search result
 * or a link must still open (issue 13: "Article Rubrique 2" led to "Article introuvable").
 */
export function normalizeArticleKey(raw: string): string | undefined {
  const id = normalizeArticleId(raw);
  if (id) return id;
  const printed = raw.replace(/\s+/g, ' ').trim();
  const capitalized = printed.charAt(0).toUpperCase() + printed.slice(1).toLowerCase();
  return PRINTED_ID.test(capitalized) ? capitalized : undefined;
}

/** True when the string is some notation of an article number. */
export function isArticleId(raw: string): boolean {
  return normalizeArticleId(raw) !== undefined;
}

/** The part of the code a normalized id belongs to: L/LO legislative, R/D regulatory, annexes. */
export function partOfArticle(id: string): CodePart {
  if (id.startsWith('Annexe')) return 'annex';
  return id.startsWith('L') ? 'legislative' : 'regulatory';
}

/**
 * The position an id's number encodes in the table of contents: L2131-1 is part 2, book 1,
 * title 3, chapter 1. Returns undefined for numbers too short to say (annexes, old "L. 121-1").
 */
export function tocPositionOf(id: string): { partie: number; livre: number; titre: number; chapitre: number } | undefined {
  const digits = /^(?:LO|L|R\*?|D\*?)(\d{4,6})-/.exec(id)?.[1];
  if (!digits) return undefined;
  return { partie: Number(digits[0]), livre: Number(digits[1]), titre: Number(digits[2]), chapitre: Number(digits.slice(3)) };
}

const LATIN_RANK: Record<string, number> = { bis: 2, ter: 3, quater: 4, quinquies: 5, sexies: 6, septies: 7, octies: 8, nonies: 9, decies: 10 };

/**
 * Sort key following the order of the code: by numeric groups, an inserted "A" article before
 * the one it precedes ("L. 5210-1-1 A" comes before "L. 5210-1-1"), "bis" after it.
 */
export function articleSortKey(id: string): number[] {
  const match = /^(?:LO|L|R\*?|D\*?)(\d+(?:-\d+)*)(?:[ -]([A-Z]|[a-z]+))?$/.exec(id);
  if (!match) return [Number.MAX_SAFE_INTEGER];
  const groups = match[1]!.split('-').map(Number);
  const suffix = match[2];
  if (!suffix) return [...groups, 0];
  if (/^[A-Z]$/.test(suffix)) return [...groups, -27 + suffix.charCodeAt(0) - 64];
  return [...groups, LATIN_RANK[suffix] ?? 1];
}

/** Compares two normalized ids in the order of the code (for ranges and previous / next). */
export function compareArticleIds(a: string, b: string): number {
  const ka = articleSortKey(a);
  const kb = articleSortKey(b);
  for (let i = 0; i < Math.max(ka.length, kb.length); i++) {
    const da = ka[i] ?? -1;
    const db = kb[i] ?? -1;
    if (da !== db) return da - db;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The sort key as a string that sorts like the code, for the graph's `sortKey` index:
 * "L2131-1" → "L|0502131|0500001|0500000|L2131-1". L and LO share one sequence (organic-law articles stand
 * among the others: LO 1112-1 next to L. 1112-2), as do R, R*, D and D*.
 */
export function articleSortKeyString(id: string): string {
  if (id.startsWith('Annexe')) return `X|${id}`;
  const family = id.startsWith('L') ? 'L' : 'R';
  // Offset every group so the negative ranks of "A" suffixes still sort as fixed-width digits.
  const groups = articleSortKey(id).map((group) => String(group + 500000).padStart(7, '0'));
  return `${family}|${groups.join('|')}|${id}`;
}
