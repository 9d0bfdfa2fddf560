/**
 * What to tell the reader about a reference whose source link disagreed with its text (the API's
 * `hrefDisagrees`): an article number ("L4131-1": seed 000, "L. 4141-1" linked to l4131-1.md), or
 * the name of a code as the link's address spells it ("code general des impots cgi"). A code
 * named differently but the same as the reference's ("code général des impôts") is no
 * disagreement worth a note; a different one is ("L. 1521-1" read as the CGCT's, the link going
 * to the code du travail). Pure.
 */

/** The note's target: what the link went to, and the CGCT article to open when it is one. */
export interface LinkDisagreement {
  /** "L4131-1", "code du travail". */
  label: string;
  /** The CGCT article the link went to, when it went to one. */
  article?: string;
}

// A CGCT article number as the graph writes it: "L4131-1", "LO6241-1", "R2573-13-1", "D4135-7".
const ARTICLE_ID = /^(?:LO|[LRDA])\d[\dA-Za-z-]*$/;
// The CGCT under its full name, for a link to "code general des collectivites territoriales".
const CGCT_NAME = 'codegeneraldescollectivitesterritoriales';

/** A code's name reduced to its letters, without accents, case or punctuation ("l'habitation" = "lhabitation"). */
function reduceCodeName(name: string): string {
  const reduced = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
  return reduced === 'cgct' ? CGCT_NAME : reduced;
}

/**
 * True when two names are one code: equal once reduced, or one cut short or extended
 * ("… des personnes publ", "code général des impôts, CGI", "code forestier (nouveau)").
 */
export function isSameCode(a: string, b: string): boolean {
  const x = reduceCodeName(a);
  const y = reduceCodeName(b);
  return x.length > 4 && y.length > 4 && (x.startsWith(y) || y.startsWith(x));
}

/** What the note says for a reference of `code` whose link went to `hrefDisagrees`; null: no note. */
export function describeLinkDisagreement(reference: { code: string; hrefDisagrees?: string | null }): LinkDisagreement | null {
  const other = reference.hrefDisagrees?.trim();
  if (!other) return null;
  if (ARTICLE_ID.test(other)) return { label: other, article: other };
  if (isSameCode(other, reference.code)) return null;
  return { label: other };
}
