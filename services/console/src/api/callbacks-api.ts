import type { CallbackCall, CallbackOutcome } from './contract';
import { api, ok } from './http';

/**
 * 待回访: ended cases of the operator's city whose caller asked for a callback and has not been
 * reached yet, those waiting longest first: `GET /api/intake/callbacks?limit=` (1..200, default 50).
 */
export const listCallbacksDue = async (limit?: number) =>
  (await ok(api.GET('/api/intake/callbacks', { params: { query: { limit } } }))).items;

/**
 * 回访: records one call to the caller of an ended case, or with `callerId` to a caller attached to
 * it. `unreachable` keeps them due; an answered call (satisfied, unsatisfied) ends that caller's
 * callback, and a second one answers 409 CONFLICT. An empty note is left out (the server takes
 * 1..500 characters or none).
 */
export function recordCallback(
  caseId: string,
  outcome: CallbackOutcome,
  note = '',
  callerId?: string,
): Promise<CallbackCall> {
  const text = note.trim();
  return ok(
    api.POST('/api/intake/cases/{id}/callback', {
      params: { path: { id: caseId } },
      body: { outcome, ...(text ? { note: text } : {}), ...(callerId ? { callerId } : {}) },
    }),
  );
}
