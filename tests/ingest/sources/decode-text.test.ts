import { describe, expect, it } from 'vitest';
import { decodeText, findInvalidUtf8 } from '../../../ingest/sources/decode-text.ts';

describe('decodeText', () => {
  it('decodes valid UTF-8, accents and œ included', () => {
    expect(decodeText('a.md', Buffer.from('mise en œuvre, collectivités'))).toEqual({ text: 'mise en œuvre, collectivités' });
  });

  it('reports a cut multi-byte character at its offset and line', () => {
    // "é" is C3 A9; a lone C3 before a line feed is invalid.
    const result = decodeText('a.md', Buffer.from([0x61, 0x0a, 0x62, 0xc3, 0x0a]));
    expect(result).toEqual({ message: expect.objectContaining({ file: 'a.md', line: 2, ruleId: 'invalid-utf8', reason: 'invalid UTF-8 at byte offset 3' }) });
  });
});

describe('findInvalidUtf8', () => {
  it('skips valid two-, three- and four-byte characters', () => {
    expect(findInvalidUtf8(Buffer.concat([Buffer.from('é€😀'), Buffer.from([0xff])]))).toBe(2 + 3 + 4);
  });
});
