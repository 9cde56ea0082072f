/**
 * Calendar administration (工作日历管理): a city's own days (本市节假日 / 本市调休上班) set and removed
 * over the public ones, a year of public holidays loaded from chinese-days (the loader every process
 * uses), and a preview of deadlines with or without proposed days. Each change runs in one
 * transaction under the city's calendar lock, with its audit entry; the caller publishes it.
 */
import {
  type CalendarDayKind,
  type CalendarDayRow,
  type Db,
  deleteLocalCalendarDay,
  findLocalCalendarDay,
  listCityCalendarDays,
  listCityCalendars,
  lockCityCalendar,
  setLocalCalendarDay,
  type Tx,
  updateCalendarHours,
} from '@urbangrid/db';
import {
  addWorkingMinutes,
  type IsoWeekday,
  isBeyondKnownDays,
  periodsProblem,
  type WorkingCalendar,
  type WorkingPeriod,
} from '@urbangrid/domain';
import { loadPublicHolidays, publicHolidayYears } from '@urbangrid/reference';
import { NotFoundError, ValidationFailedError, validationFailed } from '../errors.js';
import { type AuditEntry, checkVersion } from './admin-changes.js';

/** Records an audit entry in the change's transaction (admin-changes.ts binds the caller). */
export type RecordChange = (tx: Tx, entry: AuditEntry) => Promise<void>;

