/**
 * The duty rota (值班表) of a city as a file: exported for a period and imported from the same
 * sheet (用户名, 姓名, 开始时间, 结束时间; local wall-clock times of the city). An import replaces the
 * city's shifts that start in the period with the file's: every bad row is named by its number and
 * nothing is written when any is bad. The shifts are the rows the engine's task assignment reads
 * (officer-duty.ts), so the imported rota decides who gets a verification or check from then on.
 */
import { randomUUID } from 'node:crypto';
import {
  type DbOrTx,
  type DutyShiftRow,
  deleteDutyShiftsStartingIn,
  findOverlappingShift,
  insertDutyShift,
  listCityOfficers,
  listDutyShifts,
  lockOfficerRota,
} from '@urbangrid/db';
import { endOfLocalDay, formatLocalTime, parseLocalTime, startOfLocalDay } from '@urbangrid/domain';
import { ValidationFailedError } from '../errors.js';
import type { RecordChange } from './calendar-admin.js';
import { type RowError, rowsRefused, type SheetColumn, type SheetRow } from './spreadsheet.js';

export const rotaColumns = [
  { key: 'username', header: '用户名', required: true },
  { key: 'name', header: '姓名' },
  { key: 'startsAt', header: '开始时间', required: true },
  { key: 'endsAt', header: '结束时间', required: true },
] as const satisfies readonly SheetColumn<string>[];

export type RotaColumn = (typeof rotaColumns)[number]['key'];

/** The longest shift one row may hold (as the shift lead's own entries). */
const maxShiftMs = 24 * 3_600_000;
/** The longest period one import or export covers. */
export const maxRotaDays = 62;

export interface RotaPeriod {
  city: string;
  timeZone: string;
  /** First and last local day (YYYY-MM-DD), both included. */
  from: string;
  to: string;
}

function periodBounds(period: RotaPeriod) {
  const start = startOfLocalDay(period.from, period.timeZone);
  const end = endOfLocalDay(period.to, period.timeZone);
  if (end <= start) throw new ValidationFailedError('to: must not be before from');
  if (end.getTime() - start.getTime() > maxRotaDays * 86_400_000)
    throw new ValidationFailedError(`a rota covers at most ${maxRotaDays} days`);
  return { start, end };
}

/** The rows of the rota sheet for the shifts that start in the period. */
export async function rotaRows(db: DbOrTx, period: RotaPeriod): Promise<Record<RotaColumn, string>[]> {
  const { start, end } = periodBounds(period);
  const shifts = await listDutyShifts(db, { city: period.city, from: start, to: end });
  return shifts
    .filter((shift) => shift.startsAt >= start)
    .map((shift) => ({
      username: shift.username,
      name: shift.displayName,
      startsAt: formatLocalTime(shift.startsAt, period.timeZone),
      endsAt: formatLocalTime(shift.endsAt, period.timeZone),
    }));
}

interface PlannedShift {
  row: number;
  officerId: string;
  username: string;
  startsAt: Date;
  endsAt: Date;
}

async function planRows(
  db: DbOrTx,
  period: RotaPeriod,
  bounds: { start: Date; end: Date },
  rows: readonly SheetRow<RotaColumn>[],
) {
  const officers = new Map((await listCityOfficers(db, period.city)).map((o) => [o.username, o]));
  const errors: RowError[] = [];
  const planned: PlannedShift[] = [];
  for (const { row, values } of rows) {
    const bad = (column: string, message: string) => errors.push({ row, column, message });
    const officer = officers.get(values.username);
    if (officer === undefined)
      bad('用户名', `'${values.username}' is not an active grid officer of city ${period.city}`);
    const startsAt = parseLocalTime(values.startsAt, period.timeZone);
    const endsAt = parseLocalTime(values.endsAt, period.timeZone);
    if (startsAt === null) bad('开始时间', `'${values.startsAt}' is not a time such as 2026-03-02 08:00`);
    if (endsAt === null) bad('结束时间', `'${values.endsAt}' is not a time such as 2026-03-02 17:30`);
    if (startsAt === null || endsAt === null || officer === undefined) continue;
    if (endsAt <= startsAt) bad('结束时间', 'the shift must end after it starts');
    else if (endsAt.getTime() - startsAt.getTime() > maxShiftMs)
      bad('结束时间', 'a shift lasts at most 24 hours');
    else if (startsAt < bounds.start || startsAt >= bounds.end)
      bad('开始时间', `the shift does not start between ${period.from} and ${period.to}`);
    else planned.push({ row, officerId: officer.id, username: officer.username, startsAt, endsAt });
  }
  // One officer's shifts never overlap, in the file either.
  const byOfficer = [...planned].sort(
    (a, b) => a.username.localeCompare(b.username) || a.startsAt.getTime() - b.startsAt.getTime(),
  );
  byOfficer.forEach((shift, i) => {
    const previous = byOfficer[i - 1];
    if (previous?.officerId === shift.officerId && previous.endsAt > shift.startsAt)
      errors.push({ row: shift.row, column: '开始时间', message: `overlaps row ${previous.row}` });
  });
  return { errors, planned };
}

export interface RotaImportResult {
  /** Shifts of the period removed (the file replaces them). */
  removed: number;
  added: number;
}

const shiftState = (shift: Pick<DutyShiftRow, 'officerId' | 'startsAt' | 'endsAt'>) => ({
  officerId: shift.officerId,
  startsAt: shift.startsAt.toISOString(),
  endsAt: shift.endsAt.toISOString(),
});

/**
 * Makes the file's rows the city's shifts starting in the period. Any bad row refuses the whole
 * file (400 with every bad row by number); a row overlapping a shift outside the period is bad too.
 */
export async function importRota(
  db: DbOrTx,
  record: RecordChange,
  period: RotaPeriod,
  rows: readonly SheetRow<RotaColumn>[],
): Promise<RotaImportResult> {
  const bounds = periodBounds(period);
  const { errors, planned } = await planRows(db, period, bounds, rows);
  if (errors.length > 0) throw rowsRefused('the duty rota', errors);
  return db.transaction(async (tx) => {
    const current = await listDutyShifts(tx, { city: period.city, from: bounds.start, to: bounds.end });
    // The officers whose rota changes, locked in one order: a shift lead's entry waits for this.
    const officerIds = [...new Set([...current, ...planned].map((shift) => shift.officerId))].sort();
    for (const id of officerIds) await lockOfficerRota(tx, id);
    const removed = await deleteDutyShiftsStartingIn(tx, period.city, bounds.start, bounds.end);
    const clashes: RowError[] = [];
    for (const shift of planned) {
      const clash = await findOverlappingShift(tx, shift.officerId, shift.startsAt, shift.endsAt);
      if (clash !== null)
        clashes.push({
          row: shift.row,
          column: '开始时间',
          message: `overlaps ${shift.username}'s shift ${formatLocalTime(clash.startsAt, period.timeZone)} – ${formatLocalTime(clash.endsAt, period.timeZone)} outside the period`,
        });
    }
    if (clashes.length > 0) throw rowsRefused('the duty rota', clashes);
    for (const shift of planned) {
      await insertDutyShift(tx, {
        id: `shift-${randomUUID()}`,
        city: period.city,
        officerId: shift.officerId,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
      });
    }
    await record(tx, {
      city: period.city,
      entity: 'duty_rota',
      entityKey: `${period.city}:${period.from}..${period.to}`,
      action: 'import',
      before: { shifts: removed.map(shiftState) },
      after: { shifts: planned.map(shiftState) },
    });
    return { removed: removed.length, added: planned.length };
  });
}
