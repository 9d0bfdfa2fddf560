/**
 * The `# Article …` heading every Markdown source starts with, and the id it gives. Most headings
 * carry a number any notation of which normalizeArticleId reads ("# Article L1115-1",
 * "# Article R 1424-61", "# Article D. 2335-23", "# Article Annexe X-I"). A few do not: annexes'
 * pieces ("# Article Rubrique 4", "# Article Sommaire") and one regulatory article printed without
 * its prefix ("# Article 4425-34"): their id is the number as printed, the same in every source.
 */
import { normalizeArticleId, partOfArticle, type CodePart } from '../article-id.ts';
import { quoteForMessage } from './limits.ts';
import { articleKey, normalizeCodeArticleNumber } from '../codes/code-registry.ts';
import { readTocSlug } from './toc-from-path.ts';
import type { IngestMessage } from '../types.ts';

/** The heading's number and line. */
export interface ArticleHeading {
  /** The number as printed after "Article". */
  number: string;
  /** 1-based line of the heading. */
  line: number;
  /** Offset in the text just after the heading's line. */
  bodyStart: number;
}

// The number is the rest of the line, its closing "#"s and spaces trimmed by hand: the former
// `(.+?)[ \t#]*$` tried every split of a line of 200,000 spaces (issue 15: it never finished).
const HEADING = /^[ \t]*#{1,6}[ \t]+Article[ \t]+([^\n\r\u2028\u2029]*)/m;
// What the corpora print besides article numbers: annexes' pieces ("Rubrique 4", "Sommaire") and
// one regulatory number without its prefix ("# Article 4425-34").
const ANNEX_PIECE = /^(?:Rubrique \d{1,3}|Sommaire)$/i;
const BARE_NUMBER = /^\d{1,6}(?:-\d{1,6}){1,7}$/;

/** Finds the article heading among the first lines; undefined when the file has none. */
export function readArticleHeading(text: string): ArticleHeading | undefined {
  const match = HEADING.exec(text);
  if (!match) return undefined;
  // An empty number ("# Article ") is still an article's heading: identifyArticle rejects it.
  const number = trimHeadingEnd(match[1]!);
  // Only a heading before any body text counts: "# Article" deep in a document is a quotation.
  const before = text.slice(0, match.index);
  if (before.trim() !== '') return undefined;
  const lineEnd = text.indexOf('\n', match.index);
  return { number, line: before.split('\n').length, bodyStart: lineEnd < 0 ? text.length : lineEnd + 1 };
}

/**
 * The normalized id and part of an article from its printed number and, for the part, its path;
 * undefined when the number is none the code uses (`' OR 1=1 --`, `../../etc/passwd`, "L", "💩",
 * "L99999999999999999999-1"): such a file is rejected, never stored as an article.
 */
export function identifyArticle(number: string, path: string): { id: string; part: CodePart } | undefined {
  if (number.length > 64) return undefined;
  const id = normalizeArticleId(number);
  if (id) return { id, part: partOfArticle(id) };
  const printed = number.replace(/\s+/g, ' ').trim();
  if (ANNEX_PIECE.test(printed)) return { id: printed, part: 'annex' };
  if (BARE_NUMBER.test(printed)) return { id: printed, part: /annexe/i.test(path) ? 'annex' : /r[ée]glementaire/i.test(path) ? 'regulatory' : 'legislative' };
  return undefined;
}

// Another code's headings: numbers in every shape ("1609 nonies C", "R*122-3", "A462-4"), and
// annexes and tables named in words ("Annexe II : Tableau n° 3", "Annexe à l'article R. 4127-1").
// Letters, digits and the punctuation of those names only: "' OR 1=1 --", "../x", "<script>" are no article.
const CODE_ARTICLE_NUMBER = /^[\p{L}\p{N}][\p{L}\p{N} .,*'’()°:/-]*$/u;

/**
 * The id and part of an article of another code: "<code>:<number>", the number normalized as
 * references write it (normalizeCodeArticleNumber); undefined for a heading that names no article
 * ("# Article None", an empty heading, a hostile string).
 */
export function identifyCodeArticle(code: string, printed: string, path: string): { id: string; part: CodePart; message?: IngestMessage } | undefined {
  if (printed.length > 64) return undefined;
  const number = normalizeCodeArticleNumber(printed);
  // A few annex pages of the mirror print "# Article None" (a lost number): their text is real, and
  // their folder names them ("annexe-au-livre-ii"); keyed by it, with a warning.
  if (number === 'None') return nameByFolder(code, path);
  if (!number || !CODE_ARTICLE_NUMBER.test(number) || number.includes('..')) return undefined;
  const part: CodePart = /(^|\/)annexes?(\/|$)/.test(path) || /^annexe/i.test(number)
    ? 'annex'
    : /partie-reglementaire/.test(path) || /^(?:R|D|A)\*?\d/.test(number) ? 'regulatory' : 'legislative';
  return { id: articleKey(code, number), part };
}

function nameByFolder(code: string, path: string): { id: string; part: CodePart; message: IngestMessage } | undefined {
  const folder = path.split('/').at(-2);
  if (!folder) return undefined;
  const number = readTocSlug(folder).title;
  return {
    id: articleKey(code, number),
    part: /annexe/i.test(path) ? 'annex' : 'legislative',
    message: { file: path, line: 1, ruleId: 'heading-without-number', reason: `the heading says "Article None"; the article is named after its folder: "${number}"`, severity: 'warning' },
  };
}

/** The message rejecting a file whose heading names no article number. */
export function reportInvalidNumber(file: string, line: number, number: string): IngestMessage {
  return {
    file,
    line,
    ruleId: 'invalid-article-id',
    reason: `"Article ${quoteForMessage(number).slice(1, -1)}" is not an article number (L, LO, R, R*, D, D* and digits such as L2131-1, R2333-120-21 bis, or an annex)`,
    severity: 'error',
  };
}

/** Drops the spaces and closing "#"s after a heading's text, scanning back once. */
function trimHeadingEnd(raw: string): string {
  let end = raw.length;
  while (end > 0 && ' \t#'.includes(raw[end - 1]!)) end--;
  return raw.slice(0, end).trim();
}

/** 1-based line of an offset in a text. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
