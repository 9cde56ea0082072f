import { performance } from 'node:perf_hooks';
import { hash } from '@node-rs/argon2';
import {
  cities,
  type Db,
  findCityRecord,
  grids,
  insertRegionCityProfiles,
  listMatrixCells,
  officerGrids,
  recordUntimedHoldings,
  type Tx,
  users,
} from '@urbangrid/db';
import { importMatrixRows, recordSeedChange } from '@urbangrid/platform';
import { syncPublicHolidays } from '@urbangrid/reference';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  seedApiKeys,
  seedAreas,
  seedCatalogue,
  seedCities,
  seedDepartments,
  seedRegionTargets,
  seedServiceQuestions,
} from './admin-changes.js';
import { loadDemoHistory } from './demo-history/load-history.js';
import {
  buildDemoRegion,
  type DemoRegion,
  type DemoRegionOptions,
  hohhot,
  planCities,
} from './demo-region/index.js';
import { seedGazetteer } from './gazetteer/index.js';

/**
 * Loads the demo region (seeds/demo-region) into a migrated database. Idempotent: one transaction of
 * `insert … on conflict do nothing`, so a seeded database is left exactly as it was — including
 * users, whose passwords are hashed only when the user does not exist yet (argon2 salts differ per
 * run, so re-hashing would change rows).
 */

export type SeedTable = keyof DemoRegion;
export type SeedCounts = Record<SeedTable, number>;

export interface SeedSummary {
  /** Rows the demo region defines, per table. */
  defined: SeedCounts;
  /** Rows this run inserted, per table (all zero on an already seeded database). */
  inserted: SeedCounts;
  /** City-years of public holidays this run loaded (zero when all were there already). */
  holidayYears: number;
  durationMs: number;
}

/** Rows per multi-row insert: 14 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
const BATCH_SIZE = 1_000;
/** Serialises concurrent seeders (several processes starting on one empty database). */
const SEED_LOCK = 7_710_003;

async function inBatches<Row>(
  rows: readonly Row[],
  insert: (batch: Row[]) => Promise<{ rowCount: number | null }>,
): Promise<number> {
  let inserted = 0;
  for (let at = 0; at < rows.length; at += BATCH_SIZE) {
    const result = await insert(rows.slice(at, at + BATCH_SIZE));
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/**
 * Each city's responsibility matrix, imported as an admin's file is (so a seeded city's matrix is
 * one the import accepts). A city that has a matrix keeps it as its admins left it.
 */
async function seedMatrices(tx: Tx, region: DemoRegion): Promise<number> {
  const codeOf = new Map(region.departments.map((d) => [d.id, d.code]));
  let added = 0;
  for (const city of region.cities) {
    if ((await listMatrixCells(tx, city.code)).length > 0) continue;
    const rows = region.responsibilities
      .filter((cell) => cell.city === city.code)
      .map((cell, i) => ({
        row: i + 2,
        categoryCode: cell.categoryCode,
        areaCode: cell.areaCode,
        departmentCode: codeOf.get(cell.departmentId) ?? cell.departmentId,
      }));
    added += (await importMatrixRows(tx, recordSeedChange, city.code, rows)).added;
  }
  return added;
}

/** Password hashes for the demo users that do not exist yet; existing users keep theirs. */
async function hashNewUsers(
  db: Db,
  region: DemoRegion,
  demoPassword: string,
): Promise<(typeof users.$inferInsert)[]> {
  const usernames = region.users.map((u) => u.username);
  const existing = await db
    .select({ username: users.username })
    .from(users)
    .where(inArray(users.username, usernames));
  const known = new Set(existing.map((u) => u.username));
  const fresh = region.users.filter((u) => !known.has(u.username));
  if (fresh.length === 0) return [];
  // One argon2id hash per run for them all: they share the documented demo password, so one salt
  // hides nothing, and hundreds of users of the whole region cost one hash, not hundreds.
  const passwordHash = await hash(demoPassword);
  return fresh.map((u) => ({ ...u, passwordHash }));
}

export async function seedDemoRegion(
  db: Db,
  options: { demoPassword: string } & DemoRegionOptions,
): Promise<SeedSummary> {
  const started = performance.now();
  const region = buildDemoRegion(options);
  const newUsers = await hashNewUsers(db, region, options.demoPassword);
  const inserted = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    // Cities (with their calendars), areas, the catalogue and keys go through the admin's own functions.
    const added = await seedCities(tx, region);
    const catalogue = await seedCatalogue(tx, region);
    const counts: SeedCounts = {
      cities: added.cities,
      areas: await seedAreas(tx, region),
      grids: await inBatches(region.grids, (b) => tx.insert(grids).values(b).onConflictDoNothing()),
      catalogueVersions: catalogue.versions,
      categories: catalogue.categories,
      departments: await seedDepartments(tx, region),
      responsibilities: await seedMatrices(tx, region),
      calendars: added.calendars,
      users: await inBatches(newUsers, (b) => tx.insert(users).values(b).onConflictDoNothing()),
      officerGrids: await inBatches(region.officerGrids, (b) =>
        tx.insert(officerGrids).values(b).onConflictDoNothing(),
      ),
      apiKeys: await seedApiKeys(tx, region),
      serviceQuestions: await seedServiceQuestions(tx, region),
      cityProfiles: await insertRegionCityProfiles(tx, region.cityProfiles),
      regionIndicators: await seedRegionTargets(tx, region),
    };
    // The seeded officers have held their grids since before any change was recorded.
    await recordUntimedHoldings(tx);
    // The cities' public holidays come through the loader every process and the admin use.
    const holidays = await syncPublicHolidays(
      tx,
      region.cities.map((city) => city.code),
    );
    await seedGazetteer(tx);
    return {
      counts,
      holidayYears: added.holidayYears + holidays.reduce((sum, city) => sum + city.years.length, 0),
    };
  });
  return {
    defined: definedCounts(region),
    inserted: inserted.counts,
    holidayYears: inserted.holidayYears,
    durationMs: Math.round(performance.now() - started),
  };
}

