/**
 * Reads the name of a legal text at a given position: a code ("code de l'environnement", "CGI"),
 * the citing article's own code ("présent code"), the CGCT by name ("CGCT"), a law, ordinance or
 * decree by number and date ("loi n° 2015-991 du 7 août 2015"), a European treaty, regulation or
 * directive, or a text named earlier ("même code", "loi précitée", "ladite ordonnance").
 * Used both for the container after an article number and for a whole text mentioned alone.
 */
import { CODE_NAME_SOURCE, isPlausibleCodeName, withRegistryAccents } from './code-names.ts';
import { CODE_ABBREVIATION_SOURCE, nameOfAbbreviation } from './code-abbreviations.ts';
import { readEuropeanTextName, EUROPEAN_TEXT_SOURCE } from './european-text-names.ts';
import { normalizeTextName } from './text-name.ts';

/** What a text name at a position designates. */
export interface TextNameMatch {
  /** "this-code": the citing article's own code ("présent code"); "same-code": the last code named; "named": a text named in full; "aforementioned": the last text of `kind` named; "self-text": the amending text itself ("de la présente loi"), which cannot be resolved. */
  kind: 'this-code' | 'same-code' | 'named' | 'aforementioned' | 'self-text';
  /** Normalized name, for "named" ("loi n° 2015-991 du 7 août 2015"). */
  name?: string;
  /** The sort of text: "code", "loi", "ordonnance", "decret", "constitution", "traite" (a European treaty), "droit-ue" (a regulation or directive). */
  textKind: 'code' | 'loi' | 'ordonnance' | 'decret' | 'constitution' | 'arrete' | 'traite' | 'droit-ue';
  /** Further texts named together, for "les traités sur l'Union européenne et sur le fonctionnement de l'Union européenne". */
  otherNames?: string[];
  /** For "loi du 2 mars 1982 précitée": the date that picks the law named earlier. */
  dateHint?: string;
  /** Start offset of the name. */
  start: number;
  /** End offset (exclusive) of what was read, qualifiers ("modifiée", "précitée") included. */
  end: number;
}

const MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';
const DATE = String.raw`(?:1er|1re|\d{1,2})\s+(?:${MONTHS})\s+\d{4}`;
const NUMBER = String.raw`n\s?[°º]\s*\d+[-‑–]\d+(?:[-‑–]\d+)?`;
// "loi", "loi organique", "loi d'orientation", "loi Thiollière" (named after its author, seed 001),
// "ordonnance", "décret", "décret-loi", "décret en Conseil d'Etat", "arrêté".
const TEXT_WORD = String.raw`(?:[Ll]oi(?:\s+(?:organique|constitutionnelle|d['’]orientation|de\s+finances(?:\s+rectificative)?(?:\s+pour\s+\d{4})?|de\s+programmation|\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?))?|[Oo]rdonnance|[Dd]écret(?:-loi)?(?:\s+en\s+Conseil\s+d['’][EÉ]tat)?|[Aa]rrêté)`;
// A law needs a number or a date to be a name: "la loi" alone names nothing. Old notes write the
// number without "n°" and the date in ISO form ("Loi 99-586 1999-07-12 art. 111 :", "Loi
// 2007-128 du 31 janvier 2007 art. 3 II :"); a finance law may put its number in brackets ("de
// la loi de finances rectificative pour 1995 (n° 95-1347 du 30 décembre 1995)").
const BARE_NUMBER = String.raw`\d{2,4}[-‑–]\d+(?:[-‑–]\d+)?`;
const ISO_DATE = String.raw`\d{4}-\d{2}-\d{2}`;
const LAW = String.raw`${TEXT_WORD}\s+(?:${NUMBER}(?:\s+du\s+${DATE})?|du\s+${DATE}|${BARE_NUMBER}\s+(?:du\s+${DATE}|${ISO_DATE})|\(${NUMBER}\s+du\s+${DATE}\))`;
const QUALIFIER = String.raw`(?:,?\s+(?:modifiée?s?|précitée?s?|susvisée?s?|susmentionnée?s?))*`;
const ANAPHORIC = String.raw`(?:(?:ce|cette)\s+)?(?:même|ladite|ledit|présente?|cette|ce)\s+(?:code|loi|ordonnance|décret|traité)|(?:dudit|audit)\s+(?:code|décret|traité)|(?:code|loi|ordonnance|décret|traité)\s+(?:précitée?|susvisée?|susmentionnée?)`;
// "l'article 310 HA de l'annexe II au code général des impôts": the CGI's annexes are codes of
// their own (data/codes.json), named "code général des impôts, annexe ii".
const CGI_ANNEX = String.raw`[Aa]nnexe\s+(?<annex>IV|I{1,3}|[1-4])\s+(?:au|du)\s+code\s+général\s+des\s+impôts`;
const ANNEX_NUMERALS: Record<string, string> = { 1: 'i', 2: 'ii', 3: 'iii', 4: 'iv' };

