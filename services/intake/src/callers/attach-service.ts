/**
 * Attaching a call to an open case (附加来电): the hotline operator found the caller's problem among
 * the possible duplicates and records the call on that case instead of filing another. The caller's
 * phone and email are sealed like a reporter's, the Idempotency-Key honoured (a keyed hash of the
 * request behind it, since it holds personal data), and an ended case refused in both languages:
 * the operator files a new report.
 */
import { createHmac } from 'node:crypto';
import type { CaseRow } from '@urbangrid/db';
import { isTerminal } from '@urbangrid/domain';
import { type AttachCallResult, attachCall, canonicalJson, isEngineError } from '@urbangrid/engine';
import {
  type Actor,
  bilingualError,
  encryptPhone,
  phoneSearchHash,
  toDomainActor,
} from '@urbangrid/platform';
import type { IntakeContext } from '../intake-context.js';
import type { ReportInput } from '../reports/report-service.js';

export interface AttachCallInput {
  /** What this caller said. */
  description?: string;
  /** The caller, as a report's reporter is given. */
  reporter?: ReportInput['reporter'];
  /** The hotline system's call id of this call. */
  callId?: string;
  /** The caller wants a call back with the outcome (回访). */
  wantsCallback?: boolean;
  expectedVersion?: number;
}

const endedStates: Record<string, string> = { closed: '已结案', rejected: '不予立案', cancelled: '已作废' };

/** The call on `row` (read within the operator's jurisdiction); 409 for a case that has ended. */
export async function attachCallToCase(
  ctx: IntakeContext,
  actor: Actor,
  row: CaseRow,
  input: AttachCallInput,
  idempotencyKey?: string,
): Promise<AttachCallResult> {
  const seal = (text: string | undefined) => (text === undefined ? null : encryptPhone(ctx.phoneKey, text));
  const phone = input.reporter?.phone;
  const request = {
    caseId: row.id,
    loaded: row,
    actor: toDomainActor(actor),
    expectedVersion: input.expectedVersion,
    caller: {
      name: input.reporter?.name ?? null,
      phoneEnc: seal(phone),
      phoneHash: phone === undefined ? null : phoneSearchHash(ctx.phoneKey, phone),
      emailEnc: seal(input.reporter?.email),
      language: input.reporter?.language ?? null,
      updates: input.reporter?.updates ?? true,
      description: input.description ?? null,
      callId: input.callId ?? null,
      wantsCallback: input.wantsCallback ?? false,
    },
    idempotencyKey,
    fingerprint: createHmac('sha256', ctx.phoneKey)
      .update(canonicalJson({ attachCall: row.id, ...input }))
      .digest('hex'),
  };
  try {
    return await attachCall(ctx.engine, request);
  } catch (error) {
    // The rules refuse every ended case alike; the operator reads why, and what to do instead.
    if (isTerminal(row.state) && isEngineError(error) && error.code === 'TRANSITION_NOT_ALLOWED') {
      throw endedCase(row);
    }
    throw error;
  }
}

function endedCase(row: CaseRow): Error {
  return bilingualError(
    'TRANSITION_NOT_ALLOWED',
    `case ${row.caseNo} has ended (${row.state}): it takes no more calls; file this call as a new report`,
    `案件 ${row.caseNo} 已结束（${endedStates[row.state] ?? row.state}），不能再附加来电，请将本次来电作为新的上报受理`,
  );
}