function definedCounts(region: DemoRegion): SeedCounts {
  return {
    cities: region.cities.length,
    areas: region.areas.length,
    grids: region.grids.length,
    catalogueVersions: region.catalogueVersions.length,
    categories: region.categories.length,
    departments: region.departments.length,
    responsibilities: region.responsibilities.length,
    calendars: region.calendars.length,
    users: region.users.length,
    officerGrids: region.officerGrids.length,
    apiKeys: region.apiKeys.length,
    serviceQuestions: region.serviceQuestions.length,
    cityProfiles: region.cityProfiles.length,
    regionIndicators: region.regionIndicators.length,
  };
}

/** Whether the demo region is loaded (the seed is one transaction, so its first city tells). */
export async function isSeeded(db: Db): Promise<boolean> {
  const found = await db
    .select({ code: cities.code })
    .from(cities)
    .where(eq(cities.code, hohhot.code))
    .limit(1);
  return found.length > 0;
}

/** One line for logs: what the demo region holds and what this run added. */
export function formatSeedSummary(summary: SeedSummary): string {
  const { defined, inserted } = summary;
  const added = Object.values(inserted).reduce((sum, n) => sum + n, 0) + summary.holidayYears;
  return (
    `demo region: ${defined.cities} cities, ${defined.areas} areas, ${defined.grids} grids, ` +
    `${defined.categories} categories, ${defined.departments} departments, ${defined.users} users; ` +
    `${added === 0 ? 'already seeded, nothing changed' : `${added} rows inserted`} in ${summary.durationMs} ms`
  );
}

/** All 21 cities of the action plan: what `npm run db:seed` loads, and `npm start` in the background. */
export const seedWholeRegion = (db: Db, options: { demoPassword: string }): Promise<SeedSummary> =>
  seedDemoRegion(db, { ...options, wholeRegion: true });

/**
 * Loads the cities of the action plan beyond Hohhot and Baotou when the database lacks any of them
 * (`npm start` calls it after it answers, since creating 19 cities through the admin's functions
 * takes longer than a start may), then each city's past (`historyDays` of ended cases,
 * seeds/demo-history); `log` tells how far it got. Idempotent, serialised with every other seeding.
 */
export async function completeDemoRegion(
  db: Db,
  options: { demoPassword: string; historyDays: number; log: (line: string) => void; now?: Date },
): Promise<SeedSummary | null> {
  const missing = [];
  for (const plan of planCities) if ((await findCityRecord(db, plan.code)) === null) missing.push(plan.code);
  let summary: SeedSummary | null = null;
  if (missing.length > 0) {
    options.log(`demo region: loading ${missing.length} more cities of the action plan in the background`);
    summary = await seedWholeRegion(db, options);
    options.log(formatSeedSummary(summary));
  }
  if (options.historyDays > 0) {
    await loadDemoHistory(db, {
      now: options.now ?? new Date(),
      days: options.historyDays,
      log: options.log,
    });
  }
  return summary;
}
