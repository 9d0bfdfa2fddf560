/**
 * Which parser a file needs, from its name and its first lines:
 * - ".html" / ".htm": a page saved from a browser;
 * - "# Article …" then a "**Liens relatifs à cet article**" block, or a lexlib file name
 *   ("Article L5111-1 - 6392770.md"): liens-relatifs-md;
 * - "# Article …" then HTML tags ("<p>", "<a href=…>", "<br/>"): legifrance-md;
 * - "# Article …" then plain Markdown: etalab-md;
 * - anything else with text is a free-text document (seed 001), unless its name says it is an
 *   article ("l2131-1.md", "article-l2131-1.md"), in which case its heading is missing.
 */
import type { SourceFormat } from '../types.ts';
import { readArticleHeading } from '../parsing/read-article-heading.ts';

/** The detected format, or 'article-without-heading' for an article file whose heading is missing. */
export type DetectedFormat = SourceFormat | 'article-without-heading';

const HTML_TAG = /<(p|br|a|div|table|center|i|b|sup|span|font|strong|em)\b[^>]*>/i;
// `[ \t]*`, not `\s*`: with the `m` flag, `^\s*` ran from each of 80,000 blank lines to the end (quadratic).
const LIENS_RELATIFS = /^[ \t]*\*\*Liens relatifs/m;
const LEXLIB_NAME = /(^|\/)Article [^/]+ - \d+\.md$/;
const ARTICLE_NAME = /(^|\/)(article[- ][^/]*|(?:lo|[lrd])-?\*?\d[\w-]*|annexe-[\w-]+)\.(md|markdown|txt)$/i;

/** Detects a file's format. */
export function detectFormat(path: string, text: string): DetectedFormat {
  if (/\.html?$/i.test(path)) return 'html-page';
  const heading = readArticleHeading(text);
  if (!heading) return ARTICLE_NAME.test(path) ? 'article-without-heading' : 'free-text';
  if (LIENS_RELATIFS.test(text) || LEXLIB_NAME.test(path)) return 'liens-relatifs-md';
  // etalab bodies embed some HTML too ('<div align="left">…<br/>'): its folders decide.
  if (/(^|\/)codes-(non-)?en-vigueur\//.test(path)) return 'etalab-md';
  // cgct-legifrance-md's own folder: its bodies are HTML even when a short one has no tag.
  if (/(^|\/)code-general-des-collectivites-territoriales\//.test(path)) return 'legifrance-md';
  if (HTML_TAG.test(text.slice(heading.bodyStart, heading.bodyStart + 4000))) return 'legifrance-md';
  return 'etalab-md';
}
