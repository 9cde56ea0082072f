/**
 * The "every role against every command" matrix: for each command route of api.md, a caller
 * whose roles are not among the lifecycle table's issuers must be refused (403, or 404 when the
 * case is outside their jurisdiction) and must never succeed. Issuers are not asserted here:
 * per-case guards (the assigned officer, the case's department) may still refuse them.
 */
import { type HumanCommandType, lifecycle, type Role, reportRule } from '@urbangrid/domain';
import type { App } from '../app.js';

export interface CommandRoute {
  command: HumanCommandType;
  /** `:id` stands for the case id. */
  path: string;
  /** A body that passes validation, so that a refusal is about the caller. */
  body: Record<string, unknown>;
}

/** The command routes of api.md. */
export const commandRoutes: readonly CommandRoute[] = [
  {
    command: 'report',
    path: '/api/intake/reports',
    body: {
      source: 'hotline',
      categoryCode: '0101',
      description: 'x',
      location: { lat: 40.83, lng: 111.66 },
    },
  },
  { command: 'verify', path: '/api/dispatch/cases/:id/verify', body: { found: true } },
  { command: 'file', path: '/api/dispatch/cases/:id/file', body: {} },
  { command: 'reject', path: '/api/dispatch/cases/:id/reject', body: { reason: 'not real' } },
  { command: 'dispatch', path: '/api/dispatch/cases/:id/dispatch', body: { departmentId: 'dept-x' } },
  { command: 'cancel', path: '/api/dispatch/cases/:id/cancel', body: { reason: 'duplicate' } },
  { command: 'reassign', path: '/api/dispatch/cases/:id/reassign', body: { officer: 'officer2' } },
  { command: 'superviseOrder', path: '/api/dispatch/cases/:id/supervise', body: {} },
  { command: 'decideExtension', path: '/api/dispatch/cases/:id/extension/decide', body: { approve: true } },
  { command: 'decideSuspension', path: '/api/dispatch/cases/:id/suspension/decide', body: { approve: true } },
  { command: 'accept', path: '/api/handling/cases/:id/accept', body: {} },
  { command: 'complete', path: '/api/handling/cases/:id/complete', body: { note: 'fixed' } },
  { command: 'return', path: '/api/handling/cases/:id/return', body: { reason: 'not ours' } },
  {
    command: 'requestExtension',
    path: '/api/handling/cases/:id/extension',
    body: { workMinutes: 60, reason: 'x' },
  },
  { command: 'requestSuspension', path: '/api/handling/cases/:id/suspension', body: { reason: 'x' } },
  { command: 'resume', path: '/api/handling/cases/:id/resume', body: {} },
  { command: 'check', path: '/api/supervision/cases/:id/check', body: { fixed: true } },
  { command: 'close', path: '/api/supervision/cases/:id/close', body: {} },
];

/** The roles the lifecycle table lets issue `command`. */
export function issuerRoles(command: HumanCommandType): readonly Role[] {
  return command === 'report' ? reportRule.issuers.roles : lifecycle[command].issuers.roles;
}

export interface MatrixViolation {
  command: HumanCommandType;
  role: Role;
  status: number;
  body: string;
}

/**
 * Sends every registered command route as every role that has a token and may NOT issue it;
 * returns the answers that were not a refusal. Routes not registered on `app` are skipped.
 */
export async function roleMatrixViolations(
  app: App,
  options: { caseId: string; tokens: Partial<Record<Role, string>> },
): Promise<MatrixViolation[]> {
  const registered = new Set(app.registeredRoutes.map((r) => `${r.method} ${r.url}`));
  const violations: MatrixViolation[] = [];
  for (const route of commandRoutes) {
    if (!registered.has(`POST ${route.path}`)) continue;
    const allowed = issuerRoles(route.command);
    for (const [role, token] of Object.entries(options.tokens) as [Role, string][]) {
      if (allowed.includes(role)) continue;
      const response = await app.inject({
        method: 'POST',
        url: route.path.replace(':id', encodeURIComponent(options.caseId)),
        headers: { authorization: `Bearer ${token}` },
        payload: route.body,
      });
      if (response.statusCode !== 403 && response.statusCode !== 404) {
        violations.push({ command: route.command, role, status: response.statusCode, body: response.body });
      }
    }
  }
  return violations;
}
