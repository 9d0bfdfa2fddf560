/**
 * Reads the pinpoint written before an article citation: the part of the target article cited,
 * "aux I et III de l'article L. 5111-1-1" → "I et III", "au 2° du II de l'article" → "2° du II",
 * "au deuxième alinéa de l'article" → "deuxième alinéa", "à la première phrase du premier alinéa
 * du I de l'article" → "première phrase du premier alinéa du I".
 */

// Units of an article, as drafters number them: Roman numerals for paragraphs ("II", "I bis",
// "IV A"), ordinals with "°" for items ("2°", "1° bis"), lower-case letters for sub-items
// ("au a du 2°"), and ordinal words for paragraphs, sentences and dashes ("deuxième alinéa").
// "II b": a lettered sub-paragraph written after its paragraph ("du II b de l'article 82").
const ROMAN = String.raw`(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})(?:\s(?:bis|ter|quater|[A-H]|[a-z]))?(?![\p{L}\d])`;
/** A Roman-numbered paragraph ("II", "I bis", "II D"), shared with the subdivisions written after a law's article number. */
export const ROMAN_SOURCE = ROMAN;
// "au paragraphe 1 de l'article 107 du traité sur le fonctionnement de l'Union européenne".
const PARAGRAPH = String.raw`paragraphes?\s\d{1,2}`;
const ITEM = String.raw`\d{1,2}\s?°(?:\s(?:bis|ter|quater|quinquies|[A-H]))?`;
const LETTER = String.raw`[a-z](?:\s(?:bis|ter))?(?![\p{L}\d])`;
const ORDINAL = String.raw`(?:premier|première|1er|1re|deuxième|second|seconde|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|treizième|quatorzième|quinzième|seizième|dix-septième|dix-huitième|dix-neuvième|vingtième|dernier|dernière|avant-dernier|avant-dernière|pénultième|antépénultième|\d{1,2}e|\d{1,2}ème)`;
const SEPARATOR = String.raw`(?:\s*,\s*(?:(?:et|ou)\s+)?|\s+(?:et|ou|à)\s+)`;
const WORDED = String.raw`${ORDINAL}(?:${SEPARATOR}${ORDINAL})*\s+(?:alinéas?|phrases?|tirets?|lignes?|colonnes?)`;
// "des deux derniers alinéas de l'article D. 6232-1"
const COUNTED = String.raw`(?:deux|trois|quatre|cinq)\s+(?:premiers|premières|derniers|dernières)\s+(?:alinéas|phrases)`;
// Capital letters number the parts of finance laws' articles: "au I du D de l'article 44 de la loi de finances pour 1999".
const CAPITAL = String.raw`[A-H](?![\p{L}\d.'’])`;
const UNIT = String.raw`(?:${WORDED}|${COUNTED}|${PARAGRAPH}|${ROMAN}|${CAPITAL}|${ITEM}|${LETTER})`;
const UNITS = String.raw`${UNIT}(?:${SEPARATOR}${UNIT})*`;
const PINPOINT = String.raw`${UNITS}(?:\s+(?:du|de\s+la|de\s+l['’]|des)\s*${UNITS})*`;

// Anchored on the end of the text before the word "article": "… au 2° du II de l'|article".
const BEFORE_ARTICLE = new RegExp(
  String.raw`(?<![\p{L}\d°])(?<pinpoint>${PINPOINT})\s+(?:de\s+l['’]\s*|du\s+|des\s+|d['’]\s*)?(?:(?:même|mêmes|ledit|lesdits|dudit|desdits|audit|auxdits)\s+)?$`,
  'u',
);
// A pinpoint is short; looking further back only costs time.
const WINDOW = 160;

/** The pinpoint ending right before `pos` (the start of "article"), or undefined. */
export function readPinpointBefore(text: string, pos: number): string | undefined {
  const before = text.slice(Math.max(0, pos - WINDOW), pos);
  // Cheap test first: a pinpoint ends with "de l'", "du", "des", or a unit.
  if (!/(?:l['’]\s*|du\s+|des\s+|[IVXA-H°a-z]\s+)$/u.test(before)) return undefined;
  const match = BEFORE_ARTICLE.exec(before);
  if (!match?.groups?.pinpoint) return undefined;
  return match.groups.pinpoint.replace(/\s+/g, ' ');
}