const TEXT_NAME = new RegExp(
  String.raw`(?<this>présent\s+code)(?![\p{L}])` +
    String.raw`|(?<cgct>CGCT|[Cc]ode\s+général\s+des\s+collectivités\s+territoriales)(?![\p{L}])` +
    String.raw`|(?<anaphoric>${ANAPHORIC})(?![\p{L}])` +
    String.raw`|(?<law>${LAW})(?![\p{L}\d])` +
    String.raw`|(?<cgiAnnex>${CGI_ANNEX})(?![\p{L}])` +
    // "du nouveau code forestier" (the code recodified in 2012 kept its name), "de l'ancien code
    // du travail" (a note on a renumbering): one code by its name.
    String.raw`|(?:(?:nouveau|ancien)\s+)?(?<code>${CODE_NAME_SOURCE})` +
    String.raw`|(?<abbreviation>${CODE_ABBREVIATION_SOURCE})` +
    String.raw`|(?<european>${EUROPEAN_TEXT_SOURCE})` +
    String.raw`|(?<constitution>Constitution)(?![\p{L}])`,
  'uy',
);
const TRAILING_QUALIFIER = new RegExp(QUALIFIER, 'uy');

/** Reads a text's name starting exactly at `pos`; undefined when none starts there. */
export function readTextNameAt(text: string, pos: number): TextNameMatch | undefined {
  TEXT_NAME.lastIndex = pos;
  const match = TEXT_NAME.exec(text);
  if (!match?.groups) return undefined;
  const { groups } = match;
  const start = pos;
  const end = extendOverQualifiers(text, pos + match[0].length);
  if (groups.this) return { kind: 'this-code', textKind: 'code', start, end };
  // The CGCT named is the CGCT whatever code the citing article belongs to.
  if (groups.cgct) return { kind: 'named', name: 'CGCT', textKind: 'code', start, end };
  if (groups.anaphoric) return readAnaphoricName(match, start, end);
  if (groups.law) return readLawName(groups.law, text.slice(pos + match[0].length, end), start, end);
  if (groups.cgiAnnex) return { kind: 'named', name: `code général des impôts, annexe ${ANNEX_NUMERALS[groups.annex!] ?? groups.annex!.toLowerCase()}`, textKind: 'code', start, end };
  if (groups.code) {
    if (!isPlausibleCodeName(groups.code)) return undefined;
    return { kind: 'named', name: withRegistryAccents(normalizeTextName(groups.code)), textKind: 'code', start, end };
  }
  if (groups.abbreviation) return { kind: 'named', name: nameOfAbbreviation(groups.abbreviation), textKind: 'code', start, end };
  if (groups.european) return { ...readEuropeanTextName(groups.european), kind: 'named', start, end };
  // "l'article 72 de la Constitution": only one constitution is in force, the one of 1958.
  return { kind: 'named', name: 'constitution du 4 octobre 1958', textKind: 'constitution', start, end };
}

function extendOverQualifiers(text: string, pos: number): number {
  TRAILING_QUALIFIER.lastIndex = pos;
  const match = TRAILING_QUALIFIER.exec(text);
  return match ? pos + match[0].length : pos;
}

function readAnaphoricName(match: RegExpExecArray, start: number, end: number): TextNameMatch {
  const word = /code|loi|ordonnance|décret|traité/i.exec(match[0])![0].toLowerCase();
  const textKind = word === 'code' ? 'code' : word === 'décret' ? 'decret' : word === 'traité' ? 'traite' : (word as 'loi' | 'ordonnance');
  // "la présente loi", "le présent décret": the text the sentence belongs to (a note quoting
  // the amending law), not a text this article cites. "ce code", "cette loi": the one just named.
  if (/^présente?\s/.test(match[0])) return { kind: 'self-text', textKind, start, end };
  if (textKind === 'code') return { kind: 'same-code', textKind, start, end };
  return { kind: 'aforementioned', textKind, start, end };
}

function readLawName(raw: string, qualifiers: string, start: number, end: number): TextNameMatch {
  const name = normalizeTextName(toUsualLawName(raw.replace(/\s+en\s+Conseil\s+d['’][EÉ]tat/, '').replace(/[‑–]/g, '-')));
  const textKind = /^(?:loi|décret-loi)/.test(name) ? 'loi' : name.startsWith('ordonnance') ? 'ordonnance' : name.startsWith('arrêté') ? 'arrete' : 'decret';
  // "de la loi du 2 mars 1982 précitée": a law named in full earlier, here by its date alone.
  const isAforementioned = /précité|susvisé|susmentionné/.test(qualifiers) && !/n° /.test(name);
  if (isAforementioned) {
    const dateHint = /du (.+)$/.exec(name)?.[1];
    return { kind: 'aforementioned', name, textKind, dateHint, start, end };
  }
  return { kind: 'named', name, textKind, start, end };
}

const MONTH_NAMES = MONTHS.split('|');

// "Loi 99-586 1999-07-12" → "Loi n° 99-586 du 12 juillet 1999", "Loi 2007-128 du 31 janvier 2007"
// → "Loi n° 2007-128 du 31 janvier 2007", "loi de finances rectificative pour 1995 (n° 95-1347
// du 30 décembre 1995)" → "loi n° 95-1347 du 30 décembre 1995": one law, one name.
function toUsualLawName(raw: string): string {
  const bracketed = /^(.+?)\s+\((n\s?[°º].+)\)$/.exec(raw);
  if (bracketed) return `${/^loi\s+organique/i.test(bracketed[1]!) ? 'loi organique' : bracketed[1]!.split(/\s/)[0]} ${bracketed[2]}`;
  const iso = /^(.+?)\s+(\d+-\d+(?:-\d+)?)\s+(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (iso) {
    const [, word, number, year, month, day] = iso;
    const monthName = MONTH_NAMES[Number(month) - 1];
    if (monthName) return `${word} n° ${number} du ${Number(day) === 1 ? '1er' : Number(day)} ${monthName} ${year}`;
  }
  return raw.replace(/^(\S+(?:\s+organique)?)\s+(?=\d+-\d)/i, '$1 n° ');
}
