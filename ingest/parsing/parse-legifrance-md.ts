/**
 * cgct-legifrance-md files (and seed 000): "# Article L1115-1", a blank line, then the body in
 * HTML ("<p>… <a href='/code-…/l2131-1.md'>articles L. 2131-1, L. 2131-2</a> …</p>"). The table
 * of contents comes from the slugged folders; a file outside them gets it from its number.
 */
import { hashArticleContent } from './content-hash.ts';
import { convertHtmlBody } from './html-to-text.ts';
import { identifyArticle, identifyCodeArticle, readArticleHeading, reportInvalidNumber } from './read-article-heading.ts';
import { reportTruncatedHtml } from './report-truncated-html.ts';
import { inferTocFromNumber } from './toc-from-number.ts';
import { readCodeTocFromPath, readTocFromPath } from './toc-from-path.ts';
import { CGCT_CODE } from '../codes/code-registry.ts';
import type { IngestMessage, ParsedFile } from '../types.ts';

/**
 * Parses one legifrance-md file; pure. `code` is the code the file belongs to (a folder of
 * all-codes-tip: "code-de-lurbanisme"): the CGCT when absent. Another code numbers its articles
 * its own way ("1240", "1609 nonies C", "A462-4"), keys them "<code>:<number>" and takes its table
 * of contents from the folders under its own root.
 */
export function parseLegifranceMd(path: string, text: string, code: string = CGCT_CODE): ParsedFile {
  const heading = readArticleHeading(text);
  if (!heading) return { messages: [{ file: path, line: 1, ruleId: 'no-article-heading', reason: 'no "# Article …" heading at the top of the file', severity: 'error' }] };
  const identified = code === CGCT_CODE ? identifyArticle(heading.number, path) : identifyCodeArticle(code, heading.number, path);
  if (!identified) return { messages: [reportInvalidNumber(path, heading.line, heading.number)] };
  const { id, part } = identified;
  const body = convertHtmlBody(text.slice(heading.bodyStart));
  const messages: IngestMessage[] = reportTruncatedHtml(path, text, heading.bodyStart, body);
  const named = identified as { message?: IngestMessage };
  if (named.message) messages.push(named.message);
  if (body.text === '') messages.push({ file: path, line: heading.line + 1, ruleId: 'empty-article', reason: `article ${id} has no text`, severity: 'warning' });
  const fromPath = code === CGCT_CODE ? readTocFromPath(path) : readCodeTocFromPath(code, path);
  return {
    article: {
      id,
      number: heading.number,
      code,
      part,
      toc: fromPath.length > 0 || code !== CGCT_CODE ? fromPath : inferTocFromNumber(id),
      text: body.text,
      html: body.html,
      status: 'in-force',
      links: body.links,
      relatedLinks: [],
      sourceFile: path,
      sourceFormat: 'legifrance-md',
      contentHash: hashArticleContent(body.text, body.html, []),
    },
    messages,
  };
}
