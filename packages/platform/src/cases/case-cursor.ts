/**
 * The case list's cursor (`GET /api/cases?cursor=`, answered as `nextCursor`): where the previous
 * page ended (its last case's report time and id), opaque to clients. The next page is read from
 * there with the list's index (keyset), so page 5,000 costs what page 1 does and cases reported
 * meanwhile neither repeat nor shift a case out of the pages.
 */
import type { CaseListPosition } from '@urbangrid/db';
import { z } from 'zod';

const position = z.tuple([z.iso.datetime({ offset: true }), z.string().min(1).max(100)]);

export function encodeCaseCursor(at: CaseListPosition): string {
  return Buffer.from(JSON.stringify([at.createdAt.toISOString(), at.id])).toString('base64url');
}

/** The position a cursor names; null when it is not one this API gave out. */
export function decodeCaseCursor(cursor: string): CaseListPosition | null {
  try {
    const parsed = position.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { createdAt: new Date(parsed.data[0]), id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The cursor as a query parameter: checked at the boundary, handed on as the position it names. */
export const caseCursorParam = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((cursor, context) => {
    const decoded = decodeCaseCursor(cursor);
    if (decoded === null) {
      context.addIssue({ code: 'custom', message: 'not a cursor this list gave out (nextCursor)' });
      return z.NEVER;
    }
    return decoded;
  });
