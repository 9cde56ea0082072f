/**
 * The checks of a transition that the lifecycle rules cannot make, because they need the database:
 * the photos it attaches exist in the case's city, the department it sends the case to is one of
 * that city. Each is made here only, for a command and a report alike, once the rules have allowed
 * the transition (a caller who may not issue it learns nothing of photos or departments) and before
 * anything is written.
 */
import { type CaseRow, type DbOrTx, findDepartment, findMediaOfCity } from '@urbangrid/db';
import type { CaseSnapshot } from '@urbangrid/domain';
import { EngineError } from './errors.js';

/** Extra facts a command carries for the history: notes, photos, reasons (api.md bodies). */
export type EventData = Record<string, unknown>;

/** The photo ids in an event's data (`mediaIds`). */
export function mediaIdsOf(data: EventData): string[] {
  const ids = data.mediaIds;
  if (ids === undefined) return [];
  if (!Array.isArray(ids) || !ids.every((id): id is string => typeof id === 'string')) {
    throw new EngineError('VALIDATION_FAILED', 'mediaIds must be a list of media ids');
  }
  return ids;
}

/** Refuses photos that were never uploaded, or were uploaded in another city. */
export async function checkMedia(db: DbOrTx, city: string, data: EventData): Promise<void> {
  const ids = mediaIdsOf(data);
  if (ids.length === 0) return;
  const known = new Set((await findMediaOfCity(db, city, ids)).map((photo) => photo.id));
  const unknown = [...new Set(ids.filter((id) => !known.has(id)))];
  if (unknown.length > 0) {
    throw new EngineError('VALIDATION_FAILED', `mediaIds: unknown photo ${unknown.join(', ')}`);
  }
}

/** A case goes only to a department of its own city; the rules know no departments. */
export async function checkDepartment(db: DbOrTx, before: CaseRow, after: CaseSnapshot): Promise<void> {
  const id = after.departmentId;
  if (id === null || id === before.departmentId) return;
  const department = await findDepartment(db, id);
  if (department === null || department.city !== before.city) {
    throw new EngineError('VALIDATION_FAILED', `departmentId: no department ${id} in this city`);
  }
}
