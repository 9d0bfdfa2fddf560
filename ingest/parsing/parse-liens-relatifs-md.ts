/**
 * lexlib / lexxxit files (and seed 002): "# Article L5111-1", the body as Markdown hard-wrapped at
 * ~128 characters (so "aux articles L. 5711-1 et\nL. 5721-8" is one paragraph, joined back), an
 * optional "**Nota:**" paragraph, then the "**Liens relatifs à cet article**" block. File names end
 * with the LEGIARTI digits ("Article L5111-1 - 6392770.md"); folders are flat, so the table of
 * contents comes from the number. A block with "Abrogé par" marks a long-repealed article that
 * the export never deleted.
 */
import { hashArticleContent } from './content-hash.ts';
import { convertMarkdownBody } from './html-to-text.ts';
import { parseRelatedLinks } from './parse-related-links.ts';
import { identifyArticle, readArticleHeading, reportInvalidNumber } from './read-article-heading.ts';
import { reportTooDeep } from './report-truncated-html.ts';
import { inferTocFromNumber } from './toc-from-number.ts';
import type { Article, ParsedFile } from '../types.ts';

const BLOCK_MARKER = /^\s*\*\*Liens relatifs(?: à cet article)?\*\*\s*$/;
// No two `\s*` side by side ("\s*:?\s*" split a run of spaces every way: quadratic).
const NOTA_MARKER = /^\s*\*\*Nota\s*(?::\s*)?\*\*\s*(?::\s*)?$/i;
const LEGIARTI_DIGITS = / - (\d{1,12})\.md$/;

/** Parses one lexlib / lexxxit file; pure. */
export function parseLiensRelatifsMd(path: string, text: string): ParsedFile {
  const heading = readArticleHeading(text);
  if (!heading) return { messages: [{ file: path, line: 1, ruleId: 'no-article-heading', reason: 'no "# Article …" heading at the top of the file', severity: 'error' }] };
  const identified = identifyArticle(heading.number, path);
  if (!identified) return { messages: [reportInvalidNumber(path, heading.line, heading.number)] };
  const { id, part } = identified;
  const lines = text.slice(heading.bodyStart).split(/\r?\n/);
  const blockIndex = lines.findIndex((line) => BLOCK_MARKER.test(line));
  const bodyLines = blockIndex < 0 ? lines : lines.slice(0, blockIndex);
  const notaIndex = bodyLines.findIndex((line) => NOTA_MARKER.test(line));
  const body = convertMarkdownBody((notaIndex < 0 ? bodyLines : bodyLines.slice(0, notaIndex)).join('\n'));
  const related = blockIndex < 0 ? { links: [], messages: [] } : parseRelatedLinks(path, lines.slice(blockIndex + 1), heading.line + 2 + blockIndex);
  const article: Article = {
    id,
    number: heading.number,
    code: 'CGCT',
    part,
    toc: inferTocFromNumber(id),
    text: body.text,
    html: body.html,
    status: related.links.some((link) => link.type === 'repealed-by') ? 'repealed' : 'in-force',
    links: body.links,
    relatedLinks: related.links,
    sourceFile: path,
    sourceFormat: 'liens-relatifs-md',
    contentHash: hashArticleContent(body.text, body.html, related.links),
  };
  const digits = LEGIARTI_DIGITS.exec(path)?.[1];
  if (digits) article.legiarti = `LEGIARTI${digits.padStart(12, '0')}`;
  if (notaIndex >= 0) article.note = convertMarkdownBody(bodyLines.slice(notaIndex + 1).join('\n')).text;
  const messages = body.tooDeepOffset === undefined ? related.messages : [reportTooDeep(path, heading.line + 1), ...related.messages];
  return { article, messages };
}
