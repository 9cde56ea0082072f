/**
 * The demo region's cities (with their calendars), areas, catalogue, departments and integration
 * keys, made through the same functions as the admin API (@urbangrid/platform's createCity,
 * createArea, createCatalogueVersion, createDepartment, createApiKey, addRegionTargets): validated,
 * audited (actor `seed`) and stored as an admin's would be. What exists already is left alone, so
 * seeding a seeded database changes nothing.
 */
import {
  type DbOrTx,
  findCatalogueVersion,
  findCategoryQuestions,
  findCityRecord,
  findDepartmentRecord,
  listApiKeys,
  listCityAreas,
  listCityCalendarYears,
  listRegionIndicators,
} from '@urbangrid/db';
import {
  addRegionTargets,
  type CalendarSpec,
  type CategoryInput,
  createApiKey,
  createArea,
  createCatalogueVersion,
  createCity,
  createDepartment,
  recordSeedChange,
  saveServiceQuestions,
} from '@urbangrid/platform';
import type { DemoRegion } from './demo-region/index.js';

/**
 * Adds the cities that do not exist yet, each with its calendars and public holidays; how many
 * cities, calendars and city-years of holidays were added.
 */
export async function seedCities(
  tx: DbOrTx,
  region: DemoRegion,
): Promise<{ cities: number; calendars: number; holidayYears: number }> {
  let cities = 0;
  let calendars = 0;
  let holidayYears = 0;
  for (const city of region.cities) {
    if ((await findCityRecord(tx, city.code)) !== null) continue;
    const own = region.calendars.filter((calendar) => calendar.city === city.code);
    await createCity(tx, recordSeedChange, {
      code: city.code,
      name: city.name,
      nameEn: city.nameEn,
      timeZone: city.timeZone,
      calendars: own.map(
        (calendar): CalendarSpec => ({
          code: calendar.code,
          name: calendar.name,
          weekly: calendar.weekly as CalendarSpec['weekly'],
          makeUpPeriods: calendar.makeUpPeriods as CalendarSpec['makeUpPeriods'],
          followsPublicHolidays: calendar.followsPublicHolidays ?? true,
        }),
      ),
      createdBy: 'seed',
      ...(city.createdAt instanceof Date ? { createdAt: city.createdAt } : {}),
    });
    cities++;
    calendars += own.length;
    holidayYears += (await listCityCalendarYears(tx, city.code)).length;
  }
  return { cities, calendars, holidayYears };
}

/** Adds the areas that do not exist yet (districts before their streets, streets before communities). */
export async function seedAreas(tx: DbOrTx, region: DemoRegion): Promise<number> {
  const existing = new Set<string>();
  for (const city of region.cities)
    for (const area of await listCityAreas(tx, city.code)) existing.add(area.code);
  const order = { district: 0, street: 1, community: 2 } as const;
  const missing = region.areas
    .filter((area) => !existing.has(area.code))
    .sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
  for (const area of missing) {
    await createArea(tx, recordSeedChange, {
      city: area.city,
      level: area.level,
      code: area.code,
      name: area.name,
      nameEn: area.nameEn,
      population: area.population ?? 0,
      areaKm2: area.areaKm2 ?? 0,
      geometry: area.geometry,
    });
  }
  return missing.length;
}

/** Adds the demo questions of categories a city has none of yet; how many were written. */
export async function seedServiceQuestions(tx: DbOrTx, region: DemoRegion): Promise<number> {
  let written = 0;
  for (const entry of region.serviceQuestions) {
    if ((await findCategoryQuestions(tx, entry.categoryCode, entry.city)) !== null) continue;
    await saveServiceQuestions(
      tx,
      recordSeedChange,
      { version: entry.version, code: entry.categoryCode, city: entry.city, questions: entry.questions },
      { reach: null, today: null },
    );
    written++;
  }
  return written;
}

/** Adds the demo keys that do not exist yet, with their documented secrets (stored hashed). */
export async function seedApiKeys(tx: DbOrTx, region: DemoRegion): Promise<number> {
  const existing = new Set((await listApiKeys(tx, 'all')).map((key) => key.id));
  const missing = region.apiKeys.filter((key) => !existing.has(key.fixed.id));
  for (const key of missing) await createApiKey(tx, recordSeedChange, key);
  return missing.length;
}

/** Adds the demo departments that do not exist yet (a bureau before the units under it). */
export async function seedDepartments(tx: DbOrTx, region: DemoRegion): Promise<number> {
  let added = 0;
  for (const department of region.departments) {
    if ((await findDepartmentRecord(tx, department.id)) !== null) continue;
    await createDepartment(tx, recordSeedChange, {
      id: department.id,
      city: department.city,
      code: department.code,
      name: department.name,
      nameEn: department.nameEn,
      parentId: department.parentId ?? null,
      contactName: department.contactName ?? null,
      contactPhone: department.contactPhone ?? null,
      ...(department.calendarCode === undefined ? {} : { calendarCode: department.calendarCode }),
    });
    added++;
  }
  return added;
}

/**
 * Adds the catalogue versions that do not exist yet, each with its categories and the day it came
 * into force (the demo's are past days: loaded as history, not as an admin's new version).
 */
export async function seedCatalogue(
  tx: DbOrTx,
  region: DemoRegion,
): Promise<{ versions: number; categories: number }> {
  let versions = 0;
  let categories = 0;
  for (const version of region.catalogueVersions) {
    if ((await findCatalogueVersion(tx, version.version)) !== null) continue;
    const own = region.categories.filter((c) => c.catalogueVersion === version.version);
    const created = await createCatalogueVersion(
      tx,
      recordSeedChange,
      {
        version: version.version,
        name: version.name,
        nameEn: version.nameEn ?? version.name,
        effectiveFrom: version.effectiveFrom ?? null,
        categories: own.map(
          (c): CategoryInput => ({
            code: c.code,
            majorName: c.majorName,
            name: c.name,
            nameEn: c.nameEn,
            filingCondition: c.filingCondition,
            closingCondition: c.closingCondition,
            timeLimits: c.timeLimits as CategoryInput['timeLimits'],
            stageCalendars: (c.stageCalendars ?? {}) as CategoryInput['stageCalendars'],
            defaultDepartmentCode: c.defaultDepartmentCode ?? null,
            city: c.city ?? null,
          }),
        ),
      },
      { reach: null, today: null },
    );
    versions++;
    categories += created.categories.length;
  }
  return { versions, categories };
}

/** Adds the plan's indicators the region does not have yet, with their targets. */
export async function seedRegionTargets(tx: DbOrTx, region: DemoRegion): Promise<number> {
  const existing = new Set((await listRegionIndicators(tx)).map((indicator) => indicator.code));
  const missing = region.regionIndicators.filter((indicator) => !existing.has(indicator.code));
  for (const indicator of missing)
    await addRegionTargets(tx, recordSeedChange, { ...indicator, createdBy: 'seed' });
  return missing.length;
}
