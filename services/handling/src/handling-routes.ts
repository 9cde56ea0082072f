/**
 * A department's command routes (api.md "Commands"), mounted under /api/handling. Any signed-in
 * staff member may call them: the case is first looked up within the caller's jurisdiction (404
 * outside it), then the lifecycle decides roles and guards (403, 409).
 */
import { caseCommandRoute, mediaIdList, noteText, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import type { HandlingServiceDeps } from './deps.js';
import {
  acceptCase,
  completeCase,
  requestExtension,
  requestSuspension,
  resumeCase,
  returnCase,
} from './handling-commands.js';

const tags = ['handling'];
/** Ten working days of 480 minutes: more is a suspension (挂账), not an extension. */
const maxExtensionMinutes = 4800;

export function handlingRoutes(deps: HandlingServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        schema: {
          tags,
          summary: 'Whether the handling service is mounted in this process',
          response: { 200: z.object({ service: z.literal('handling'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'handling' as const, status: 'ok' as const }),
    );

    caseCommandRoute(app, {
      path: '/cases/:id/accept',
      tags,
      summary: '签收 — a handler of the case’s department signs for it (dispatched → handling)',
      fields: {},
      apply: (call) => acceptCase(engine, call),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/complete',
      tags,
      summary: '处理反馈 — the handler reports the fix (handling → handled; a check task follows)',
      fields: { note: noteText, mediaIds: mediaIdList.optional() },
      apply: (call, input) => completeCase(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/return',
      tags,
      summary:
        '回退 — not this department’s case: dispatched or handling → filed; the first dispatch counts as a dispatch error',
      fields: { reason: noteText },
      apply: (call, input) => returnCase(engine, call, input.reason),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/extension',
      tags,
      summary:
        '延期申请 — asks for more working minutes on the handling deadline (pending the dispatcher’s decision)',
      fields: { workMinutes: z.number().int().min(1).max(maxExtensionMinutes), reason: noteText },
      apply: (call, input) => requestExtension(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/suspension',
      tags,
      summary: '挂账申请 — asks to park the case with its clock stopped (pending the dispatcher’s decision)',
      fields: { reason: noteText },
      apply: (call, input) => requestSuspension(engine, call, input.reason),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/resume',
      tags,
      summary: '恢复处置 — suspended → handling; the clock runs again with the working time that was left',
      fields: {},
      apply: (call) => resumeCase(engine, call),
    });
  };
}
