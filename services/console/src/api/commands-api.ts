/**
 * The case commands of api.md, each with the body its route declares in the OpenAPI document.
 * Each sends the version the user saw as `expectedVersion`, so a case that changed meanwhile
 * answers 409 VERSION_CONFLICT instead of being overwritten.
 */
import type { CaseRecord, RequestBody } from './contract';
import type { paths } from './generated/schema';
import { api, ok } from './http';

type Seen = Pick<CaseRecord, 'id' | 'version'>;
/** What a command route takes, but the version (sent from `seen`). */
type Input<P extends keyof paths> = Omit<RequestBody<P, 'post'>, 'expectedVersion'>;

const on = (seen: Seen) => ({ path: { id: seen.id } });

/** 核实 */
export const verifyCase = (seen: Seen, body: Input<'/api/dispatch/cases/{id}/verify'>) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/verify', {
      params: on(seen),
      body: { ...body, expectedVersion: seen.version },
    }),
  );
/** 立案 */
export const fileCase = (seen: Seen, body: Input<'/api/dispatch/cases/{id}/file'> = {}) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/file', {
      params: on(seen),
      body: { ...body, expectedVersion: seen.version },
    }),
  );
/** 不予立案 */
export const rejectCase = (seen: Seen, reason: string) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/reject', {
      params: on(seen),
      body: { reason, expectedVersion: seen.version },
    }),
  );
/** 派遣 */
export const dispatchCase = (seen: Seen, departmentId: string) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/dispatch', {
      params: on(seen),
      body: { departmentId, expectedVersion: seen.version },
    }),
  );
/** 作废 */
export const cancelCase = (seen: Seen, reason: string) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/cancel', {
      params: on(seen),
      body: { reason, expectedVersion: seen.version },
    }),
  );
/**
 * 改派 — beyond api.md: `POST /api/dispatch/cases/:id/reassign` `{officer, note?}` → the case. Sends
 * the officer (a username) to the verification (reported, verifying → verifying) or the check
 * (handled, reviewing → reviewing); the earlier officer's task is cancelled.
 */
export const reassignCase = (seen: Seen, officer: string, note?: string) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/reassign', {
      params: on(seen),
      body: { officer, ...(note ? { note } : {}), expectedVersion: seen.version },
    }),
  );
/** 延期审批 */
export const decideExtension = (seen: Seen, approve: boolean) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/extension/decide', {
      params: on(seen),
      body: { approve, expectedVersion: seen.version },
    }),
  );
/** 挂账审批 */
export const decideSuspension = (seen: Seen, approve: boolean) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/suspension/decide', {
      params: on(seen),
      body: { approve, expectedVersion: seen.version },
    }),
  );

/** 签收 */
export const acceptCase = (seen: Seen) =>
  ok(
    api.POST('/api/handling/cases/{id}/accept', {
      params: on(seen),
      body: { expectedVersion: seen.version },
    }),
  );
/** 处理反馈 */
export const completeCase = (seen: Seen, body: Input<'/api/handling/cases/{id}/complete'>) =>
  ok(
    api.POST('/api/handling/cases/{id}/complete', {
      params: on(seen),
      body: { ...body, expectedVersion: seen.version },
    }),
  );
/** 回退 */
export const returnCase = (seen: Seen, reason: string) =>
  ok(
    api.POST('/api/handling/cases/{id}/return', {
      params: on(seen),
      body: { reason, expectedVersion: seen.version },
    }),
  );
/** 延期申请 */
export const requestExtension = (seen: Seen, workMinutes: number, reason: string) =>
  ok(
    api.POST('/api/handling/cases/{id}/extension', {
      params: on(seen),
      body: { workMinutes, reason, expectedVersion: seen.version },
    }),
  );
/** 挂账申请 */
export const requestSuspension = (seen: Seen, reason: string) =>
  ok(
    api.POST('/api/handling/cases/{id}/suspension', {
      params: on(seen),
      body: { reason, expectedVersion: seen.version },
    }),
  );
/** 恢复处置 */
export const resumeCase = (seen: Seen) =>
  ok(
    api.POST('/api/handling/cases/{id}/resume', {
      params: on(seen),
      body: { expectedVersion: seen.version },
    }),
  );

/** 核查 */
export const checkCase = (seen: Seen, body: Input<'/api/supervision/cases/{id}/check'>) =>
  ok(
    api.POST('/api/supervision/cases/{id}/check', {
      params: on(seen),
      body: { ...body, expectedVersion: seen.version },
    }),
  );
/** 结案 */
export const closeCase = (seen: Seen) =>
  ok(
    api.POST('/api/supervision/cases/{id}/close', {
      params: on(seen),
      body: { expectedVersion: seen.version },
    }),
  );
/** 督办 — beyond api.md, served by dispatch: `POST /api/dispatch/cases/:id/supervise` `{note?}` → the case. */
export const orderSupervision = (seen: Seen, note: string) =>
  ok(
    api.POST('/api/dispatch/cases/{id}/supervise', {
      params: on(seen),
      body: { note, expectedVersion: seen.version },
    }),
  );
