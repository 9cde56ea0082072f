/**
 * The reference data (基础数据) every process reads: cities, the catalogue with its time limits,
 * departments, the responsibility matrix, working calendars and the grid layer. One instance per
 * process, shared by the engine and the HTTP layer, so `POST /api/calendar/deadline` and the
 * deadline the engine arms come from the same calendar. It changes a few times a year and is read
 * thousands of times a day: each table is cached (reference-cache.ts) and refreshed when an admin
 * change is announced (reference-changes.ts), with a TTL as the net under a lost announcement.
 *
 * Nothing here falls back: an unknown city, a city without the asked calendar or a calendar
 * without a time zone is a `MissingReferenceError`.
 */
import {
  type DbOrTx,
  type DepartmentRow,
  type GridRecord,
  listCategoryLimits,
  listCities,
  listCityCalendarDays,
  listCityCalendars,
  listCityCalendarYears,
  listCityResponsibilities,
  listDepartments,
  listRetiredAreas,
  listValidGrids,
} from '@urbangrid/db';
import {
  calendarOfStage,
  type ReportSource,
  reportSources,
  type Stage,
  stages,
  type Urgency,
  urgencies,
  type WorkingCalendar,
} from '@urbangrid/domain';
import { createGridLayer, type GridLayer } from '@urbangrid/geo';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { buildCityCalendars, type CityCalendars } from './city-calendars.js';
import { referenceTable } from './reference-cache.js';
import { MissingReferenceError } from './reference-errors.js';

export interface CityInfo {
  code: string;
  name: string;
  /** IANA zone of the city's local days and working hours. */
  timeZone: string;
  /** The report sources whose cases the city's public feeds show at all. */
  publishedSources: readonly ReportSource[];
  /** The first local day the city is no longer served, if it is retired. */
  retiredOn: string | null;
}

export interface CategoryInfo {
  code: string;
  active: boolean;
  /** Working minutes per urgency and stage; a stage without a limit runs no clock. */
  limits: Partial<Record<Urgency, Partial<Record<Stage, number>>>>;
  /** The calendar each stage counts on, where the category names one (else the stage's default). */
  stageCalendars: Partial<Record<Stage, string>>;
  defaultDepartmentCode: string | null;
  /** A local extension (9x class) belongs to one city. */
  city: string | null;
  /** The first day (local date) its catalogue version is in force; null for a draft. */
  effectiveFrom: string | null;
}

/**
 * The calendar a stage of a category counts on, unless a department's own takes handling: the one
 * the category names, else the stage's default (patrol for field work, office for desk work).
 */
export function stageCalendarCode(category: CategoryInfo | null, stage: Stage): string {
  return category?.stageCalendars[stage] ?? calendarOfStage[stage];
}

/**
 * Whether a new report or a filing in `city` on its local `day` may name the category: not
 * withdrawn, its catalogue version in force, and national or the city's own. Cases filed under a
 * category keep it whatever happens to it later.
 */
export function isCategoryOpen(category: CategoryInfo | null, city: string, day: string): boolean {
  if (category === null || !category.active || category.effectiveFrom === null) return false;
  return category.effectiveFrom <= day && (category.city === null || category.city === city);
}

/** The responsibility matrix (权责清单) of a city. */
export interface ResponsibilityMatrix {
  /** The department named for a category in exactly this area, if any. */
  departmentFor(categoryCode: string, areaCode: string): string | undefined;
}

/** The parts an admin change touches; a refresh reloads those. */
export const referenceParts = ['cities', 'catalogue', 'departments', 'matrix', 'calendars', 'grids'] as const;
export type ReferencePart = (typeof referenceParts)[number];

export interface ReferenceData {
  /** The city, or MissingReferenceError. */
  city(code: string): Promise<CityInfo>;
  cities(): Promise<readonly CityInfo[]>;
  /** The first local day an area (district, street, community) no longer exists; null while it does. */
  areaRetiredOn(code: string): Promise<string | null>;
  /** The city's zone, or MissingReferenceError (never Asia/Shanghai by default). */
  cityTimeZone(code: string): Promise<string>;
  category(code: string): Promise<CategoryInfo | null>;
  stageLimit(categoryCode: string, urgency: Urgency, stage: Stage): Promise<number | null>;
  department(id: string): Promise<DepartmentRow | null>;
  departmentByCode(city: string, code: string): Promise<DepartmentRow | null>;
  matrix(city: string): Promise<ResponsibilityMatrix>;
  /** A calendar of a city (`office`, `patrol`, a department's own), or MissingReferenceError. */
  calendar(city: string, code: string): Promise<WorkingCalendar>;
  /** All calendars of a city and how far their holidays are known. */
  cityCalendars(city: string): Promise<CityCalendars>;
  /** The grid layer (point → unit grid) of every city. */
  grids(): Promise<GridLayer<GridRecord>>;
  /**
   * Loads what commands read and is not loaded yet. Commands call it before opening their
   * transaction: inside one, a cold cache would wait for a second pooled connection, and a pool
   * full of transactions waiting so never frees one.
   */
  prepare(): Promise<void>;
  /** Loads the given parts (default all) again now; errors of parts that kept their old value. */
  refresh(parts?: readonly ReferencePart[]): Promise<unknown[]>;
}

export interface ReferenceDataOptions {
  db: DbOrTx;
  /** How long loaded tables are trusted without an announcement; default one minute. */
  ttlMs?: number;
  /** The same for the grid layer (large, rebuilt only when needed); default 15 minutes. */
  gridsTtlMs?: number;
}

