/**
 * The dispatch desk's command routes (api.md "Commands"), mounted under /api/dispatch. Any signed-in
 * staff member may call them: the case is first looked up within the caller's jurisdiction (404
 * outside it), then the lifecycle decides roles and guards (403, 409).
 */
import { urgencySchema } from '@urbangrid/domain';
import { caseCommandRoute, mediaIdList, noteText, type ServicePlugin } from '@urbangrid/platform';
import { z } from 'zod';
import type { DispatchServiceDeps } from './deps.js';
import {
  cancelCase,
  decideExtension,
  decideSuspension,
  dispatchCase,
  fileCase,
  reassignCase,
  rejectCase,
  superviseCase,
  verifyCase,
} from './dispatch-commands.js';

const tags = ['dispatch'];
const reasonFields = { reason: noteText };
const decisionFields = { approve: z.boolean(), note: noteText.optional() };

export function dispatchRoutes(deps: DispatchServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        schema: {
          tags,
          summary: 'Whether the dispatch service is mounted in this process',
          response: { 200: z.object({ service: z.literal('dispatch'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'dispatch' as const, status: 'ok' as const }),
    );

    caseCommandRoute(app, {
      path: '/cases/:id/verify',
      tags,
      summary:
        '核实 — the assigned officer verifies on site: verifying → verified, or → rejected when not found',
      fields: { found: z.boolean(), note: noteText.optional(), mediaIds: mediaIdList.optional() },
      apply: (call, input) => verifyCase(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/file',
      tags,
      summary:
        '立案 — the shift lead files the case (verified → filed), optionally correcting category and urgency',
      fields: {
        categoryCode: z.string().trim().min(1).max(20).optional(),
        urgency: urgencySchema.optional(),
      },
      apply: (call, input) => fileCase(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/reject',
      tags,
      summary: '不予立案 — the shift lead rejects a report (reported, verifying, verified → rejected)',
      fields: reasonFields,
      apply: (call, input) => rejectCase(engine, call, input.reason),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/dispatch',
      tags,
      summary: '派遣 — the dispatcher sends a filed case to a department (filed → dispatched)',
      fields: { departmentId: z.string().trim().min(1).max(100) },
      apply: (call, input) => dispatchCase(engine, call, input.departmentId),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/cancel',
      tags,
      summary: '作废 — the shift lead cancels an open case, with a reason (any open state → cancelled)',
      fields: reasonFields,
      apply: (call, input) => cancelCase(engine, call, input.reason),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/reassign',
      tags,
      summary:
        '改派 — the shift lead sends an officer of the city to the verification (reported, verifying → verifying) or the check (handled, reviewing → reviewing); the earlier officer’s task is cancelled',
      fields: { officer: z.string().trim().min(1).max(100), note: noteText.optional() },
      apply: (call, input) => reassignCase(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/extension/decide',
      tags,
      summary:
        '延期审批 — the dispatcher decides a pending extension; approved, the handling deadline moves by the requested working minutes on the department’s calendar',
      fields: decisionFields,
      apply: (call, input) => decideExtension(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/suspension/decide',
      tags,
      summary:
        '挂账审批 — the dispatcher decides a pending suspension; approved, handling → suspended and the clock stops until resumed',
      fields: decisionFields,
      apply: (call, input) => decideSuspension(engine, call, input),
    });

    caseCommandRoute(app, {
      path: '/cases/:id/supervise',
      tags,
      summary:
        '督办 — a supervisor escalates an overdue (red) case: it is marked supervised and urgent and its owner is notified',
      fields: { note: noteText.optional() },
      apply: (call, input) => superviseCase(engine, call, input.note),
    });
  };
}
