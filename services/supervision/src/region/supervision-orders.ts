/**
 * The region's supervision orders (督办) to a city: on one of the city's open cases, or on a target
 * the city lags behind in a month or quarter (as published, else as counted now). Recorded as
 * issued, with what the region saw, and notified to the city's supervision centre as urgent. On a
 * case the order is the engine's own 督办 (superviseOrder, as a city's supervisor issues it): the case
 * is marked supervised and urgent, its log shows the order with the reason, the desk whose turn it
 * is gets the urgent notice — and the order's row is written in the same statement.
 */
import { randomUUID } from 'node:crypto';
import {
  type Db,
  findCaseById,
  findRankingPublication,
  insertSupervisionOrder,
  listCities,
  type SupervisionOrderRow,
  supervisionOrderInsertQuery,
} from '@urbangrid/db';
import {
  type CaseState,
  issuesSupervisionAt,
  isTerminal,
  type Period,
  supervisionDesks,
} from '@urbangrid/domain';
import { applyCommand, type EngineContext } from '@urbangrid/engine';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  toDomainActor,
  type UserActor,
} from '@urbangrid/platform';
import { notifyCity } from './city-notices.js';
import { isRegionStaff } from './indicator-reports.js';
import { countRanking, rankingCountSchema } from './ranking.js';

export type SupervisionOrderInput =
  | { city: string; caseId: string; reason: string }
  | { city: string; indicatorCode: string; period: Period; reason: string };

/** What the order is about, checked: the case (open, the city's) or the lagging target's cell. */
async function subjectOf(db: Db, input: SupervisionOrderInput) {
  if ('caseId' in input) {
    const found = await findCaseById(db, input.caseId);
    if (found === null || found.city !== input.city)
      throw new NotFoundError(`city ${input.city} has no case ${input.caseId}`);
    if (isTerminal(found.state as CaseState))
      throw new ConflictError(
        `case ${found.caseNo} has ended (${found.state}); only an open case is supervised`,
      );
    return {
      subject: 'case' as const,
      loaded: found,
      caseId: found.id,
      caseNo: found.caseNo,
      facts: { state: found.state, light: found.light, deadlineStage: found.deadlineStage },
    };
  }
  const published = await findRankingPublication(db, input.period.key);
  const ranking =
    published === null ? await countRanking(db, input.period) : rankingCountSchema.parse(published.bulletin);
  const cell = ranking.rows
    .find((row) => row.city === input.city)
    ?.cells.find((c) => c.code === input.indicatorCode);
  if (cell === undefined)
    throw new NotFoundError(
      `indicator ${input.indicatorCode} has no target for city ${input.city} in ${input.period.key}`,
    );
  if (cell.met || cell.attainment === null)
    throw new ConflictError(
      `city ${input.city} ${cell.met ? 'meets' : 'has no data for'} ${input.indicatorCode} in ${input.period.key}; only a lagging target is supervised`,
    );
  return {
    subject: 'target' as const,
    indicatorCode: cell.code,
    period: input.period.key,
    facts: {
      target: cell.target,
      value: cell.value,
      gap: cell.gap,
      unit: cell.unit,
      published: published !== null,
    },
  };
}

export async function issueSupervisionOrder(
  engine: EngineContext,
  actor: UserActor,
  input: SupervisionOrderInput,
  now: Date,
): Promise<SupervisionOrderRow> {
  const db = engine.db;
  if (!isRegionStaff(actor))
    throw new ForbiddenError("only the region's staff issue supervision orders to a city");
  // 督办 on a case is the region supervisor's at this desk (a region admin orders on targets only).
  if ('caseId' in input && !issuesSupervisionAt('region', actor.roles))
    throw new ForbiddenError(`督办 on a case is issued by ${supervisionDesks.region.join(', ')}`);
  if (!(await listCities(db)).some((city) => city.code === input.city))
    throw new NotFoundError(`city ${input.city} does not exist`);
  const subject = await subjectOf(db, input);
  const row = {
    id: `rso-${randomUUID()}`,
    city: input.city,
    reason: input.reason,
    issuedBy: actor.username,
    issuedAt: now,
  };
  const notice = (order: SupervisionOrderRow) => ({
    id: order.id,
    city: order.city,
    event: 'region.supervisionOrder' as const,
    caseId: order.caseId,
    caseNo: order.caseNo,
    data: {
      subject: order.subject,
      indicatorCode: order.indicatorCode,
      period: order.period,
      reason: order.reason,
    },
    at: now,
  });
  if (subject.subject === 'target')
    return db.transaction(async (tx) => {
      const order = await insertSupervisionOrder(tx, { ...row, ...subject });
      await notifyCity(tx, notice(order));
      return order;
    });
  // The engine decides (an open, overdue case; the region's supervisor) and writes the order with it.
  const { loaded, ...fields } = subject;
  const ordered = { ...row, ...fields };
  await applyCommand(
    engine,
    {
      caseId: loaded.id,
      loaded,
      command: { type: 'superviseOrder', note: input.reason },
      actor: toDomainActor(actor),
    },
    { alsoWrite: () => [supervisionOrderInsertQuery(ordered)] },
  );
  const order: SupervisionOrderRow = { ...ordered, indicatorCode: null, period: null };
  // The city's supervision centre hears of it too (the id makes a repeat write nothing).
  await notifyCity(db, notice(order));
  return order;
}
