/**
 * Reads one article designator at a position: a code article ("L. 2131-1", "L.2131-1",
 * "L 2131-1", "L2131-1", "LO 1112-1", "L.O. 1112-1", "R.* 2334-3", "D. 1611-1", "L. 5210-1-1 A",
 * "L. 2333-67 bis", an arrêté's "A. 462-4") or, after the word "article", a law's or a code's
 * bare number ("1er", "6", "1240", "1609 nonies C", "1636 B sexies", "302 bis ZB").
 */
import { normalizeArticleId } from '../article-id.ts';
import { normalizeCodeArticleNumber } from '../codes/code-registry.ts';

/** One designator as read. */
export interface Designator {
  /** Normalized: "L2131-1", "R*2334-3", "L5210-1-1 A"; for a bare number "6", "1609 nonies C" ("1er" → "1", as the "Liens relatifs" print it). */
  id: string;
  /** True when the designator carries a code prefix (L, LO, R, D, A). */
  prefixed: boolean;
  /** The prefix as normalized ("L", "LO", "R*"), for numbers that inherit it in a list. */
  prefix?: string;
  /** Start offset. */
  start: number;
  /** End offset (exclusive). */
  end: number;
}

const LATIN = 'bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies|undecies|duodecies|terdecies|quaterdecies|quindecies|sexdecies|septdecies|octodecies|novodecies|vicies';
// A suffix is a Latin adverb ("L. 2333-67 bis", "238 BIS") or one capital letter ("L. 5210-1-1
// A"), separated by a space on the same line; "1636 B sexies" and "1609 nonies C" chain two. The
// tax code also has two capitals ("310 HA", "302 bis ZB"), never two Roman numerals: "3 II" is
// a paragraph (read-citation-list).
const ADVERB = `${LATIN}|${LATIN.toUpperCase()}`;
// Nor a word of a title in capitals: "AUX ARTICLES L. 2123-34 ET L. 2123-35".
const TWO_CAPITALS = String.raw`(?![IVX]{2}|(?:ET|OU|AU|DU|DE|LA|LE|EN|UN|SA|SE|CE|IL)(?![\p{L}]))[A-Z]{2}`;
const CAPITALS = String.raw`(?:[A-Z](?![A-Z])|${TWO_CAPITALS})`;
const SUFFIX = String.raw`(?:[ \u00a0](?:${ADVERB})(?![\p{L}])(?:[ \u00a0]${TWO_CAPITALS}(?![\p{L}\d'’°.]))?|[ \u00a0-]${CAPITALS}(?![\p{L}\d'’°.]|\.\p{L}))`;
// Prefix with optional dots, spaces and star: "L.", "L", "LO", "L.O.", "R.*", "R *", "D.", and the
// "A." of arrêtés, which other codes have ("article A. 462-4 du code de l'urbanisme").
const PREFIX = String.raw`(?<prefix>L\.?\s?O|L|R|D|A)\s?\.?\s?(?<star>\*)?\.?\s?`;
const PREFIXED = new RegExp(String.raw`(?<![\p{L}\d])${PREFIX}(?<number>\d+(?:-\d+)*)(?![\d°])(?<suffix>${SUFFIX}?)`, 'uy');
// A prefixed designator standing alone (no "article" before it) must have a dash ("L. 2131-1"),
// else "D. 2" in a heading or a person's initial would pass.
const HAS_DASH = /\d-\d/;
// "1er", "6", "21-1", "1609 nonies C"; not "5°" (a pinpoint) nor "2019" in a date.
const NUMERIC = new RegExp(String.raw`(?<![\p{L}\d])(?<number>\d{1,4}(?:-\d+)*)(?<first>er|re)?(?![\d°,.]\d|[\d°\p{L}])(?<suffix>${SUFFIX}{0,2})`, 'uy');

/** Options of readDesignatorAt. */
export interface ReadDesignatorOptions {
  /** Accept a bare number ("6", "1er"): only after the word "article" or within its list. */
  allowNumeric: boolean;
  /** Accept a prefixed number without a dash ("L. 44" of the code électoral): only after "article". */
  allowUndashed: boolean;
  /** A prefix to give a dashed bare number continuing a list ("L. 2334-1 à 2334-3"). */
  inheritPrefix?: string;
}

/** Reads a designator starting exactly at `pos`; undefined when none starts there. */
export function readDesignatorAt(text: string, pos: number, options: ReadDesignatorOptions): Designator | undefined {
  PREFIXED.lastIndex = pos;
  const prefixed = PREFIXED.exec(text);
  if (prefixed?.groups && (options.allowUndashed || HAS_DASH.test(prefixed.groups.number!))) {
    const raw = `${prefixed.groups.prefix}${prefixed.groups.star ?? ''} ${prefixed.groups.number}${prefixed.groups.suffix}`.replace(/\s+/g, ' ');
    // The CGCT has no "A." articles: its normalizer refuses them, the registry's reads them.
    const id = normalizeArticleId(raw) ?? normalizeCodeArticleNumber(raw);
    if (id) {
      const prefix = /^(LO|L|R\*?|D\*?|A\*?)/.exec(id)![1]!;
      return { id, prefixed: true, prefix, start: pos, end: pos + prefixed[0].length };
    }
  }
  NUMERIC.lastIndex = pos;
  const numeric = NUMERIC.exec(text);
  if (!numeric?.groups) return undefined;
  const { number, suffix } = numeric.groups;
  const end = pos + numeric[0].length;
  if (options.inheritPrefix && HAS_DASH.test(number!)) {
    const inherited = `${options.inheritPrefix} ${number}${suffix}`;
    const id = normalizeArticleId(inherited) ?? normalizeCodeArticleNumber(inherited);
    if (id) return { id, prefixed: true, prefix: options.inheritPrefix, start: pos, end };
  }
  if (!options.allowNumeric) return undefined;
  const id = `${number}${suffix!.replace(/\s+/g, ' ')}`;
  return { id, prefixed: false, start: pos, end };
}
