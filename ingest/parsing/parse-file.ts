/**
 * One file in, one ParsedFile out: decodes the bytes, detects the format and hands the text to
 * its parser. Bad input becomes a message, never an exception: an empty file, binary data,
 * invalid UTF-8, an article file without its "# Article" heading (each rejects the file), and
 * the parsers' own warnings (truncated HTML, unknown "Liens relatifs" heading or status).
 */
import { decodeText } from '../sources/decode-text.ts';
import { detectFormat, type DetectedFormat } from '../sources/detect-format.ts';
import { parseEtalabMd } from './parse-etalab-md.ts';
import { parseFreeText } from './parse-free-text.ts';
import { parseHtmlPage } from './parse-html-page.ts';
import { withNestingLimit } from './parse-html-fragment.ts';
import { parseLegifranceMd } from './parse-legifrance-md.ts';
import { parseLiensRelatifsMd } from './parse-liens-relatifs-md.ts';
import { checkArticleLimits, checkDocumentLimits } from './check-article-limits.ts';
import { capMessages, DEFAULT_LIMITS, findLongLine, type IngestLimits } from './limits.ts';
import type { IngestMessage, ParsedFile } from '../types.ts';
import { CGCT_CODE } from '../codes/code-registry.ts';

/** What parseFile needs beyond the file: the etalab README titles (see collectSectionTitles), and the limits. */
export interface ParseFileOptions {
  sectionTitles?: ReadonlyMap<string, string>;
  /** Bounds on the input (defaults: DEFAULT_LIMITS). */
  limits?: Partial<IngestLimits>;
  /** The code the file belongs to, for a legifrance-md file of another code (default: the CGCT). */
  code?: string;
}

/** A parsed file and the format it was read as (undefined when rejected before detection). */
export interface ParsedFileWithFormat extends ParsedFile {
  format?: DetectedFormat;
}

/** Parses a file's text; pure. Never throws on any input: a file past a limit is rejected with a message. */
export function parseText(path: string, text: string, options: ParseFileOptions = {}): ParsedFileWithFormat {
  if (text.trim() === '') return { messages: [{ file: path, line: 1, ruleId: 'empty-file', reason: 'the file is empty', severity: 'error' }] };
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const long = findLongLine(text, limits.maxLineLength);
  if (long) return { messages: [{ file: path, line: long.line, ruleId: 'line-too-long', reason: `line of ${long.length} characters (limit maxLineLength ${limits.maxLineLength})`, severity: 'error' }] };
  const parsed = withNestingLimit(limits.maxNestingDepth, () => parseDetected(path, text, options));
  const messages = [
    ...parsed.messages,
    ...(parsed.article ? checkArticleLimits(parsed.article, limits) : []),
    ...(parsed.document ? checkDocumentLimits(parsed.document, limits) : []),
  ];
  const capped = capMessages(messages, limits.maxMessagesPerFile);
  if (!capped.some((message) => message.severity === 'error')) return { ...parsed, messages: capped };
  // A rejected file gives no article: nothing past a limit can reach the graph by mistake.
  const { article: _article, document: _document, ...rejected } = parsed;
  return { ...rejected, messages: capped };
}

function parseDetected(path: string, text: string, options: ParseFileOptions): ParsedFileWithFormat {
  // Another code's files come from the all-codes source, all in the legifrance-md format: one whose
  // body has no HTML (a plain paragraph) must not be read as an etalab CGCT article.
  if (options.code !== undefined && options.code !== CGCT_CODE) return { ...parseLegifranceMd(path, text, options.code), format: 'legifrance-md' };
  const format = detectFormat(path, text);
  switch (format) {
    case 'legifrance-md':
      return { ...parseLegifranceMd(path, text, options.code), format };
    case 'liens-relatifs-md':
      return { ...parseLiensRelatifsMd(path, text), format };
    case 'etalab-md':
      return { ...parseEtalabMd(path, text, options.sectionTitles), format };
    case 'html-page':
      return { ...parseHtmlPage(path, text), format };
    case 'free-text':
      return { ...parseFreeText(path, text), format };
    case 'article-without-heading':
      return { format, messages: [{ file: path, line: 1, ruleId: 'no-article-heading', reason: 'the file is named like an article but has no "# Article …" heading', severity: 'error' }] };
  }
}

/** Parses a file's bytes (decoding included); pure. */
export function parseFile(path: string, bytes: Uint8Array, options: ParseFileOptions = {}): ParsedFileWithFormat {
  const maxFileBytes = options.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  if (bytes.length > maxFileBytes) return { messages: [reportTooLarge(path, bytes.length, maxFileBytes)] };
  const decoded = decodeText(path, bytes);
  if ('message' in decoded) return { messages: [decoded.message] };
  return parseText(path, decoded.text.replace(/^\uFEFF/, ''), options);
}

/** The error rejecting a file larger than the limit (the corpora's largest is 65 kB). */
export function reportTooLarge(file: string, size: number, maxFileBytes: number): IngestMessage {
  return { file, line: 1, ruleId: 'file-too-large', reason: `${size} bytes (limit maxFileBytes ${maxFileBytes})`, severity: 'error' };
}
