import { verify } from '@node-rs/argon2';
import { createDatabase, type Database, databaseUrl, dropDatabase, runMigrations } from '@urbangrid/db';
import { publicHolidayYears } from '@urbangrid/reference';
import {
  type ConnectionOverlaps,
  watchConnectionOverlaps,
} from '@urbangrid/test-support/connection-overlaps';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoRegion } from './demo-region/index.js';
import { isSeeded, type SeedSummary, seedDemoRegion } from './seed.js';

const adminUrl = process.env.TEST_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const scratchName = `urbangrid_seed_test_${process.pid}`;
const password = 'seed-test-password';

/** A fresh, migrated scratch database. */
async function scratchDatabase(name: string): Promise<Database> {
  await dropDatabase(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  await runMigrations(url);
  return createDatabase(url, { max: 4, applicationName: 'urbangrid-seed-test' });
}

async function rows<T>(database: Database, query: string): Promise<T[]> {
  return (await database.pool.query(query)).rows;
}

const seededTables = [
  'cities',
  'areas',
  'grids',
  'catalogue_versions',
  'categories',
  'departments',
  'responsibilities',
  'calendars',
  'city_calendar_days',
  'city_calendar_years',
  'users',
  'officer_grids',
  'api_keys',
  'duty_shifts',
];

const usersWithoutPasswords =
  'row(id, city, username, display_name, roles, department_id, area_code, active, created_at)::text';
/** Tables whose rows carry the instant they were loaded, which differs between two databases. */
const snapshotRows: Record<string, string> = {
  city_calendar_days: 'row(city, day, source, kind, name)::text',
  city_calendar_years: 'row(city, year, source)::text',
};

/** Row count and content checksum of every seeded table; password hashes only when asked (salts differ per database). */
async function snapshot(database: Database, withPasswords: boolean): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of seededTables) {
    const row =
      snapshotRows[table] ?? (table === 'users' && !withPasswords ? usersWithoutPasswords : 't::text');
    const [found] = await rows<{ n: number; checksum: string | null }>(
      database,
      `select count(*)::int as n, md5(string_agg(${row}, ',' order by ${row})) as checksum from ${table} t`,
    );
    result[table] = `${found?.n}:${found?.checksum}`;
  }
  return result;
}

const count = async (database: Database, query: string) =>
  (await rows<{ n: number }>(database, `select count(*)::int as n from (${query}) q`))[0]?.n;

