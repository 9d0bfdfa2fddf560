/**
 * Names of legal texts, normalized so that one text is one node whichever way it is written.
 *
 * The body says "du code de l'environnement", "de la loi n° 2015-991 du 7 août 2015"; the
 * "Liens relatifs" block says "Code de l'environnement", "Loi n°2015-991 du 7 août 2015",
 * "LOI n°2014-1654 du 29 décembre 2014"; commit messages say "Décret n° 2000-318 du 7 avril 2000".
 * All become lower-case-initial, single-spaced, "n° " spaced, straight-apostrophe names, and
 * this code itself becomes "CGCT".
 */

/** The id of this code among text names. */
export const THIS_CODE = 'CGCT';

const THIS_CODE_NAMES = new Set(['code général des collectivités territoriales', 'cgct']);

// Kinds of texts, by the first word(s) of their name, to tell a code from a law or a decree.
const TEXT_KINDS: Array<[RegExp, TextKind]> = [
  [/^code\b/, 'code'],
  // A code in all but name ("article L. 80 A du livre des procédures fiscales").
  [/^livre des procédures fiscales$/, 'code'],
  [/^loi organique\b/, 'loi-organique'],
  [/^loi\b/, 'loi'],
  [/^ordonnance\b/, 'ordonnance'],
  [/^décret-loi\b/, 'decret-loi'],
  [/^décret\b/, 'decret'],
  [/^arrêté\b/, 'arrete'],
  [/^(constitution|déclaration)\b/, 'constitution'],
  [/^traité\b/, 'traite'],
  [/^(directive|règlement \(|règlement \(ue\)|règlement \(ce\))/, 'droit-ue'],
];

/** What sort of text a normalized name designates. */
export type TextKind = 'this-code' | 'code' | 'loi' | 'loi-organique' | 'ordonnance' | 'decret' | 'decret-loi' | 'arrete' | 'constitution' | 'traite' | 'droit-ue' | 'other';

/**
 * Normalizes a text's name: "Loi n°2014-58 du 27 janvier 2014" → "loi n° 2014-58 du 27 janvier 2014",
 * "Code de l’environnement" → "code de l'environnement", "Code général des collectivités territoriales" → "CGCT".
 */
export function normalizeTextName(raw: string): string {
  let name = trimTrailingPunctuation(
    raw
      .replace(/[\u2019\u02bc`]/g, "'")
      .replace(/[\u00a0\u202f\s]+/g, ' ')
      .trim(),
  );
  // "n°2014-58", "n ° 2014-58", "N° 2014-58", "no 2014-58" → "n° 2014-58"
  name = name.replace(/\bn(?:o|°|º)\s*°?\s*(?=\d)/gi, 'n° ').replace(/\bn\s+°\s*/gi, 'n° ');
  // "1er janvier" is how dates are printed; "1 janvier" is the same day.
  name = name.replace(/\b1 (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b/gi, '1er $1');
  // Lower-case the whole: Légifrance writes "LOI", "Loi", "loi" alike.
  name = name.toLowerCase();
  if (THIS_CODE_NAMES.has(name)) return THIS_CODE;
  return name;
}

/** The kind of a normalized text name ("loi n° 83-8 du 7 janvier 1983" → "loi"). */
export function textKindOf(normalizedName: string): TextKind {
  if (normalizedName === THIS_CODE) return 'this-code';
  for (const [pattern, kind] of TEXT_KINDS) if (pattern.test(normalizedName)) return kind;
  return 'other';
}

/** Drops trailing spaces and ",.;:" in one backward scan: `/[\s,.;:]+$/` restarted at each of 80,000 commas (13 s). */
function trimTrailingPunctuation(name: string): string {
  let end = name.length;
  while (end > 0 && ' ,.;:'.includes(name[end - 1]!)) end--;
  return name.slice(0, end);
}