export interface LocalDayEdit {
  city: string;
  /** YYYY-MM-DD, the city's local date. */
  date: string;
  kind: CalendarDayKind;
  name?: string;
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

const defaultNames: Record<CalendarDayKind, string> = { holiday: '本市节假日', workday: '本市调休上班' };

const dayState = (row: CalendarDayRow | null) =>
  row === null ? null : { kind: row.kind, name: row.name, version: row.version };

/** Sets a city's own day; the stored row with its new version. */
export async function setCityDay(db: Db, record: RecordChange, edit: LocalDayEdit): Promise<CalendarDayRow> {
  return db.transaction(async (tx) => {
    await lockCityCalendar(tx, edit.city);
    const before = await findLocalCalendarDay(tx, edit.city, edit.date);
    checkVersion(before?.version ?? null, edit.expectedVersion, `the day ${edit.date} of city ${edit.city}`);
    const after = await setLocalCalendarDay(tx, edit.city, {
      day: edit.date,
      kind: edit.kind,
      name: edit.name ?? defaultNames[edit.kind],
    });
    await record(tx, {
      city: edit.city,
      entity: 'calendar_day',
      entityKey: `${edit.city}:${edit.date}`,
      action: before === null ? 'create' : 'update',
      before: dayState(before),
      after: dayState(after),
    });
    return after;
  });
}

/** Removes a city's own day (the public row of the date applies again); 404 when it has none. */
export async function deleteCityDay(
  db: Db,
  record: RecordChange,
  target: { city: string; date: string; expectedVersion?: number },
): Promise<CalendarDayRow> {
  return db.transaction(async (tx) => {
    await lockCityCalendar(tx, target.city);
    const before = await findLocalCalendarDay(tx, target.city, target.date);
    // A day deleted meanwhile is a conflict for whoever saw a version of it, else just not there.
    checkVersion(
      before?.version ?? null,
      target.expectedVersion,
      `the day ${target.date} of city ${target.city}`,
    );
    if (before === null)
      throw new NotFoundError(`city ${target.city} has no day of its own on ${target.date}`);
    await deleteLocalCalendarDay(tx, target.city, target.date);
    await record(tx, {
      city: target.city,
      entity: 'calendar_day',
      entityKey: `${target.city}:${target.date}`,
      action: 'delete',
      before: dayState(before),
      after: null,
    });
    return before;
  });
}

const publicDaysOf = (rows: readonly CalendarDayRow[], year: number) =>
  rows
    .filter((row) => row.source === 'public' && row.day.startsWith(`${year}-`))
    .map(({ day, kind, name }) => ({ day, kind, name }));

/**
 * Loads one year of public holidays (法定节假日, 调休) from chinese-days into a city; the years written
 * (none when the stored year already matches the package).
 */
export async function loadCityYear(
  db: Db,
  record: RecordChange,
  target: { city: string; year: number },
): Promise<{ written: boolean; days: number }> {
  const { city, year } = target;
  if (!publicHolidayYears().has(year)) {
    throw new ValidationFailedError(`the public holidays of ${year} are not published (in chinese-days) yet`);
  }
  return db.transaction(async (tx) => {
    await lockCityCalendar(tx, city);
    const before = publicDaysOf(await listCityCalendarDays(tx, city), year);
    // Nested: the loader's own transaction becomes a savepoint of this one, beside the audit entry.
    const loaded = await loadPublicHolidays(tx, city, [year]);
    const after = publicDaysOf(await listCityCalendarDays(tx, city), year);
    const written = loaded.years.includes(year);
    if (written) {
      await record(tx, {
        city,
        entity: 'calendar_year',
        entityKey: `${city}:${year}`,
        action: 'load',
        before: { days: before },
        after: { days: after },
      });
    }
    return { written, days: after.length };
  });
}

/** A proposed day for the preview: a holiday, a working day, or `null` for "as the public rows say". */
export interface ProposedDay {
  date: string;
  kind: CalendarDayKind | null;
}

/** The calendar with proposed days over it (only a calendar that follows public holidays takes them). */
export function withProposedDays(calendar: WorkingCalendar, days: readonly ProposedDay[]): WorkingCalendar {
  if (calendar.knownUntil === undefined || days.length === 0) return calendar;
  const changed = new Set(days.map((day) => day.date));
  const keep = (list: readonly string[]) => list.filter((date) => !changed.has(date));
  return {
    ...calendar,
    holidays: [...keep(calendar.holidays), ...days.filter((d) => d.kind === 'holiday').map((d) => d.date)],
    makeUpWorkdays: [
      ...keep(calendar.makeUpWorkdays),
      ...days.filter((d) => d.kind === 'workday').map((d) => d.date),
    ],
  };
}

export interface DeadlinePreviewRow {
  workMinutes: number;
  due: string;
  beyondCalendar: boolean;
  /** With the proposed days, when some were given. */
  proposed?: { due: string; beyondCalendar: boolean };
}

/** What the admin is about to change: days of the city's own, and the calendar's working hours. */
export interface ProposedChange {
  days: readonly ProposedDay[];
  hours?: CalendarHours;
}

/**
 * When each of `workMinutes` from `start` ends on `calendar` as it is, and as it would be with the
 * `proposed` days and hours (bad hours answer 400 as their PUT would).
 */
export function previewDeadlines(
  calendar: WorkingCalendar,
  start: Date,
  workMinutes: readonly number[],
  proposed: ProposedChange,
): DeadlinePreviewRow[] {
  if (proposed.hours !== undefined) checkHours(proposed.hours, 'hours.');
  const withHours =
    proposed.hours === undefined
      ? calendar
      : { ...calendar, weekly: proposed.hours.weekly, makeUpPeriods: proposed.hours.makeUpPeriods };
  const changed =
    proposed.days.length > 0 || proposed.hours !== undefined
      ? withProposedDays(withHours, proposed.days)
      : null;
  const deadline = (on: WorkingCalendar, minutes: number) => {
    const due = addWorkingMinutes(on, start, minutes);
    return { due: due.toISOString(), beyondCalendar: isBeyondKnownDays(on, due) };
  };
  return workMinutes.map((minutes) => ({
    workMinutes: minutes,
    ...deadline(calendar, minutes),
    ...(changed === null ? {} : { proposed: deadline(changed, minutes) }),
  }));
}

/** A calendar's working hours: the periods of each ISO weekday and of a make-up working day. */
export interface CalendarHours {
  weekly: Partial<Record<IsoWeekday, WorkingPeriod[]>>;
  makeUpPeriods: WorkingPeriod[];
}

export interface CalendarHoursEdit extends CalendarHours {
  city: string;
  code: string;
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

/** 400 VALIDATION_FAILED naming each day whose periods are unusable, or a week without working time. */
function checkHours(hours: CalendarHours, at = ''): void {
  const problems = [
    ...Object.entries(hours.weekly).map(([day, periods]) => {
      const problem = periodsProblem(periods ?? []);
      return problem === null ? null : { in: 'body', path: `${at}weekly.${day}`, message: problem };
    }),
    (() => {
      const problem = periodsProblem(hours.makeUpPeriods);
      return problem === null ? null : { in: 'body', path: `${at}makeUpPeriods`, message: problem };
    })(),
  ].filter((problem) => problem !== null);
  if (!Object.values(hours.weekly).some((periods) => (periods?.length ?? 0) > 0))
    problems.push({
      in: 'body',
      path: `${at}weekly`,
      message: 'the calendar has no working time in any week',
    });
  if (problems.length > 0) throw validationFailed(problems.map((p) => p.message).join('; '), problems);
}

/**
 * Sets a calendar's working hours (工作时段, e.g. 08:30–12:00 and 13:30–17:30 Monday to Friday):
 * each day's periods in order, not overlapping, some working time in the week. Every deadline
 * counted from then on (the engine's and the preview's) uses them once published (`calendars`).
 */
export async function setCalendarHours(db: Db, record: RecordChange, edit: CalendarHoursEdit) {
  checkHours(edit);
  return db.transaction(async (tx) => {
    await lockCityCalendar(tx, edit.city);
    const before = (await listCityCalendars(tx, edit.city)).find((calendar) => calendar.code === edit.code);
    if (before === undefined) throw new NotFoundError(`city ${edit.city} has no calendar '${edit.code}'`);
    checkVersion(before.version, edit.expectedVersion, `calendar ${edit.code} of city ${edit.city}`);
    const after = await updateCalendarHours(tx, edit.city, edit.code, {
      weekly: edit.weekly,
      makeUpPeriods: edit.makeUpPeriods,
    });
    if (after === null) throw new NotFoundError(`city ${edit.city} has no calendar '${edit.code}'`);
    const state = (calendar: typeof before) => ({
      weekly: calendar.weekly,
      makeUpPeriods: calendar.makeUpPeriods,
      version: calendar.version,
    });
    await record(tx, {
      city: edit.city,
      entity: 'calendar_hours',
      entityKey: `${edit.city}:${edit.code}`,
      action: 'update',
      before: state(before),
      after: state(after),
    });
    return after;
  });
}
