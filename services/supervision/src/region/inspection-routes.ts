/**
 * The region's view of its inspection rounds (检查考评): `GET /api/region/inspections` lists the
 * rounds; `GET /api/region/inspections/:id` shows what the round found in each city and whether
 * the city fixed it in its own loop, on time (closed with no stage overdue).
 */
import {
  findInspectionRound,
  inspectionResultsByCity,
  listCities,
  listInspectionRounds,
  listRoundFindings,
} from '@urbangrid/db';
import {
  httpError,
  inspectionRoundView,
  type ServicePlugin,
  toInspectionRoundView,
  userOf,
} from '@urbangrid/platform';
import { z } from 'zod';

const tags = ['region'];
const readers = { roles: ['region_supervisor', 'region_inspector', 'admin'] } as const;

const cityResult = z.object({
  city: z.string(),
  name: z.string(),
  findings: z.number().int(),
  fixed: z.number().int(),
  fixedOnTime: z.number().int(),
  /** fixedOnTime / findings; null without findings. */
  fixedOnTimeRate: z.number().nullable(),
});

const findingOutcome = z.object({
  id: z.string(),
  city: z.string(),
  checklistItem: z.string().nullable(),
  inspector: z.string(),
  recordedAt: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  categoryCode: z.string(),
  districtCode: z.string(),
  state: z.string(),
  light: z.string(),
  deadlineDue: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Closed in the city's loop (checked fixed). */
  fixed: z.boolean(),
  /** Closed with no stage overdue (closure type on_time). */
  fixedOnTime: z.boolean(),
});

export const inspectionRoutes: ServicePlugin = async (app) => {
  app.get(
    '/inspections',
    {
      config: { access: readers },
      schema: {
        tags,
        summary: 'Inspection rounds (检查考评轮次), newest first',
        response: { 200: z.object({ items: z.array(inspectionRoundView) }) },
      },
    },
    async () => ({
      items: (await listInspectionRounds(app.reportsDb, { limit: 100 })).map(toInspectionRoundView),
    }),
  );

  app.get(
    '/inspections/:id',
    {
      config: { access: readers },
      schema: {
        tags,
        summary:
          "A round's results: per city the findings, how many fixed and fixed on time; every finding's case",
        description:
          'A city admin sees their own city only. `fixed` is a finding whose case was closed in the city’s loop; `fixedOnTime` one closed with no stage overdue.',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            round: inspectionRoundView,
            cities: z.array(cityResult),
            findings: z.array(findingOutcome),
          }),
        },
      },
    },
    async (request) => {
      const user = userOf(request);
      const round = await findInspectionRound(app.reportsDb, request.params.id);
      if (round === null) throw httpError('NOT_FOUND', `inspection round ${request.params.id} not found`);
      const visible = (city: string) => user.city === null || user.city === city;
      const names = new Map((await listCities(app.reportsDb)).map((city) => [city.code, city.name]));
      const results = new Map(
        (await inspectionResultsByCity(app.reportsDb, { roundId: round.id })).map((row) => [row.city, row]),
      );
      const findings = await listRoundFindings(app.reportsDb, round.id);
      return {
        round: toInspectionRoundView(round),
        cities: round.cities.filter(visible).map((city) => ({
          ...(results.get(city) ?? { city, findings: 0, fixed: 0, fixedOnTime: 0, fixedOnTimeRate: null }),
          name: names.get(city) ?? city,
        })),
        findings: findings
          .filter((finding) => visible(finding.city))
          .map((finding) => ({
            id: finding.id,
            city: finding.city,
            checklistItem: finding.checklistItem,
            inspector: finding.inspector,
            recordedAt: finding.recordedAt.toISOString(),
            caseId: finding.caseId,
            caseNo: finding.caseNo,
            categoryCode: finding.categoryCode,
            districtCode: finding.districtCode,
            state: finding.state,
            light: finding.light,
            deadlineDue: finding.deadlineDue?.toISOString() ?? null,
            closedAt: finding.closedAt?.toISOString() ?? null,
            fixed: finding.state === 'closed',
            fixedOnTime: finding.state === 'closed' && finding.closureType === 'on_time',
          })),
      };
    },
  );
};
