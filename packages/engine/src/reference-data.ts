/**
 * The reference data every command reads (category time limits, city time zones, calendars,
 * departments), cached in memory for a short while: it changes a few times a year, commands run
 * thousands of times a day. `invalidate()` drops the cache at once (after an admin edit).
 */
import {
  type DbOrTx,
  type DepartmentRow,
  listCategoryLimits,
  listCityCalendars,
  listCityTimeZones,
  listDepartments,
} from '@urbangrid/db';
import {
  type CalendarName,
  officeCalendar,
  patrolCalendar,
  type Stage,
  stages,
  type Urgency,
  urgencies,
  type WorkingCalendar,
  workingCalendarSchema,
} from '@urbangrid/domain';
import { z } from 'zod';

const stageLimitsSchema = z.partialRecord(z.enum(stages), z.number().positive());
const timeLimitsSchema = z.partialRecord(z.enum(urgencies), stageLimitsSchema);

export interface CategoryInfo {
  code: string;
  active: boolean;
  /** Working minutes per urgency and stage; a stage without a limit runs no clock. */
  limits: Partial<Record<Urgency, Partial<Record<Stage, number>>>>;
  defaultDepartmentCode: string | null;
  /** A local extension (9x class) belongs to one city. */
  city: string | null;
}

/** Looks a calendar up by city and code; undefined falls back to the database, then the demo defaults. */
export type CalendarOverride = (city: string, code: string) => WorkingCalendar | undefined;

export interface ReferenceData {
  category(code: string): Promise<CategoryInfo | null>;
  stageLimit(categoryCode: string, urgency: Urgency, stage: Stage): Promise<number | null>;
  cityTimeZone(city: string): Promise<string>;
  calendar(city: string, code: string): Promise<WorkingCalendar>;
  department(id: string): Promise<DepartmentRow | null>;
  /**
   * Loads whatever is not loaded yet. Commands call it before opening their transaction: inside
   * one, a cold cache would wait for a second pooled connection, and a pool full of transactions
   * waiting so never frees one.
   */
  prepare(): Promise<void>;
  invalidate(): void;
}

export interface ReferenceDataOptions {
  db: DbOrTx;
  calendars?: CalendarOverride;
  /** How long loaded rows are trusted; default one minute. */
  ttlMs?: number;
  /** Wall clock for expiry (not the engine's business clock, which tests move freely). */
  clock?: () => number;
}

interface Cached<T> {
  value: Promise<T>;
  loadedAt: number;
  /** The value has loaded: once expired it is still served while a refresh runs. */
  settled: boolean;
  refreshing: boolean;
}

export function createReferenceData(options: ReferenceDataOptions): ReferenceData {
  const { db } = options;
  const ttl = options.ttlMs ?? 60_000;
  const clock = options.clock ?? Date.now;
  const cache = new Map<string, Cached<unknown>>();

  /**
   * Stale-while-revalidate: only the first load of a key is waited for; an expired value is served
   * at once while one refresh runs in the background, so a command never waits on the database
   * for reference data it has seen before.
   */
  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = cache.get(key) as Cached<T> | undefined;
    if (hit !== undefined && (clock() - hit.loadedAt < ttl || !hit.settled)) return hit.value;
    if (hit !== undefined) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        load().then(
          (value) =>
            cache.set(key, {
              value: Promise.resolve(value),
              loadedAt: clock(),
              settled: true,
              refreshing: false,
            }),
          () => {
            // Keep serving the stale value; the next call tries again.
            hit.refreshing = false;
          },
        );
      }
      return hit.value;
    }
    const entry: Cached<T> = { value: load(), loadedAt: clock(), settled: false, refreshing: false };
    cache.set(key, entry);
    entry.value.then(
      () => {
        entry.settled = true;
      },
      // A failed first load must not stick: the next call tries again.
      () => cache.delete(key),
    );
    return entry.value;
  }

  const categories = () =>
    cached('categories', async () => {
      const rows = await listCategoryLimits(db);
      return new Map(
        rows.map((row): [string, CategoryInfo] => {
          const limits = timeLimitsSchema.safeParse(row.timeLimits);
          return [
            row.code,
            {
              code: row.code,
              active: row.active,
              limits: limits.success ? limits.data : {},
              defaultDepartmentCode: row.defaultDepartmentCode,
              city: row.city,
            },
          ];
        }),
      );
    });

  const timeZones = () =>
    cached(
      'timeZones',
      async () => new Map((await listCityTimeZones(db)).map((row) => [row.code, row.timeZone])),
    );

  const cityCalendars = (city: string) =>
    cached(`calendars:${city}`, async () => {
      const records = await listCityCalendars(db, city);
      const result = new Map<string, WorkingCalendar>();
      for (const record of records) {
        const makeUpPeriods = Array.isArray(record.makeUpPeriods) && record.makeUpPeriods.length > 0;
        result.set(
          record.code,
          workingCalendarSchema.parse({
            timeZone: record.timeZone,
            weekly: record.weekly,
            holidays: record.days.filter((day) => day.kind === 'holiday').map((day) => day.day),
            makeUpWorkdays: record.days.filter((day) => day.kind === 'workday').map((day) => day.day),
            // An empty list would make a make-up day a day off; absent means "a normal workday".
            makeUpPeriods: makeUpPeriods ? record.makeUpPeriods : undefined,
          }),
        );
      }
      return result;
    });

  const departments = () =>
    cached('departments', async () => new Map((await listDepartments(db)).map((row) => [row.id, row])));

  const demoDefaults: Record<CalendarName, WorkingCalendar> = {
    office: officeCalendar(),
    patrol: patrolCalendar(),
  };

  return {
    async category(code) {
      return (await categories()).get(code) ?? null;
    },
    async stageLimit(categoryCode, urgency, stage) {
      const category = (await categories()).get(categoryCode);
      return category?.limits[urgency]?.[stage] ?? category?.limits.normal?.[stage] ?? null;
    },
    async cityTimeZone(city) {
      return (await timeZones()).get(city) ?? 'Asia/Shanghai';
    },
    async calendar(city, code) {
      const override = options.calendars?.(city, code);
      if (override !== undefined) return override;
      const stored = (await cityCalendars(city)).get(code);
      if (stored !== undefined) return stored;
      if (code === 'office' || code === 'patrol') return demoDefaults[code];
      throw new Error(`city ${city} has no calendar '${code}'`);
    },
    async department(id) {
      return (await departments()).get(id) ?? null;
    },
    async prepare() {
      const zones = await timeZones();
      await Promise.all([
        categories(),
        departments(),
        ...[...zones.keys()].map((city) => cityCalendars(city)),
      ]);
    },
    invalidate() {
      cache.clear();
    },
  };
}
