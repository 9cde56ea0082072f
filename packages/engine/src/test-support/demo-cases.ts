/**
 * Demo staff as engine actors and a report with plausible defaults (Hohhot, Xincheng district, the
 * grid officer1 patrols), for tests that drive the engine directly.
 */
import { type Db, grids, users } from '@urbangrid/db';
import { type Role, type UserActor, userActor } from '@urbangrid/domain';
import { and, eq, ne } from 'drizzle-orm';
import { applyCommand } from '../apply-command.js';
import type { EngineContext } from '../engine-context.js';
import { type ReportRequest, type ReportResult, reportCase } from '../report-case.js';

export const demoGrid = { code: '150102001001001', lat: 40.85, lng: 111.7 };

export const staff = {
  operator: userActor('operator1', ['intake_operator']),
  shiftLead: userActor('shiftlead1', ['shift_lead']),
  dispatcher: userActor('dispatcher1', ['dispatcher']),
  supervisor: userActor('supervisor1', ['supervisor']),
  officer: (username: string) => userActor(username, ['grid_officer'] satisfies Role[]),
};

/** The demo handler of a department as an actor (`handler-<departmentCode>`). */
export async function handlerOf(db: Db, departmentId: string): Promise<UserActor> {
  const rows = await db.select().from(users).where(eq(users.departmentId, departmentId)).limit(1);
  const user = rows[0];
  if (user === undefined) throw new Error(`department ${departmentId} has no handler`);
  return userActor(user.username, ['department_handler'], [departmentId]);
}

/** A grid of the demo grid's city in another district (for tests of a district's scope), at its centre. */
export async function gridOutsideDemoDistrict(db: Db): Promise<{ code: string; lat: number; lng: number }> {
  const [grid] = await db
    .select()
    .from(grids)
    .where(and(eq(grids.city, '1501'), ne(grids.districtCode, '150102')))
    .limit(1);
  if (grid === undefined) throw new Error('demo data missing: no grid outside district 150102');
  return { code: grid.code, lat: (grid.minLat + grid.maxLat) / 2, lng: (grid.minLng + grid.maxLng) / 2 };
}

/** A hotline report of exposed garbage (E0101) in the demo grid, by operator1. */
export function reportTestCase(
  context: EngineContext,
  fields: Partial<ReportRequest> = {},
): Promise<ReportResult> {
  return reportCase(context, {
    actor: staff.operator,
    source: 'hotline',
    categoryCode: 'E0101',
    description: 'garbage piled at the bus stop',
    location: { lat: demoGrid.lat, lng: demoGrid.lng },
    gridCode: demoGrid.code,
    ...fields,
  });
}

/**
 * An officer's report (it starts verified), filed, dispatched to the suggested department and
 * accepted by its handler, all at the context's clock: the case's handling clock runs from now.
 */
export async function caseInHandling(context: EngineContext): Promise<{ id: string; handler: UserActor }> {
  const reported = await reportTestCase(context, { source: 'officer', actor: staff.officer('officer1') });
  const filed = await applyCommand(context, {
    caseId: reported.case.id,
    command: { type: 'file' },
    actor: staff.shiftLead,
  });
  const departmentId = filed.case.suggestedDepartmentId ?? '';
  await applyCommand(context, {
    caseId: reported.case.id,
    command: { type: 'dispatch', departmentId },
    actor: staff.dispatcher,
  });
  const handler = await handlerOf(context.db, departmentId);
  await applyCommand(context, { caseId: reported.case.id, command: { type: 'accept' }, actor: handler });
  return { id: reported.case.id, handler };
}
