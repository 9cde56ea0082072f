/**
 * Cities and areas (城市与行政区划管理): a city is added with its GB/T 2260 code, names, time zone,
 * working calendars (its public holidays loaded at once) and evaluation settings; its districts
 * (区县), streets (街道) and communities (社区) are added under it, each code extending its
 * parent's (6, 9 and 12 digits). Names change (version checked); cities and areas are retired
 * from a date, never deleted, since cases, grids and reports keep naming them. Each change runs in
 * one transaction with its audit entry; the caller publishes it. The demo seed adds its cities and
 * areas here too.
 */
import {
  type AreaLevel,
  type AreaRecord,
  type CityRecord,
  countLiveGridsIn,
  type DbOrTx,
  findAreaRecord,
  findCityRecord,
  insertArea,
  insertCalendars,
  insertCity,
  listLiveChildAreas,
  updateArea,
  updateCity,
} from '@urbangrid/db';
import type { CityBaseMap, EvaluationConfig, WorkingPeriod } from '@urbangrid/domain';
import { loadPublicHolidays } from '@urbangrid/reference';
import { ConflictError, validationFailed } from '../errors.js';
import { changeStoredRecord, refuseRetired } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';
import { addEvaluationSettings } from './evaluation-admin.js';

export interface CalendarSpec {
  code: string;
  name: string;
  /** Periods per ISO weekday ("1" Monday … "7" Sunday). */
  weekly: Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', WorkingPeriod[]>>;
  makeUpPeriods?: WorkingPeriod[];
  followsPublicHolidays: boolean;
}

const officeDay: WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '14:00', end: '18:00' },
];
const patrolDay: WorkingPeriod[] = [{ start: '07:30', end: '22:30' }];
const week = (days: readonly number[], periods: WorkingPeriod[]) =>
  Object.fromEntries(days.map((day) => [String(day), periods])) as CalendarSpec['weekly'];

/**
 * The calendars a city gets unless it names its own: `office` (Mon–Fri 08:00–12:00, 14:00–18:00,
 * following public holidays) and `patrol` (every day 07:30–22:30: field work runs on holidays).
 */
export function standardCalendars(cityName: string): CalendarSpec[] {
  return [
    {
      code: 'office',
      name: `${cityName}办公日历`,
      weekly: week([1, 2, 3, 4, 5], officeDay),
      makeUpPeriods: officeDay,
      followsPublicHolidays: true,
    },
    {
      code: 'patrol',
      name: `${cityName}巡查日历`,
      weekly: week([1, 2, 3, 4, 5, 6, 7], patrolDay),
      makeUpPeriods: patrolDay,
      followsPublicHolidays: false,
    },
  ];
}

export interface NewCity {
  /** 4 digits (GB/T 2260 prefecture level); its first two are the province. */
  code: string;
  name: string;
  nameEn: string;
  /** IANA zone (checked by the caller's schema). */
  timeZone: string;
  /** Default: standardCalendars. */
  calendars?: CalendarSpec[];
  /** Default: the domain's (domain.md §6). */
  evaluation?: EvaluationConfig;
  /** Who adds it (the admin's username; `seed` for the demo). */
  createdBy: string;
  /** Only for the demo seed's fixed rows. */
  createdAt?: Date;
}

/** What the audit log keeps of a city. */
const cityState = (city: CityRecord) => ({
  name: city.name,
  nameEn: city.nameEn,
  timeZone: city.timeZone,
  baseMap: city.baseMap,
  retiredOn: city.retiredOn,
  version: city.version,
});

/** What the audit log keeps of an area. */
const areaState = (area: AreaRecord) => ({
  level: area.level,
  parentCode: area.parentCode,
  name: area.name,
  nameEn: area.nameEn,
  retiredOn: area.retiredOn,
  version: area.version,
});

/** The day every city's first evaluation settings are effective from: before any of its days. */
const sinceAlways = '2000-01-01';

