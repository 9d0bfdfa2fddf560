/**
 * The notes that end many articles: "NOTA :" paragraphs, and paragraphs such as "Conformément à
 * l'article 10 de la loi n° … ces dispositions entrent en vigueur …". They cite the texts that
 * set the article's entry into force, which a lawyer needs; but when they name the article
 * itself ("pour l'application en 2020 de l'article L. 2333-6", in L. 2333-6's note), that is no
 * citation.
 */

// "NOTA:", "NOTA :" at the start of a line; legifrance-md writes it as a paragraph of its own.
const NOTE_HEADING = /(?:^|\n)[ \t]*NOTA\s?:/u;
// A note without its heading: a paragraph opening on the text that sets the entry into force.
const ENTRY_INTO_FORCE = /(?:^|\n\n)(?:Conformément\s+(?:à|au|aux)\s|En\s+vertu\s+de\s)[^\n]*(?:en\s+vigueur|s['’]appliqu|applicables?\s)/u;

/** The offset where the article's notes start, or the text's length when it has none. */
export function findNoteStart(text: string): number {
  const heading = NOTE_HEADING.exec(text);
  const entry = ENTRY_INTO_FORCE.exec(text);
  const starts = [heading, entry].filter((match) => match !== null).map((match) => match.index);
  return starts.length > 0 ? Math.min(...starts) : text.length;
}
