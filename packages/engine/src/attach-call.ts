/**
 * attachCall (附加来电): another call about a problem an open case already has, recorded on that case
 * through `applyCommand` — its `attachCall` event (naming the caller's row, nothing of them), the
 * caller's row (case_callers) and the request's Idempotency-Key all in the command's one statement.
 * A repeated request under the same key answers with the same case and attaches nothing more, also
 * when it lost the race to its twin; a request without a key that lost a race answers 409.
 */
import {
  type CaseCallerRow,
  type CaseRow,
  caseCallerInsertQuery,
  completedKeyInsertQuery,
  findCaseById,
  findIdempotencyKey,
  isTakenIdempotencyKey,
} from '@urbangrid/db';
import type { Actor } from '@urbangrid/domain';
import { actorFields, actorScope } from './actor-fields.js';
import { applyCommand } from './apply-command.js';
import type { EngineContext } from './engine-context.js';
import { IdempotencyKeyReusedError, VersionConflictError } from './errors.js';
import { newId } from './ids.js';

/** The caller as the intake service prepared them: the phone and email already sealed. */
export type AttachedCaller = Omit<
  CaseCallerRow,
  'id' | 'caseId' | 'city' | 'attachedBy' | 'attachedAt' | 'erasedAt' | 'callbackReachedAt'
>;

export interface AttachCallRequest {
  caseId: string;
  /** The case as the route just read it within the caller's jurisdiction. */
  loaded?: CaseRow;
  actor: Actor;
  expectedVersion?: number;
  caller: AttachedCaller;
  /** `Idempotency-Key`: the same key from the same operator attaches once. */
  idempotencyKey?: string;
  /** What identifies the request behind the key (a keyed hash: the caller's data is personal). */
  fingerprint: string;
}

export interface AttachCallResult {
  case: CaseRow;
  callerId: string;
  /** An earlier request under the same key attached the call. */
  replayed: boolean;
}

export async function attachCall(
  context: EngineContext,
  request: AttachCallRequest,
): Promise<AttachCallResult> {
  const key =
    request.idempotencyKey === undefined
      ? null
      : { scope: actorScope(request.actor), key: request.idempotencyKey, requestHash: request.fingerprint };
  const earlier = key === null ? null : await replay(context, key);
  if (earlier !== null) return earlier;
  const now = context.now();
  const callerId = newId(now);
  try {
    const result = await applyCommand(
      context,
      {
        caseId: request.caseId,
        loaded: request.loaded,
        command: { type: 'attachCall', callerId },
        actor: request.actor,
        expectedVersion: request.expectedVersion,
      },
      {
        alsoWrite: (planned) => [
          caseCallerInsertQuery({
            ...request.caller,
            id: callerId,
            caseId: request.caseId,
            city: planned.case.city,
            attachedBy: actorFields(request.actor).actorName,
            attachedAt: now,
            erasedAt: null,
            callbackReachedAt: null,
          }),
          ...(key === null
            ? []
            : [
                completedKeyInsertQuery({
                  ...key,
                  createdAt: now,
                  statusCode: 201,
                  response: { caseId: request.caseId, callerId },
                }),
              ]),
        ],
      },
    );
    return { case: result.case, callerId, replayed: false };
  } catch (error) {
    // The twin of this request (same key) got through first: answer as it did.
    if (key !== null && (error instanceof VersionConflictError || isTakenIdempotencyKey(error))) {
      const twin = await replay(context, key);
      if (twin !== null) return twin;
    }
    throw error;
  }
}

async function replay(
  context: EngineContext,
  key: { scope: string; key: string; requestHash: string },
): Promise<AttachCallResult | null> {
  const earlier = await findIdempotencyKey(context.db, key.scope, key.key);
  if (earlier === null) return null;
  const answer = earlier.response as { caseId?: unknown; callerId?: unknown } | null;
  if (earlier.requestHash !== key.requestHash || typeof answer?.callerId !== 'string') {
    throw new IdempotencyKeyReusedError(key.key);
  }
  const row = typeof answer.caseId === 'string' ? await findCaseById(context.db, answer.caseId) : null;
  if (row === null) throw new IdempotencyKeyReusedError(key.key);
  return { case: row, callerId: answer.callerId, replayed: true };
}
