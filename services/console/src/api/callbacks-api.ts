import { get, post } from './http';
import type { CallbackCall, CallbackDue, CallbackOutcome } from './types';

/**
 * 待回访: ended cases of the operator's city whose caller asked for a callback and has not been
 * reached yet, those waiting longest first: `GET /api/intake/callbacks?limit=` (1..200, default 50).
 */
export const listCallbacksDue = async (limit?: number) =>
  (await get<{ items: CallbackDue[] }>('/api/intake/callbacks', { limit })).items;

/**
 * 回访: records one call to the caller of an ended case. `unreachable` keeps the case due; an
 * answered call (satisfied, unsatisfied) ends its callback, and a second one answers 409 CONFLICT.
 * An empty note is left out (the server takes 1..500 characters or none).
 */
export function recordCallback(caseId: string, outcome: CallbackOutcome, note = ''): Promise<CallbackCall> {
  const text = note.trim();
  return post<CallbackCall>(`/api/intake/cases/${encodeURIComponent(caseId)}/callback`, {
    outcome,
    ...(text ? { note: text } : {}),
  });
}
