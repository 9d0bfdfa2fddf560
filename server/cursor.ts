/**
 * Opaque page cursors: the offset of a result in its list, base64url-encoded with a tag so that a
 * cursor of another list is refused rather than silently misread.
 */
import { badUserInput } from './errors.ts';

/** The cursor of the result at `offset` of a list named `kind`. */
export function encodeCursor(kind: string, offset: number): string {
  return Buffer.from(`${kind}:${offset}`, 'utf8').toString('base64url');
}

/** The offset after the cursor (0 without one); a cursor that is not ours is a BAD_USER_INPUT. */
export function offsetAfter(kind: string, cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined) return 0;
  const match = new RegExp(`^${kind}:(\\d{1,9})$`).exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw badUserInput(`"after" is not a cursor returned by this query: pass the endCursor of the previous page.`, 'after');
  return Number(match[1]) + 1;
}