const stageLimitsSchema = z.partialRecord(z.enum(stages), z.number().positive());
const timeLimitsSchema = z.partialRecord(z.enum(urgencies), stageLimitsSchema);
const stageCalendarsSchema = z.partialRecord(z.enum(stages), z.string().min(1));

const all = 'all';

export function createReferenceData(options: ReferenceDataOptions): ReferenceData {
  const { db } = options;
  const ttl = { ttlMs: options.ttlMs ?? 60_000 };

  // Loaded with the cities (an area's retirement is announced as a change of `cities`).
  let areaRetirements: ReadonlyMap<string, string> = new Map();
  const cities = referenceTable(
    'cities',
    async () => {
      const [rows, retiredAreas] = await Promise.all([listCities(db), listRetiredAreas(db)]);
      areaRetirements = new Map(retiredAreas.map((area) => [area.code, area.retiredOn]));
      return new Map(
        rows.map((row): [string, CityInfo] => {
          if (!IANAZone.isValidZone(row.timeZone)) {
            throw new MissingReferenceError(`city ${row.code} has no valid time zone ('${row.timeZone}')`);
          }
          const publishedSources = row.publishedSources.filter((s): s is ReportSource =>
            (reportSources as readonly string[]).includes(s),
          );
          return [
            row.code,
            {
              code: row.code,
              name: row.name,
              timeZone: row.timeZone,
              publishedSources,
              retiredOn: row.retiredOn,
            },
          ];
        }),
      );
    },
    ttl,
  );

  const catalogue = referenceTable(
    'catalogue',
    async () => {
      const rows = await listCategoryLimits(db);
      return new Map(
        rows.map((row): [string, CategoryInfo] => [
          row.code,
          {
            code: row.code,
            active: row.active,
            // A category whose limits do not parse runs no clock rather than stopping commands.
            limits: timeLimitsSchema.safeParse(row.timeLimits).data ?? {},
            stageCalendars: stageCalendarsSchema.safeParse(row.stageCalendars).data ?? {},
            defaultDepartmentCode: row.defaultDepartmentCode,
            city: row.city,
            effectiveFrom: row.effectiveFrom,
          },
        ]),
      );
    },
    ttl,
  );

  const departments = referenceTable(
    'departments',
    async () => {
      const rows = await listDepartments(db);
      return {
        byId: new Map(rows.map((row) => [row.id, row])),
        byCode: new Map(rows.map((row) => [`${row.city}:${row.code}`, row])),
      };
    },
    ttl,
  );

  const matrices = referenceTable(
    'matrix',
    async (city) => {
      const rows = await listCityResponsibilities(db, city);
      const cells = new Map(rows.map((row) => [`${row.categoryCode}:${row.areaCode}`, row.departmentId]));
      return {
        departmentFor: (categoryCode: string, areaCode: string) => cells.get(`${categoryCode}:${areaCode}`),
      } satisfies ResponsibilityMatrix;
    },
    ttl,
  );

  const calendars = referenceTable(
    'calendars',
    async (city) => {
      const [records, days, years] = await Promise.all([
        listCityCalendars(db, city),
        listCityCalendarDays(db, city),
        listCityCalendarYears(db, city),
      ]);
      return buildCityCalendars(city, records, days, years);
    },
    ttl,
  );

  const gridLayer = referenceTable(
    'grids',
    async (_key, previous: GridLayer<GridRecord> | undefined) => {
      const rows = await listValidGrids(db);
      if (previous === undefined) return createGridLayer(rows);
      // Swap the new grids into the layer every holder already has (an invalid set keeps the old).
      previous.reload(rows);
      return previous;
    },
    { ttlMs: options.gridsTtlMs ?? 15 * 60_000 },
  );

  const tables = { cities, catalogue, departments, matrix: matrices, calendars, grids: gridLayer };

  const city = async (code: string): Promise<CityInfo> => {
    const found = (await cities.get(all)).get(code);
    if (found === undefined) throw new MissingReferenceError(`city ${code} does not exist`);
    return found;
  };

  const cityCalendars = async (code: string): Promise<CityCalendars> => {
    await city(code);
    return calendars.get(code);
  };

  return {
    city,
    async cities() {
      return [...(await cities.get(all)).values()];
    },
    async areaRetiredOn(code) {
      await cities.get(all);
      return areaRetirements.get(code) ?? null;
    },
    async cityTimeZone(code) {
      return (await city(code)).timeZone;
    },
    async category(code) {
      return (await catalogue.get(all)).get(code) ?? null;
    },
    async stageLimit(categoryCode, urgency, stage) {
      const category = (await catalogue.get(all)).get(categoryCode);
      return category?.limits[urgency]?.[stage] ?? category?.limits.normal?.[stage] ?? null;
    },
    async department(id) {
      return (await departments.get(all)).byId.get(id) ?? null;
    },
    async departmentByCode(cityCode, code) {
      return (await departments.get(all)).byCode.get(`${cityCode}:${code}`) ?? null;
    },
    async matrix(code) {
      await city(code);
      return matrices.get(code);
    },
    async calendar(cityCode, code) {
      const found = (await cityCalendars(cityCode)).calendars.get(code);
      if (found === undefined) throw new MissingReferenceError(`city ${cityCode} has no calendar '${code}'`);
      return found;
    },
    cityCalendars,
    grids: () => gridLayer.get(all),
    async prepare() {
      const known = await cities.get(all);
      await Promise.all([
        catalogue.get(all),
        departments.get(all),
        ...[...known.keys()].flatMap((code) => [calendars.get(code), matrices.get(code)]),
      ]);
    },
    async refresh(parts = referenceParts) {
      const errors = await Promise.all(parts.map((part) => tables[part].refresh()));
      return errors.flat();
    },
  };
}
