/**
 * A department's command routes (api.md "Commands"), mounted under /api/handling: sign for a case
 * (签收), report the fix (处理反馈), send it back (回退), ask for more time (延期申请) or to park it
 * (挂账申请), and resume after a suspension (恢复处置). Each is one declaration from its command's
 * name: the lifecycle table in packages/domain gives its body and allows it only to a handler of
 * the case's department, the engine carries it out.
 */
import { commandApplier } from '@urbangrid/engine';
import { caseCommandRoutes, mediaIdList, noteText, type ServicePlugin, staffOnly } from '@urbangrid/platform';
import { z } from 'zod';
import type { HandlingServiceDeps } from './deps.js';

const tags = ['handling'];

export function handlingRoutes(deps: HandlingServiceDeps): ServicePlugin {
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

    const route = caseCommandRoutes(app, { tags, apply: commandApplier(deps.engine) });
    route('accept', {
      summary: '签收 — a handler of the case’s department signs for it (dispatched → handling)',
    });
    route('complete', {
      summary: '处理反馈 — the handler reports the fix (handling → handled; a check task follows)',
      // The fix is reported with a note, photos optional.
      fields: { note: noteText, mediaIds: mediaIdList.optional() },
    });
    route('return', {
      summary:
        '回退 — not this department’s case: dispatched or handling → filed; the first dispatch counts as a dispatch error',
    });
    route('requestExtension', {
      path: '/cases/:id/extension',
      summary:
        '延期申请 — asks for more working minutes on the handling deadline (pending the dispatcher’s decision)',
    });
    route('requestSuspension', {
      path: '/cases/:id/suspension',
      summary: '挂账申请 — asks to park the case with its clock stopped (pending the dispatcher’s decision)',
    });
    route('resume', {
      summary: '恢复处置 — suspended → handling; the clock runs again with the working time that was left',
    });
  };
}
