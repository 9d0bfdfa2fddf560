/**
 * Bytes → text, or a message saying why not. A file with a NUL byte is binary data (an image or
 * a PDF saved with a .md name); a file that is not valid UTF-8 (often Windows-1252: "collectivit\xe9s")
 * is reported at the line of its first bad byte rather than silently decoded with U+FFFD.
 */
import type { IngestMessage } from '../types.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The decoded text, or the error message that rejects the file. */
export type DecodedText = { text: string } | { message: IngestMessage };

/** Decodes a file's bytes as UTF-8 (BOM dropped, CRLF kept for the parsers to normalize). */
export function decodeText(file: string, bytes: Uint8Array): DecodedText {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { message: { file, line: lineAt(bytes, nul), ruleId: 'binary-file', reason: `binary data: NUL byte at offset ${nul}`, severity: 'error' } };
  }
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = findInvalidUtf8(bytes);
    return {
      message: { file, line: lineAt(bytes, offset), ruleId: 'invalid-utf8', reason: `invalid UTF-8 at byte offset ${offset}`, severity: 'error', suggestion: 'convert the file to UTF-8 (it may be Windows-1252 or Latin-1)' },
    };
  }
}

/** 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (lead byte, continuation bytes, overlongs aside). */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += length;
  }
  return bytes.length;
}
