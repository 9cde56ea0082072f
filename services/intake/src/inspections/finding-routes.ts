/**
 * The region inspector's phone (检查考评): `GET /api/intake/inspections/rounds` lists the rounds
 * with the days they take findings; `POST /api/intake/inspections/findings` records a finding with
 * photos (uploaded first, `POST /api/intake/media?city=`) and the phone's GPS, which becomes a case
 * in that city's loop.
 */
import { listInspectionRounds } from '@urbangrid/db';
import { categoryCodeString, localDay, roundUnderWay } from '@urbangrid/domain';
import {
  caseViewSchema,
  inspectionRoundView,
  type ServicePlugin,
  toCaseView,
  toInspectionRoundView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';
import type { IntakeContext } from '../intake-context.js';
import { locationSchema } from '../reports/report-routes.js';
import { recordFinding } from './finding-service.js';

const tags = ['intake', 'region'];
const inspectors = { roles: ['region_inspector'] } as const;

const findingView = z
  .object({
    id: z.string(),
    roundId: z.string(),
    city: z.string(),
    checklistItem: z.string().nullable(),
    inspector: z.string(),
    recordedAt: z.string(),
    case: caseViewSchema,
  })
  .meta({ id: 'InspectionFinding' });

export function findingRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.get(
      '/inspections/rounds',
      {
        config: { access: { roles: ['region_inspector', 'region_supervisor', 'admin'] } },
        schema: {
          tags,
          summary: 'Inspection rounds (检查考评), newest first, each saying whether it takes findings today',
          response: {
            200: z.object({ items: z.array(inspectionRoundView.extend({ underWay: z.boolean() })) }),
          },
        },
      },
      async () => {
        const rounds = await listInspectionRounds(ctx.db, { limit: 50 });
        const items = [];
        for (const round of rounds) {
          const timeZone = await ctx.reference.cityTimeZone(round.cities[0] ?? '');
          const today = localDay(ctx.engine.now(), timeZone);
          items.push({ ...toInspectionRoundView(round), underWay: roundUnderWay(round, today) });
        }
        return { items };
      },
    );

    app.post(
      '/inspections/findings',
      {
        config: { access: inspectors },
        schema: {
          tags,
          summary: 'Records an inspection finding (检查发现) with photos and GPS: a case in that city’s loop',
          description:
            'The case starts verified (the inspector saw it), source `inspection`, in the city whose grid holds the point — one of the round’s cities (400 otherwise), during the round’s days (409 otherwise). `id` is made by the phone: the same finding sent again answers 200 with the same case; another inspector’s use of it 409.',
          body: z.object({
            id: z.uuid(),
            roundId: z.uuid(),
            /** The checklist line it answers: `target:<indicator>` or `category:<code>`. */
            checklistItem: z
              .string()
              .regex(/^(target|category):[A-Za-z0-9_-]{1,40}$/)
              .optional(),
            categoryCode: categoryCodeString,
            description: z.string().trim().min(1).max(2000),
            location: locationSchema,
            address: z.string().trim().min(1).max(300).optional(),
            mediaIds: z.array(z.string().min(1).max(64)).min(1, 'a finding needs a photo').max(10),
            urgency: z.enum(['normal', 'urgent']).optional(),
          }),
          response: { 200: findingView, 201: findingView },
        },
      },
      async (request, reply) => {
        const user = userOf(request);
        const { finding, outcome } = await recordFinding(ctx, user, request.body);
        return reply.code(outcome.replayed ? 200 : 201).send({
          ...finding,
          recordedAt: finding.recordedAt.toISOString(),
          case: toCaseView(outcome.case, user, ctx.phoneKey),
        });
      },
    );
  };
}