describe('demo region seed', () => {
  let database: Database;
  let first: SeedSummary;
  let seededBefore: boolean;
  let overlaps: ConnectionOverlaps;

  beforeAll(async () => {
    database = await scratchDatabase(scratchName);
    seededBefore = await isSeeded(database.db);
    overlaps = watchConnectionOverlaps();
    try {
      first = await seedDemoRegion(database.db, { demoPassword: password });
    } finally {
      overlaps.stop();
    }
  });

  afterAll(async () => {
    await database?.close();
    await dropDatabase(adminUrl, scratchName);
  });

  it('sends its transaction one query at a time (pg@9 refuses a second while one runs)', () => {
    expect(overlaps.overlapping).toEqual([]);
    expect(overlaps.warnings).toEqual([]);
  });

  it('loads every row it defines into an empty database', async () => {
    expect(seededBefore).toBe(false);
    expect(await isSeeded(database.db)).toBe(true);
    expect(first.inserted).toEqual(first.defined);
    const byCity = await rows<{ city: string; n: number }>(
      database,
      'select city, count(*)::int as n from grids group by city order by city',
    );
    expect(byCity).toEqual([
      { city: '1501', n: 89 * 117 },
      { city: '1502', n: 20 * 30 },
    ]);
  });

  it('covers the Hohhot box: every sample point lies in exactly one grid', async () => {
    const boxes = await rows<{ min_lat: number; max_lat: number; min_lng: number; max_lng: number }>(
      database,
      'select min_lat, max_lat, min_lng, max_lng from grids',
    );
    let misplaced = 0;
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const [lat, lng] = [40.8 + i * 0.0015, 111.62 + j * 0.0025];
        // Half-open boxes, so a point on a shared edge still lies in exactly one grid.
        const holders = boxes.filter(
          (b) => b.min_lat <= lat && lat < b.max_lat && b.min_lng <= lng && lng < b.max_lng,
        );
        if (holders.length !== 1) misplaced++;
      }
    }
    expect(misplaced).toBe(0);
    // Grids about 100 m × 100 m whose areas add up to the lattice's, so none overlap.
    const [areas] = await rows<{ min: number; max: number; sum: number }>(
      database,
      `select min(area_m2) as min, max(area_m2) as max, sum(area_m2) as sum from grids where city = '1501'`,
    );
    expect(areas?.min).toBeGreaterThan(9_500);
    expect(areas?.max).toBeLessThan(10_500);
    const lattice = await rows<{ km2: number }>(
      database,
      `select sum(area_km2) as km2 from areas where city = '1501' and level = 'district'`,
    );
    expect(Math.abs((areas?.sum ?? 0) / 1e6 - (lattice[0]?.km2 ?? 0))).toBeLessThan(0.01);
  });

  it('codes grids with their community prefix and a west-to-east, north-to-south sequence', async () => {
    const badCodes = `select code from grids where code !~ '^[0-9]{15}$' or left(code, 12) <> community_code
      or left(code, 9) <> street_code or left(code, 6) <> district_code`;
    expect(await count(database, badCodes)).toBe(0);
    const misnumbered = `select code from (select code, right(code, 3)::int as seq, row_number() over (
      partition by community_code order by max_lat desc, min_lng asc) as expected from grids) g
      where seq <> expected`;
    expect(await count(database, misnumbered)).toBe(0);
    const orphans = `select g.code from grids g left join areas c on c.code = g.community_code
      and c.level = 'community' and c.parent_code = g.street_code where c.code is null`;
    expect(await count(database, orphans)).toBe(0);
  });

  it('names a department of the same city for every category in every district', async () => {
    const missing = `select c.code, d.code from categories c
      join areas d on d.level = 'district' and (c.city is null or c.city = d.city)
      left join responsibilities r on r.category_code = c.code and r.area_code = d.code
      left join departments dep on dep.id = r.department_id and dep.city = d.city
      where dep.id is null`;
    expect(await count(database, missing)).toBe(0);
    expect(await count(database, `select 1 from areas where level = 'district'`)).toBe(6);
  });

  it('gives every grid an officer, with a colleague in the same street', async () => {
    expect(
      await count(
        database,
        'select 1 from grids g where not exists (select 1 from officer_grids o where o.grid_code = g.code)',
      ),
    ).toBe(0);
    const lonely = `select g.street_code from officer_grids o join grids g on g.code = o.grid_code
      group by g.street_code having count(distinct o.officer_id) < 2`;
    expect(await count(database, lonely)).toBe(0);
  });

  it('has the users of api.md, all with the demo password', async () => {
    const staff = await rows<{
      username: string;
      roles: string[];
      city: string | null;
      area_code: string | null;
    }>(database, 'select username, roles, city, area_code from users');
    const roleOf = (username: string) => staff.find((u) => u.username === username);
    expect(roleOf('admin')).toMatchObject({ roles: ['admin'], city: '1501' });
    expect(roleOf('operator1')?.roles).toEqual(['intake_operator']);
    expect(roleOf('shiftlead1')?.roles).toEqual(['shift_lead']);
    expect(roleOf('dispatcher1')?.roles).toEqual(['dispatcher']);
    expect(roleOf('supervisor1')).toMatchObject({ roles: ['supervisor'], city: '1501', area_code: null });
    expect(roleOf('supervisor-150102')).toMatchObject({ roles: ['supervisor'], area_code: '150102' });
    expect(roleOf('region1')).toMatchObject({ roles: ['region_supervisor'], city: null });
    expect(roleOf('officer1')?.roles).toEqual(['grid_officer']);
    expect(roleOf('bt-officer1')).toMatchObject({ roles: ['grid_officer'], city: '1502' });
    const handlerless = `select d.id from departments d left join users u on u.department_id = d.id
      and u.username = case d.city when '1501' then '' else 'bt-' end || 'handler-' || d.code
      and 'department_handler' = any(u.roles) where u.id is null`;
    expect(await count(database, handlerless)).toBe(0);
    const hashes = await rows<{ password_hash: string }>(
      database,
      `select password_hash from users where username in ('admin', 'officer1', 'handler-sanitation-150102')`,
    );
    expect(hashes).toHaveLength(3);
    for (const { password_hash } of hashes) {
      expect(password_hash.startsWith('$argon2id$')).toBe(true);
      expect(await verify(password_hash, password)).toBe(true);
    }
  });

  it('loads every year of public holidays through the loader; only office calendars follow them', async () => {
    const days = await rows<{ day: string; kind: string }>(
      database,
      `select day::text as day, kind from city_calendar_days
        where city = '1501' and source = 'public' and day >= '2026-01-01' and day < '2027-01-01' order by day`,
    );
    // Exactly what the package holds for 2026 (its content against the notice is tested beside it).
    const expected = publicHolidayYears().get(2026) ?? [];
    expect(days).toEqual(expected.map(({ day, kind }) => ({ day, kind })));
    expect(days.filter((d) => d.kind === 'workday').map((d) => d.day)).toContain('2026-02-14');
    const years = await rows<{ year: number; source: string }>(
      database,
      `select year, source from city_calendar_years where city = '1502' order by year`,
    );
    expect(years.at(-1)?.year).toBeGreaterThanOrEqual(2026);
    expect(years.map((y) => y.year)).toEqual(
      Array.from({ length: years.length }, (_, i) => (years[0]?.year ?? 0) + i),
    );
    expect(years.every((y) => y.source.startsWith('chinese-days@'))).toBe(true);
    expect(first.holidayYears).toBe(2 * years.length);
    const follows = await rows<{ id: string; follows_public_holidays: boolean }>(
      database,
      'select id, follows_public_holidays from calendars order by id',
    );
    for (const calendar of follows) {
      expect(calendar.follows_public_holidays, calendar.id).toBe(calendar.id.endsWith('-office'));
    }
    expect(await count(database, "select 1 from city_calendar_days where source = 'local'")).toBe(0);
  });

  it('changes nothing when seeded twice', async () => {
    const before = await snapshot(database, true);
    const again = await seedDemoRegion(database.db, { demoPassword: password });
    expect(Object.values(again.inserted).every((n) => n === 0)).toBe(true);
    expect(again.holidayYears).toBe(0);
    expect(await snapshot(database, true)).toEqual(before);
  });

  it('is deterministic: the same rows, ids and codes on every run', async () => {
    expect(buildDemoRegion()).toEqual(buildDemoRegion());
    const otherName = `${scratchName}_b`;
    const other = await scratchDatabase(otherName);
    try {
      await seedDemoRegion(other.db, { demoPassword: password });
      expect(await snapshot(other, false)).toEqual(await snapshot(database, false));
      expect(await count(other, 'select 1 from users')).toBe(first.defined.users);
    } finally {
      await other.close();
      await dropDatabase(adminUrl, otherName);
    }
  }, 120_000);
});
