/**
 * Reads a list of article citations sharing one "article(s)" word: "aux articles L. 2131-1,
 * L. 2131-2 et L. 3131-1", ranges ("L. 2131-1 à L. 2131-5"), and the container after each
 * item or after the whole list ("aux articles L. 211-7 et L. 212-1 du code de l'environnement").
 */
import { readDesignatorAt, type Designator } from './read-designator.ts';
import { ROMAN_SOURCE } from './read-pinpoint.ts';
import { readTextNameAt, type TextNameMatch } from './read-text-name.ts';

/** One item of a list: an article, or a range of articles, with the container written after it. */
export interface CitationItem {
  /** The article, or the first end of a range. */
  first: Designator;
  /** The last end of a range. */
  last?: Designator;
  /** The text named right after the item ("du code électoral"), if any. */
  container?: TextNameMatch;
  /** A subdivision written after a bare number: "II" of "l'article 43 II de l'ordonnance …", "1. i" of "l'article 3. 1. i de la directive …". */
  subdivision?: string;
  /** True for "l'article L. 300-5 précité": the text it was cited in before is its container. */
  aforementioned?: boolean;
  /** True when a text follows that this grammar cannot name ("du traité", "de la loi" alone): the item belongs to no known text. */
  unknownContainer?: boolean;
}

/** Options of readCitationList. */
export interface ReadCitationListOptions {
  /** True after the word "article(s)": bare numbers ("6", "1er") and undashed "L. 44" are articles. */
  afterKeyword: boolean;
}

