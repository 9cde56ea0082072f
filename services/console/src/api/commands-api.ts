/**
 * The case commands of api.md. Each sends the version the user saw as `expectedVersion`, so a case
 * that changed meanwhile answers 409 VERSION_CONFLICT instead of being overwritten.
 */
import { post } from './http';
import type { CaseRecord } from './types';

type Seen = Pick<CaseRecord, 'id' | 'version'>;

function command(path: string) {
  return <Body extends object>(seen: Seen, body: Body) =>
    post<CaseRecord>(path.replace(':id', encodeURIComponent(seen.id)), {
      ...body,
      expectedVersion: seen.version,
    });
}

const dispatch = '/api/dispatch/cases/:id';
const handling = '/api/handling/cases/:id';
const supervision = '/api/supervision/cases/:id';

/** 核实 */
export const verifyCase = (seen: Seen, body: { found: boolean; note?: string; mediaIds?: string[] }) =>
  command(`${dispatch}/verify`)(seen, body);
/** 立案 */
export const fileCase = (seen: Seen, body: { categoryCode?: string; urgency?: 'normal' | 'urgent' } = {}) =>
  command(`${dispatch}/file`)(seen, body);
/** 不予立案 */
export const rejectCase = (seen: Seen, reason: string) => command(`${dispatch}/reject`)(seen, { reason });
/** 派遣 */
export const dispatchCase = (seen: Seen, departmentId: string) =>
  command(`${dispatch}/dispatch`)(seen, { departmentId });
/** 作废 */
export const cancelCase = (seen: Seen, reason: string) => command(`${dispatch}/cancel`)(seen, { reason });
/**
 * 改派 — beyond api.md: `POST /api/dispatch/cases/:id/reassign` `{officer, note?}` → the case. Sends
 * the officer (a username) to the verification (reported, verifying → verifying) or the check
 * (handled, reviewing → reviewing); the earlier officer's task is cancelled.
 */
export const reassignCase = (seen: Seen, officer: string, note?: string) =>
  command(`${dispatch}/reassign`)(seen, note ? { officer, note } : { officer });
/** 延期审批 */
export const decideExtension = (seen: Seen, approve: boolean) =>
  command(`${dispatch}/extension/decide`)(seen, { approve });
/** 挂账审批 */
export const decideSuspension = (seen: Seen, approve: boolean) =>
  command(`${dispatch}/suspension/decide`)(seen, { approve });

/** 签收 */
export const acceptCase = (seen: Seen) => command(`${handling}/accept`)(seen, {});
/** 处理反馈 */
export const completeCase = (seen: Seen, body: { note: string; mediaIds?: string[] }) =>
  command(`${handling}/complete`)(seen, body);
/** 回退 */
export const returnCase = (seen: Seen, reason: string) => command(`${handling}/return`)(seen, { reason });
/** 延期申请 */
export const requestExtension = (seen: Seen, workMinutes: number, reason: string) =>
  command(`${handling}/extension`)(seen, { workMinutes, reason });
/** 挂账申请 */
export const requestSuspension = (seen: Seen, reason: string) =>
  command(`${handling}/suspension`)(seen, { reason });
/** 恢复处置 */
export const resumeCase = (seen: Seen) => command(`${handling}/resume`)(seen, {});

/** 核查 */
export const checkCase = (seen: Seen, body: { fixed: boolean; note?: string; mediaIds?: string[] }) =>
  command(`${supervision}/check`)(seen, body);
/** 结案 */
export const closeCase = (seen: Seen) => command(`${supervision}/close`)(seen, {});
/** 督办 — beyond api.md, served by dispatch: `POST /api/dispatch/cases/:id/supervise` `{note?}` → the case. */
export const orderSupervision = (seen: Seen, note: string) =>
  command(`${dispatch}/supervise`)(seen, { note });
