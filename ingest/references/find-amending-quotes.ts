/**
 * Finds the passages an article quotes to amend or adapt another text: "les mots : « aux
 * articles L. 2131-1, L. 3131-1 et L. 4141-1 » sont remplacés par …", "l'article L. 2333-87 est
 * ainsi rédigé : “ Art. L. 2333-87.-Sans préjudice de l'application de l'article L. 2213-2 …”".
 * The references inside are the quoted text's, not this article's.
 *
 * A quotation is amending when it opens right after a colon; names put between quotes ("le
 * label « auto-partage »") are not. Légifrance mixes marks ("« … ”", "\" … ”"), so any closing
 * mark ends a quotation; a multi-paragraph quotation reopens "“" at each paragraph.
 */

const OPENING = /[«“"]/g;
const CLOSING = /[»”"]/g;
const AFTER_COLON = /:\s*$/;
const CONTINUED = /^\s*[«“"]/;

/** The [start, end) spans of amending quotations, in order. */
export function findAmendingQuotes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  OPENING.lastIndex = 0;
  for (let open = OPENING.exec(text); open; open = OPENING.exec(text)) {
    const end = findQuoteEnd(text, open.index + 1);
    if (AFTER_COLON.test(text.slice(Math.max(0, open.index - 4), open.index))) spans.push([open.index, end]);
    OPENING.lastIndex = end;
  }
  return spans;
}

// A quotation ends at its closing mark, or, when Légifrance left it unclosed (L. 1615-1: "pour :
// “ 1° L'entretien des bâtiments publics …" and no "”"), at the end of the last paragraph that
// opens with a quotation mark.
function findQuoteEnd(text: string, from: number): number {
  let paragraphStart = from;
  for (;;) {
    const breakAt = text.indexOf('\n\n', paragraphStart);
    const paragraphEnd = breakAt < 0 ? text.length : breakAt;
    CLOSING.lastIndex = paragraphStart;
    const close = CLOSING.exec(text);
    if (close && close.index < paragraphEnd) return close.index + 1;
    if (breakAt < 0 || !CONTINUED.test(text.slice(breakAt, breakAt + 6))) return paragraphEnd;
    paragraphStart = breakAt + 2;
  }
}

/** True when `pos` lies inside one of the sorted spans. */
export function isInsideSpans(spans: Array<[number, number]>, pos: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spans[middle]!;
    if (pos < start) high = middle - 1;
    else if (pos >= end) low = middle + 1;
    else return true;
  }
  return false;
}
