/**
 * Before and after photos of a case, read from its timeline: photos sent with the report and the
 * verification show the problem; those sent with the handler's feedback and the check show the fix.
 */
import type { TimelineEntry } from '../api/contract';

const beforeCommands = new Set(['report', 'verify']);
const afterCommands = new Set(['complete', 'check']);

function mediaIdsOf(entry: TimelineEntry): string[] {
  const ids = entry.data?.mediaIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

export function casePhotos(timeline: readonly TimelineEntry[]): { before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  for (const entry of timeline) {
    if (beforeCommands.has(entry.command)) before.push(...mediaIdsOf(entry));
    else if (afterCommands.has(entry.command)) after.push(...mediaIdsOf(entry));
  }
  return { before: [...new Set(before)], after: [...new Set(after)] };
}

/** The words a timeline row shows besides its command: note, reason, decision. */
export function timelineNote(entry: TimelineEntry): string {
  const data = entry.data ?? {};
  const parts = ['note', 'reason']
    .map((key) => data[key])
    .filter((v): v is string => typeof v === 'string' && v !== '');
  return parts.join(' · ');
}

/** The officer a step handed the verification or check to (派发, 改派), if it did. */
export function timelineAssignee(entry: TimelineEntry): string | null {
  const assignee = entry.data?.assignee;
  return typeof assignee === 'string' && assignee !== '' ? assignee : null;
}
