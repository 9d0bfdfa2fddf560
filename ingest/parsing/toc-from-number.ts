/**
 * Table of contents inferred from an article's number, for sources whose folders are flat
 * (lexlib, lexxxit: "01. Partie législative/Article L5111-1 - 6392770.md"): L2131-1 is part 2,
 * book 1, title 3, chapter 1 (see tocPositionOf). Titles are labels only ("Livre Ier",
 * "Titre III"), marked inferred; levels below the chapter cannot be known from the number.
 */
import { partOfArticle, tocPositionOf } from '../article-id.ts';
import type { TocLevel } from '../types.ts';

const PART_SLUGS = { legislative: ['partie-legislative', 'Partie législative'], regulatory: ['partie-reglementaire', 'Partie réglementaire'], annex: ['annexes', 'Annexes'] } as const;
const ORDINALS = ['', 'premiere', 'deuxieme', 'troisieme', 'quatrieme', 'cinquieme', 'sixieme', 'septieme', 'huitieme', 'neuvieme'];
const ORDINAL_TITLES = ['', 'Première', 'Deuxième', 'Troisième', 'Quatrième', 'Cinquième', 'Sixième', 'Septième', 'Huitième', 'Neuvième'];

/** Roman numeral of a level number as the code prints it: 1 → "Ier", 4 → "IV". */
export function toRoman(value: number): string {
  if (value === 1) return 'Ier';
  // Levels run to a few dozen; a number such as 99999999999999999 would loop and allocate for
  // ever ("# Article L99999999999999999999-1", issue 15): past 399, the digits as they are.
  if (!Number.isSafeInteger(value) || value < 1 || value > 399) return String(value);
  const numerals: Array<[number, string]> = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let roman = '';
  for (const [amount, numeral] of numerals) {
    while (rest >= amount) {
      roman += numeral;
      rest -= amount;
    }
  }
  return roman;
}

/** The levels an article number encodes, from the part of the code down to the chapter. */
export function inferTocFromNumber(id: string): TocLevel[] {
  const [partSlug, partTitle] = PART_SLUGS[partOfArticle(id)];
  const levels: TocLevel[] = [{ id: partSlug, kind: 'code-part', title: partTitle, inferred: true }];
  const position = tocPositionOf(id);
  if (!position || !ORDINALS[position.partie]) return levels;
  let path: string = `${partSlug}/${ORDINALS[position.partie]}-partie`;
  levels.push({ id: path, kind: 'partie', title: `${ORDINAL_TITLES[position.partie]} partie`, inferred: true });
  for (const kind of ['livre', 'titre', 'chapitre'] as const) {
    const number = position[kind];
    // "L1000-…" does not exist; a zero would be a numbering the code does not use.
    if (number === 0) break;
    const roman = toRoman(number);
    path += `/${kind}-${roman.toLowerCase()}`;
    levels.push({ id: path, kind, title: `${kind[0]!.toUpperCase()}${kind.slice(1)} ${roman}`, inferred: true });
  }
  return levels;
}
