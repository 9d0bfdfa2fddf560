/**
 * The `# Article …` heading every Markdown source starts with, and the id it gives. Most headings
 * carry a number any notation of which normalizeArticleId reads ("# Article L1115-1",
 * "# Article R 1424-61", "# Article D. 2335-23", "# Article Annexe X-I"). A few do not: annexes'
 * pieces ("# Article Rubrique 4", "# Article Sommaire") and one regulatory article printed without
 * its prefix ("# Article 4425-34"): their id is the number as printed, the same in every source.
 */
import { normalizeArticleId, partOfArticle, type CodePart } from '../article-id.ts';

/** The heading's number and line. */
export interface ArticleHeading {
  /** The number as printed after "Article". */
  number: string;
  /** 1-based line of the heading. */
  line: number;
  /** Offset in the text just after the heading's line. */
  bodyStart: number;
}

const HEADING = /^[ \t]*#{1,6}[ \t]+Article[ \t]+(.+?)[ \t#]*$/m;

/** Finds the article heading among the first lines; undefined when the file has none. */
export function readArticleHeading(text: string): ArticleHeading | undefined {
  const match = HEADING.exec(text);
  if (!match) return undefined;
  // Only a heading before any body text counts: "# Article" deep in a document is a quotation.
  const before = text.slice(0, match.index);
  if (before.trim() !== '') return undefined;
  const lineEnd = text.indexOf('\n', match.index);
  return { number: match[1]!.trim(), line: before.split('\n').length, bodyStart: lineEnd < 0 ? text.length : lineEnd + 1 };
}

/** The normalized id and part of an article from its printed number and, for the part, its path. */
export function identifyArticle(number: string, path: string): { id: string; part: CodePart } {
  const id = normalizeArticleId(number);
  if (id) return { id, part: partOfArticle(id) };
  const printed = number.replace(/\s+/g, ' ');
  if (/annexe/i.test(path) || /^(rubrique|sommaire)\b/i.test(printed)) return { id: printed, part: 'annex' };
  return { id: printed, part: /r[ée]glementaire/i.test(path) ? 'regulatory' : 'legislative' };
}

/** 1-based line of an offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