// "L. 2131-1 à L. 2131-5", "L. 2334-1 à 2334-3", "de l'article 1er à l'article 4".
const RANGE = /\s+(?:à|au)\s+(?:l['’]\s*article\s+)?/uy;
// Words that qualify an item without ending the list: "l'article L. 2131-1 précité", "les
// articles L. 321-1 et suivants du code de la sécurité intérieure", "l'article 1er modifié de la
// même loi".
const QUALIFIER = /(?:\s*,)?\s+(?:ci-dessus|ci-dessous|ci-après|précitée?s?|susvisée?s?|susmentionnée?s?|modifiée?s?|\(ancien\)|\(nouveau\)|et\s+suivants)(?![\p{L}])/uy;
const POINTS_BACK = /précité|susvisé|susmentionné|ci-dessus/u;
// A law's article and its subdivision, written after the number: "l'article 43 III de
// l'ordonnance", "article 42 II et III de la loi", "article 37 II D :" (a note), "l'article 3.
// 1. i de la directive". Only before the text's name or the colon of a note: "article 6 I" alone
// is nothing to split. "les articles 18 et 19, paragraphe 2, de la directive 2007/2/CE": 19's;
// "l'article 2 (IV) de la loi n° 2015-991": in brackets.
const SUBDIVISION = new RegExp(
  String.raw`\s*(?<subdivision>(?<=\s)${ROMAN_SOURCE}(?:(?:\s*,\s*|\s+(?:et|à)\s+)${ROMAN_SOURCE})*|\.\s?\d{1,2}(?:\.\s?[a-z](?![\p{L}]))?|,\s*paragraphe\s\d{1,2}\s*,|\(${ROMAN_SOURCE}\))(?=\s*[,:]|\s+(?:de|du|des)\s|\s+d['’])`,
  'uy',
);
// A capital letter read as the number's suffix ("3 I", "60 I G") is a subdivision when the
// container is no code: "l'article 3 I du décret n° 2016-555".
const SPLIT_SUFFIX = /^(?<number>\d+(?:-\d+)*) (?<subdivision>[IVX]+(?: [A-H])?)$/;
// A text this grammar cannot name: its items belong to it, not to the citing article's code.
const UNKNOWN_CONTAINER = /\s*,?\s+(?:du|des|de\s+la|de\s+l['’]|de)\s*(?:traité|règlement|directive|convention|accord|protocole|charte|statut|loi|ordonnance|décret|arrêté|code|livre|annexe|constitution|décision|circulaire)(?![\p{L}])/iuy;
// "du code…", "de la loi…", "de l'ordonnance…", "du présent code", and fused "dudit code".
// A doubled "de" is a typo of Légifrance's: "l'article 7 de de la loi n° 2019-753".
const CONTAINER_LEAD = /\s*,?\s+(?:de\s+(?=de\s))?(?:(?:de|à)\s+l['’]\s*|(?:du|des|de\s+la|de|au|à\s+la)\s+)?/uy;
const FUSED_PREPOSITION = /^(?:dudit|audit|desdits|auxdits)\s/u;
// Between items: "L. 2131-1, L. 2131-2 et L. 3131-1", "L. 1 ou L. 2", "L. 1, et L. 2".
const SEPARATOR = /(?:\s*,\s*(?:et\s+|ou\s+)?|\s+(?:et|ou)\s+)/uy;
// A law's title after its date is not a container of anything: "l'ordonnance n° 2005-649 du
// 6 juin 2005 relative aux marchés passés par certaines personnes publiques ou privées non
// soumises au code des marchés publics" (seed 002) does not cite that code. A title never runs
// into a citation: "loi n° 2010-1563 du 16 décembre 2010 de réforme des collectivités territoriales
// et dans les communes déléguées mentionnées à l'article L. 2113-12" ends before "article".
const TITLE = /\s+(?:relati(?:f|ve)s?|portant|pour\s+(?:la|le|l['’]|les|une?|un)|d['’]orientation|de\s+modernisation|de\s+programmation|de\s+finances|de\s+simplification|de\s+réforme|tendant|visant|instituant|créant|autorisant|modifiant|complétant|fixant|organisant|habilitant|concernant|ratifiant|prise?\s+pour|en\s+faveur|sur\s+(?:la|le|les|l['’]))(?![\p{L}])(?:(?!articles?\s)(?:[^,;:.()«»“”\n]|\n(?!\n)))*/uy;

/** Reads the list starting at `pos`; returns its items and the offset where it ends. */
export function readCitationList(text: string, pos: number, options: ReadCitationListOptions): { items: CitationItem[]; end: number } {
  const items: CitationItem[] = [];
  let cursor = pos;
  let prefix: string | undefined;
  let numericList = false;
  for (;;) {
    const designatorOptions = {
      allowNumeric: options.afterKeyword && (items.length === 0 || numericList),
      allowUndashed: options.afterKeyword,
      inheritPrefix: prefix,
    };
    const first = readDesignatorAt(text, cursor, designatorOptions);
    if (!first) break;
    if (items.length === 0) numericList = !first.prefixed;
    prefix = first.prefix ?? prefix;
    const item: CitationItem = { first };
    cursor = first.end;
    const range = stickyMatch(RANGE, text, cursor);
    const last = range ? readDesignatorAt(text, cursor + range.length, { ...designatorOptions, inheritPrefix: prefix }) : undefined;
    if (last) {
      item.last = last;
      cursor = last.end;
    }
    const subdivision = !first.prefixed && !last ? stickyExec(SUBDIVISION, text, cursor) : null;
    if (subdivision?.groups) {
      item.subdivision = subdivision.groups.subdivision!.replace(/^[.,(]\s*|\s*[,)]$/g, '').replace(/\s+/g, ' ');
      cursor += subdivision[0].length;
    }
    const qualifier = stickyMatch(QUALIFIER, text, cursor);
    if (qualifier) {
      item.aforementioned = POINTS_BACK.test(qualifier);
      cursor += qualifier.length;
    }
    const container = readContainerAt(text, cursor);
    if (container) {
      item.container = container;
      cursor = skipTitle(text, container.end);
    } else if (stickyMatch(UNKNOWN_CONTAINER, text, cursor) !== undefined) item.unknownContainer = true;
    splitSuffixedSubdivision(item);
    items.push(item);
    const separator = stickyMatch(SEPARATOR, text, cursor);
    if (!separator || !readDesignatorAt(text, cursor + separator.length, { ...designatorOptions, allowNumeric: numericList })) break;
    cursor += separator.length;
  }
  return { items, end: cursor };
}

/** Reads "du code électoral", "de la loi n° …", "du présent code" at `pos`. */
export function readContainerAt(text: string, pos: number): TextNameMatch | undefined {
  const lead = stickyMatch(CONTAINER_LEAD, text, pos);
  if (lead === undefined) return undefined;
  // With no preposition, only "dudit code" holds its own: in a table, "R. 5211-2 à R. 5211-2-2
  // ⇥ décret n° 2020-904 …" is the next cell, not the articles' text.
  if (!/[\p{L}'’]\s*$/u.test(lead) && !FUSED_PREPOSITION.test(text.slice(pos + lead.length, pos + lead.length + 8))) return undefined;
  return readTextNameAt(text, pos + lead.length);
}

/** The offset after a law's title following `pos`, or `pos` when none follows. */
export function skipTitle(text: string, pos: number): number {
  return pos + (stickyMatch(TITLE, text, pos)?.length ?? 0);
}

function splitSuffixedSubdivision(item: CitationItem): void {
  if (item.container?.textKind === 'code' || (!item.container && !item.unknownContainer)) return;
  splitSubdivision(item);
}

/** Splits "3 I", "60 I G" read as one number into the number and its subdivision, for a law's article. */
export function splitSubdivision(item: CitationItem): void {
  if (item.first.prefixed || item.last || item.subdivision) return;
  const split = SPLIT_SUFFIX.exec(item.first.id)?.groups;
  if (!split) return;
  item.first = { ...item.first, id: split.number! };
  item.subdivision = split.subdivision!;
}

function stickyExec(pattern: RegExp, text: string, pos: number): RegExpExecArray | null {
  pattern.lastIndex = pos;
  return pattern.exec(text);
}

function stickyMatch(pattern: RegExp, text: string, pos: number): string | undefined {
  pattern.lastIndex = pos;
  return pattern.exec(text)?.[0];
}
