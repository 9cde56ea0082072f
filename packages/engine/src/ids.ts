import { v7 } from 'uuid';

/** Time-ordered ids (UUIDv7): index-friendly in insert order, and sortable by creation. */
export function newId(at?: Date): string {
  return at === undefined ? v7() : v7({ msecs: at.getTime() });
}
