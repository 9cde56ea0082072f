/**
 * The event-chain audit (防篡改核验): supervisors and admins run the engine's verifier over one case,
 * a period (cases created in it) or everything in their jurisdiction, and see what it found.
 */
import { type Db, findCaseInScope } from '@urbangrid/db';
import { cityCodeString, endOfLocalDay, startOfLocalDay } from '@urbangrid/domain';
import { type ChainReport, verifyCaseChain, verifyChains } from '@urbangrid/engine';
import { caseScopeOf, NotFoundError, type UserActor } from '@urbangrid/platform';
import type { ReferenceData } from '@urbangrid/reference';
import { z } from 'zod';
import { reportScopeOf } from '../reports/report-scope.js';

export const auditRequestSchema = z
  .object({
    caseId: z.string().trim().min(1).max(100).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    city: cityCodeString.optional(),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
    message: '`from` must not be after `to`',
    path: ['from'],
  });

export type AuditRequest = z.infer<typeof auditRequestSchema>;

export const chainReportSchema = z.object({
  scope: z.object({
    city: z.string().nullable(),
    /** A district supervisor's audit covers their district's cases only. */
    districtCode: z.string().nullable(),
    caseId: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  }),
  casesChecked: z.number().int(),
  eventsChecked: z.number().int(),
  ok: z.boolean(),
  problems: z.array(
    z.object({ caseId: z.string(), seq: z.number().int().nullable(), kind: z.string(), detail: z.string() }),
  ),
});

export async function runChainAudit(
  db: Db,
  reference: ReferenceData,
  user: UserActor,
  request: AuditRequest,
) {
  if (request.caseId !== undefined) {
    const row = await findCaseInScope(db, request.caseId, caseScopeOf(user));
    if (row === null) throw new NotFoundError(`case ${request.caseId} not found`);
    const report = await verifyCaseChain(db, row.id);
    return withScope(report, { city: row.city, districtCode: null, caseId: row.id, from: null, to: null });
  }
  // A region supervisor may audit everything; a district supervisor their district; everyone else
  // their city.
  const regionWide = user.roles.includes('region_supervisor') && request.city === undefined;
  const { city, districtCode } = regionWide
    ? { city: null, districtCode: null }
    : reportScopeOf(user, request.city);
  const scope = { city, districtCode, caseId: null, from: request.from ?? null, to: request.to ?? null };
  const dated = request.from !== undefined || request.to !== undefined;
  if (city === null && !dated) return withScope(await verifyChains(db), scope);
  // A period is of local days, and each city's days are in its own zone.
  const cities = city === null ? await reference.cities() : [await reference.city(city)];
  const reports = [];
  for (const { code, timeZone } of cities) {
    reports.push(
      await verifyChains(db, {
        city: code,
        districtCode: districtCode ?? undefined,
        from: request.from === undefined ? undefined : startOfLocalDay(request.from, timeZone),
        to: request.to === undefined ? undefined : endOfLocalDay(request.to, timeZone),
      }),
    );
  }
  return withScope(mergeReports(reports), scope);
}

function mergeReports(reports: readonly ChainReport[]): ChainReport {
  const problems = reports.flatMap((report) => report.problems);
  return {
    casesChecked: reports.reduce((sum, report) => sum + report.casesChecked, 0),
    eventsChecked: reports.reduce((sum, report) => sum + report.eventsChecked, 0),
    ok: problems.length === 0,
    problems,
  };
}

function withScope(report: ChainReport, scope: z.infer<typeof chainReportSchema>['scope']) {
  return { scope, ...report };
}
