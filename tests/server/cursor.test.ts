import { describe, expect, it } from 'vitest';
import { encodeCursor, offsetAfter } from '../../server/cursor.ts';

describe('cursors', () => {
  it('resume after the result they name', () => {
    expect(offsetAfter('search', encodeCursor('search', 19))).toBe(20);
    expect(offsetAfter('search', null)).toBe(0);
  });

  it('refuse a cursor of another list or a made-up one with BAD_USER_INPUT', () => {
    for (const cursor of [encodeCursor('unresolved', 3), 'bm9wZQ', '']) {
      expect(() => offsetAfter('search', cursor)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });
});
