/**
 * The dispatch desk's command routes (api.md "Commands"), mounted under /api/dispatch: verification
 * (核实), filing (立案), rejection (不予立案), dispatch (派遣), cancellation (作废), reassigning an
 * officer's task (改派), the decisions on extension (延期) and suspension (挂账) requests and
 * supervision orders (督办). Each is one declaration from its command's name: the lifecycle table
 * in packages/domain decides its body, who may issue it and from which state; the engine carries it out.
 */
import { supervisionDesks, urgencySchema } from '@urbangrid/domain';
import { applyCommand, commandApplier, evidenceData, reassignTask } from '@urbangrid/engine';
import {
  caseCommandRoute,
  caseCommandRoutes,
  evidenceFields,
  noteText,
  type ServicePlugin,
  staffOnly,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { DispatchServiceDeps } from './deps.js';

const tags = ['dispatch'];

export function dispatchRoutes(deps: DispatchServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/status',
      {
        config: { access: staffOnly },
        schema: {
          tags,
          summary: 'Whether the dispatch service is mounted in this process',
          response: { 200: z.object({ service: z.literal('dispatch'), status: z.literal('ok') }) },
        },
      },
      async () => ({ service: 'dispatch' as const, status: 'ok' as const }),
    );

    const route = caseCommandRoutes(app, { tags, apply: commandApplier(engine) });
    route('verify', {
      summary:
        '核实 — the assigned officer verifies on site: verifying → verified, or → rejected when not found',
      fields: evidenceFields,
    });
    route('file', {
      summary:
        '立案 — the shift lead files the case (verified → filed), optionally correcting category and urgency',
      fields: {
        categoryCode: z.string().trim().min(1).max(20).optional(),
        urgency: urgencySchema.optional(),
      },
      apply: (call, amend) => applyCommand(engine, { ...call, command: { type: 'file' }, amend }),
    });
    route('reject', {
      summary: '不予立案 — the shift lead rejects a report (reported, verifying, verified → rejected)',
    });
    route('dispatch', {
      summary: '派遣 — the dispatcher sends a filed case to a department of its city (filed → dispatched)',
    });
    route('handOverTo110', {
      path: '/cases/:id/hand-over-110',
      summary:
        '移交110 — the shift lead hands a public-security matter over to the police (reported, verifying, verified, filed → closed, closure type handed_to_110); 110 hears it by webhook (case.handedTo110)',
    });
    route('cancel', {
      summary: '作废 — the shift lead cancels an open case, with a reason (any open state → cancelled)',
    });
    // The route names the officer `officer` (api.md), the command `assignee`: a body of its own.
    caseCommandRoute(app, 'reassign', {
      tags,
      summary:
        '改派 — the shift lead sends an officer of the city to the verification (reported, verifying → verifying) or the check (handled, reviewing → reviewing); the earlier officer’s task is cancelled',
      fields: { officer: z.string().trim().min(1).max(100), note: noteText.optional() },
      apply: (call, { officer, ...evidence }) =>
        reassignTask(engine, { ...call, officer, data: evidenceData(evidence) }),
    });
    route('decideExtension', {
      path: '/cases/:id/extension/decide',
      summary:
        '延期审批 — the dispatcher decides a pending extension; approved, the handling deadline moves by the requested working minutes on the department’s calendar',
      fields: { note: noteText.optional() },
    });
    route('decideSuspension', {
      path: '/cases/:id/suspension/decide',
      summary:
        '挂账审批 — the dispatcher decides a pending suspension; approved, handling → suspended and the clock stops until resumed',
      fields: { note: noteText.optional() },
    });
    // The city's desk only: the region's supervisor orders at the region's desk, which records the order.
    route('superviseOrder', {
      path: '/cases/:id/supervise',
      access: { roles: supervisionDesks.city },
      summary:
        '督办 — a city supervisor escalates an overdue (red) case: it is marked supervised and urgent and its owner is notified (the region supervisor orders through POST /api/region/supervision-orders)',
    });
  };
}
