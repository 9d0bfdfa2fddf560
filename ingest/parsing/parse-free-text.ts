/**
 * A document that is not an article (seed 001: a guide for mayors converted from PDF): kept as
 * its text, in which the extractor finds the articles it mentions ("Selon l'article L.115-1 du CGCT").
 */
import { hashText } from './content-hash.ts';
import { trimClosingHashes } from './markdown-to-html.ts';
import type { ParsedFile } from '../types.ts';

/** Parses a free-text document; pure. */
export function parseFreeText(path: string, text: string): ParsedFile {
  const normalized = text.replace(/\r\n?/g, '\n');
  const base = path.slice(path.lastIndexOf('/') + 1);
  // The rest of the line, closing "#"s trimmed after: `(.+?)[ \t#]*$` was quadratic on a run of spaces.
  const heading = trimClosingHashes(/^[ \t]*#{1,6}[ \t]+([^\n]*)/m.exec(normalized)?.[1] ?? '');
  return {
    document: {
      id: `doc:${base}`,
      title: heading.replace(/[*_]/g, '').trim() || base,
      text: normalized,
      sourceFile: path,
      contentHash: hashText(normalized),
    },
    messages: [],
  };
}