export async function createCity(db: DbOrTx, record: RecordChange, input: NewCity): Promise<CityRecord> {
  const calendars = input.calendars ?? standardCalendars(input.name);
  return db.transaction(async (tx) => {
    const created = await insertCity(tx, {
      code: input.code,
      name: input.name,
      nameEn: input.nameEn,
      regionCode: input.code.slice(0, 2),
      timeZone: input.timeZone,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    });
    if (created === null) throw new ConflictError(`city ${input.code} exists`);
    await insertCalendars(
      tx,
      calendars.map((calendar) => ({
        id: `cal-${input.code}-${calendar.code}`,
        city: input.code,
        code: calendar.code,
        name: calendar.name,
        timeZone: input.timeZone,
        weekly: calendar.weekly,
        makeUpPeriods: calendar.makeUpPeriods ?? [],
        followsPublicHolidays: calendar.followsPublicHolidays,
      })),
    );
    // Through the loader every process uses; a savepoint of this transaction.
    const holidays = await loadPublicHolidays(tx, input.code);
    await record(tx, {
      city: input.code,
      entity: 'city',
      entityKey: input.code,
      action: 'create',
      before: null,
      after: {
        ...cityState(created),
        calendars: calendars.map((calendar) => calendar.code),
        holidayYears: holidays.years,
      },
    });
    if (input.evaluation !== undefined) {
      await addEvaluationSettings(tx, record, {
        city: input.code,
        effectiveFrom: sinceAlways,
        config: input.evaluation,
        createdBy: input.createdBy,
      });
    }
    return created;
  });
}

interface Edit {
  code: string;
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

/** One change of a city, version-checked and audited; `check` refuses it before it is written. */
function changeCity(
  db: DbOrTx,
  record: RecordChange,
  edit: Edit,
  action: 'rename' | 'retire' | 'base-map',
  change: Partial<Pick<CityRecord, 'name' | 'nameEn' | 'retiredOn' | 'baseMap'>>,
  check: (before: CityRecord) => void = () => undefined,
): Promise<CityRecord> {
  return db.transaction((tx) =>
    changeStoredRecord(tx, record, {
      what: `city ${edit.code}`,
      entity: 'city',
      entityKey: edit.code,
      action,
      ...(edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion }),
      find: (tx) => findCityRecord(tx, edit.code, { forUpdate: true }),
      cityOf: (city) => city.code,
      state: cityState,
      apply: async (tx, before) => {
        check(before);
        return updateCity(tx, edit.code, change);
      },
    }),
  );
}

/** Renames a city (its Chinese and English names); 409 when `expectedVersion` is stale. */
export const renameCity = (db: DbOrTx, record: RecordChange, edit: Edit & { name: string; nameEn: string }) =>
  changeCity(db, record, edit, 'rename', { name: edit.name, nameEn: edit.nameEn });

/**
 * Sets a city's base map (底图): a tile server, `own` (drawn from its gazetteer) or null (the
 * deployment's); 409 when `expectedVersion` is stale or the city retired.
 */
export const setCityBaseMap = (
  db: DbOrTx,
  record: RecordChange,
  edit: Edit & { baseMap: CityBaseMap | null },
) =>
  changeCity(db, record, edit, 'base-map', { baseMap: edit.baseMap }, (before) =>
    refuseRetired(`city ${edit.code}`, before.retiredOn),
  );

/** Retires a city from a date (its last served day is the day before); 409 when stale or retired. */
export const retireCity = (db: DbOrTx, record: RecordChange, edit: Edit & { retiredOn: string }) =>
  changeCity(db, record, edit, 'retire', { retiredOn: edit.retiredOn }, (before) =>
    refuseRetired(`city ${edit.code}`, before.retiredOn),
  );

/** The digits of each level's code (GB/T 2260 county 6; township 9 and village 12 of the statistics codes). */
export const areaCodeLength: Record<AreaLevel, number> = { district: 6, street: 9, community: 12 };
const parentLevel: Record<AreaLevel, AreaLevel | null> = {
  district: null,
  street: 'district',
  community: 'street',
};

export interface NewArea {
  city: string;
  level: AreaLevel;
  code: string;
  name: string;
  nameEn: string;
  population?: number;
  areaKm2?: number;
  /** GeoJSON Polygon outline for maps (the seed's; the admin API leaves it to the grid import). */
  geometry?: unknown;
}

const codeProblem = (message: string) => validationFailed(message, [{ in: 'body', path: 'code', message }]);

