/**
 * The case indicators the system measures for a city and period (案件指标), filled in from the
 * live rollups (on-time closing, rework) and the callbacks (public satisfaction, 回访): null where
 * the period had nothing to measure (no case closed, no caller reached).
 */
import { countCallbackSatisfaction, type DbOrTx, sumRollups } from '@urbangrid/db';
import type { Period, SystemMeasure } from '@urbangrid/domain';

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;

export async function systemMeasureValues(
  db: DbOrTx,
  city: { code: string; timeZone: string },
  period: Period,
): Promise<Record<SystemMeasure, number | null>> {
  const days = { fromDay: period.from, toDay: period.to };
  // The district dimension holds every case of the city once.
  const rows = await sumRollups(db, { city: city.code, dimension: 'district', ...days });
  const total = { closed: 0, closedOnTime: 0, reworks: 0 };
  for (const row of rows) {
    total.closed += row.closed;
    total.closedOnTime += row.closedOnTime;
    total.reworks += row.reworks;
  }
  const callbacks = await countCallbackSatisfaction(db, {
    city: city.code,
    timeZone: city.timeZone,
    ...days,
  });
  return {
    ON_TIME_CLOSING_RATE: percent(total.closedOnTime, total.closed),
    REWORK_RATE: percent(total.reworks, total.closed),
    PUBLIC_SATISFACTION: percent(callbacks.satisfied, callbacks.answered),
  };
}
