/**
 * cgct-etalab files: "# Article L5111-1", then plain Markdown paragraphs (no links: every
 * reference is in the text). The folder says the status ("codes-en-vigueur/…" in force,
 * "codes-non-en-vigueur/…" a version no longer in force) and the place in the table of contents;
 * the section titles come from the README.md files, collected beforehand by collectSectionTitles.
 */
import { hashArticleContent } from './content-hash.ts';
import { convertMarkdownBody } from './html-to-text.ts';
import { identifyArticle, readArticleHeading, reportInvalidNumber } from './read-article-heading.ts';
import { inferTocFromNumber } from './toc-from-number.ts';
import { reportTooDeep } from './report-truncated-html.ts';
import { readTocFromPath } from './toc-from-path.ts';
import type { ArticleStatus, ParsedFile } from '../types.ts';

/** Parses one etalab file; `sectionTitles` maps folder paths to their README titles. Pure. */
export function parseEtalabMd(path: string, text: string, sectionTitles: ReadonlyMap<string, string> = new Map()): ParsedFile {
  const heading = readArticleHeading(text);
  if (!heading) return { messages: [{ file: path, line: 1, ruleId: 'no-article-heading', reason: 'no "# Article …" heading at the top of the file', severity: 'error' }] };
  const identified = identifyArticle(heading.number, path);
  if (!identified) return { messages: [reportInvalidNumber(path, heading.line, heading.number)] };
  const { id, part } = identified;
  const body = convertMarkdownBody(text.slice(heading.bodyStart));
  const fromPath = readTocFromPath(path, sectionTitles);
  return {
    article: {
      id,
      number: heading.number,
      code: 'CGCT',
      part,
      toc: fromPath.length > 0 ? fromPath : inferTocFromNumber(id),
      text: body.text,
      html: body.html,
      status: statusFromPath(path),
      links: body.links,
      relatedLinks: [],
      sourceFile: path,
      sourceFormat: 'etalab-md',
      contentHash: hashArticleContent(body.text, body.html, []),
    },
    messages: body.tooDeepOffset === undefined ? [] : [reportTooDeep(path, heading.line + 1)],
  };
}

function statusFromPath(path: string): ArticleStatus {
  if (/(^|\/)codes-non-en-vigueur\//.test(path)) return 'repealed';
  if (/(^|\/)codes-en-vigueur\//.test(path)) return 'in-force';
  return 'unknown';
}