/** The parent an area's code names (its code without the last three digits), checked. */
async function parentOf(tx: DbOrTx, input: NewArea): Promise<string | null> {
  const wanted = parentLevel[input.level];
  const length = areaCodeLength[input.level];
  if (input.code.length !== length || !/^\d+$/.test(input.code))
    throw codeProblem(`a ${input.level} code has ${length} digits`);
  if (!input.code.startsWith(input.city))
    throw codeProblem(`${input.code} does not start with the city's code ${input.city}`);
  if (wanted === null) return null;
  const parentCode = input.code.slice(0, areaCodeLength[wanted]);
  const parent = await findAreaRecord(tx, parentCode);
  if (parent === null || parent.city !== input.city || parent.level !== wanted)
    throw codeProblem(`${input.code} belongs under ${wanted} ${parentCode}, which city ${input.city} lacks`);
  if (parent.retiredOn !== null)
    throw codeProblem(`${wanted} ${parentCode} is retired (from ${parent.retiredOn})`);
  return parentCode;
}

export async function createArea(db: DbOrTx, record: RecordChange, input: NewArea): Promise<AreaRecord> {
  return db.transaction(async (tx) => {
    const parentCode = await parentOf(tx, input);
    const created = await insertArea(tx, {
      code: input.code,
      city: input.city,
      level: input.level,
      parentCode,
      name: input.name,
      nameEn: input.nameEn,
      population: input.population ?? 0,
      areaKm2: input.areaKm2 ?? 0,
      geometry: input.geometry ?? null,
    });
    if (created === null) throw new ConflictError(`area ${input.code} exists`);
    await record(tx, {
      city: input.city,
      entity: 'area',
      entityKey: input.code,
      action: 'create',
      before: null,
      after: areaState(created),
    });
    return created;
  });
}

/** An edit of an area by an admin of `cities` (all for a region admin). */
type AreaEdit = Edit & { cities: readonly string[] | 'all' };

/**
 * One change of an area, version-checked and audited: 404 when unknown, 403 in another city;
 * `check` refuses it before it is written.
 */
function changeArea(
  db: DbOrTx,
  record: RecordChange,
  edit: AreaEdit,
  action: 'rename' | 'retire',
  change: Partial<Pick<AreaRecord, 'name' | 'nameEn' | 'retiredOn'>>,
  check: (tx: DbOrTx, before: AreaRecord) => Promise<void> = async () => undefined,
): Promise<AreaRecord> {
  return db.transaction((tx) =>
    changeStoredRecord(tx, record, {
      what: `area ${edit.code}`,
      entity: 'area',
      entityKey: edit.code,
      action,
      cities: edit.cities,
      ...(edit.expectedVersion === undefined ? {} : { expectedVersion: edit.expectedVersion }),
      find: (tx) => findAreaRecord(tx, edit.code, { forUpdate: true }),
      cityOf: (area) => area.city,
      state: areaState,
      apply: async (tx, before) => {
        await check(tx, before);
        return updateArea(tx, edit.code, change);
      },
    }),
  );
}

export const renameArea = (
  db: DbOrTx,
  record: RecordChange,
  edit: AreaEdit & { name: string; nameEn: string },
) => changeArea(db, record, edit, 'rename', { name: edit.name, nameEn: edit.nameEn });

/**
 * Retires an area from a date. Its streets or communities are retired first, and its grids re-cut
 * into other communities (a grid import): an area still holding either is refused (409).
 */
export const retireArea = (db: DbOrTx, record: RecordChange, edit: AreaEdit & { retiredOn: string }) =>
  changeArea(db, record, edit, 'retire', { retiredOn: edit.retiredOn }, async (tx, before) => {
    refuseRetired(`area ${edit.code}`, before.retiredOn);
    const children = await listLiveChildAreas(tx, edit.code, edit.retiredOn);
    if (children.length > 0) {
      const some = children.slice(0, 5).map((child) => child.code);
      throw new ConflictError(
        `area ${edit.code} still has ${children.length} area(s) under it (${some.join(', ')}): retire them first`,
      );
    }
    const grids = await countLiveGridsIn(tx, before);
    if (grids > 0)
      throw new ConflictError(
        `area ${edit.code} still holds ${grids} grid(s): re-cut them by a grid import first`,
      );
  });
