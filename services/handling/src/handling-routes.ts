/**
 * A department's command routes (api.md "Commands"), mounted under /api/handling: sign for a case
 * (签收), report the fix (处理反馈), send it back (回退), ask for more time (延期申请) or to park it
 * (挂账申请), and resume after a suspension (恢复处置). Each is one declaration from its command's
 * name: the lifecycle table in packages/domain allows them only to a handler of the case's
 * department, the engine carries them out.
 */
import { applyCommand, evidenceData } from '@urbangrid/engine';
import { caseCommandRoute, mediaIdList, noteText, type ServicePlugin, staffOnly } from '@urbangrid/platform';
import { z } from 'zod';
import type { HandlingServiceDeps } from './deps.js';

const tags = ['handling'];
/** Ten working days of 480 minutes: more is a suspension (挂账), not an extension. */
const maxExtensionMinutes = 4800;

export function handlingRoutes(deps: HandlingServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        config: { access: staffOnly },
        schema: {
          tags,
          summary: 'Whether the handling service is mounted in this process',
          response: { 200: z.object({ service: z.literal('handling'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'handling' as const, status: 'ok' as const }),
    );

    caseCommandRoute(app, 'accept', {
      tags,
      summary: '签收 — a handler of the case’s department signs for it (dispatched → handling)',
      fields: {},
      apply: (call) => applyCommand(engine, { ...call, command: { type: 'accept' } }),
    });

    caseCommandRoute(app, 'complete', {
      tags,
      summary: '处理反馈 — the handler reports the fix (handling → handled; a check task follows)',
      fields: { note: noteText, mediaIds: mediaIdList.optional() },
      apply: (call, evidence) =>
        applyCommand(engine, { ...call, command: { type: 'complete' }, data: evidenceData(evidence) }),
    });

    caseCommandRoute(app, 'return', {
      tags,
      summary:
        '回退 — not this department’s case: dispatched or handling → filed; the first dispatch counts as a dispatch error',
      fields: { reason: noteText },
      apply: (call, { reason }) => applyCommand(engine, { ...call, command: { type: 'return', reason } }),
    });

    caseCommandRoute(app, 'requestExtension', {
      path: '/cases/:id/extension',
      tags,
      summary:
        '延期申请 — asks for more working minutes on the handling deadline (pending the dispatcher’s decision)',
      fields: { workMinutes: z.number().int().min(1).max(maxExtensionMinutes), reason: noteText },
      apply: (call, { workMinutes, reason }) =>
        applyCommand(engine, { ...call, command: { type: 'requestExtension', workMinutes, reason } }),
    });

    caseCommandRoute(app, 'requestSuspension', {
      path: '/cases/:id/suspension',
      tags,
      summary: '挂账申请 — asks to park the case with its clock stopped (pending the dispatcher’s decision)',
      fields: { reason: noteText },
      apply: (call, { reason }) =>
        applyCommand(engine, { ...call, command: { type: 'requestSuspension', reason } }),
    });

    caseCommandRoute(app, 'resume', {
      tags,
      summary: '恢复处置 — suspended → handling; the clock runs again with the working time that was left',
      fields: {},
      apply: (call) => applyCommand(engine, { ...call, command: { type: 'resume' } }),
    });
  };
}
