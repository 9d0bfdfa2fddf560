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
import { parseLegifranceMd } from './parse-legifrance-md.ts';
import { parseLiensRelatifsMd } from './parse-liens-relatifs-md.ts';
import type { ParsedFile } from '../types.ts';

/** What parseFile needs beyond the file: the etalab README titles (see collectSectionTitles). */
export interface ParseFileOptions {
  sectionTitles?: ReadonlyMap<string, string>;
}

/** A parsed file and the format it was read as (undefined when rejected before detection). */
export interface ParsedFileWithFormat extends ParsedFile {
  format?: DetectedFormat;
}

/** Parses a file's text; pure. */
export function parseText(path: string, text: string, options: ParseFileOptions = {}): ParsedFileWithFormat {
  if (text.trim() === '') return { messages: [{ file: path, line: 1, ruleId: 'empty-file', reason: 'the file is empty', severity: 'error' }] };
  const format = detectFormat(path, text);
  switch (format) {
    case 'legifrance-md':
      return { ...parseLegifranceMd(path, text), format };
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
  const decoded = decodeText(path, bytes);
  if ('message' in decoded) return { messages: [decoded.message] };
  return parseText(path, decoded.text.replace(/^\uFEFF/, ''), options);
}
