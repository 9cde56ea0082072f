/**
 * The demo's past (19.1): `days` of cases before today in every city, so every report, ranking and
 * chart has something to show the moment the demo starts. Each case is played through the
 * lifecycle's own rules by the people of its city (makeCaseHistory: chained events as the engine
 * seals them), written set-based — a multi-row insert per table and city — and the day rollups are
 * the recount of those events, so `npm run audit:verify` and the recount both accept the history.
 * Cities differ: each has its own volume (by urban population) and its own profile of returns,
 * late work and rework. A city with cases already is left alone (idempotent).
 */
import { type Db, insertHistoryRows, insertRollupRows, recountRollups } from '@urbangrid/db';
import { localDay, type Random, seededRandom } from '@urbangrid/domain';
import { makeCaseHistory, newId } from '@urbangrid/engine';
import { proximityCell } from '@urbangrid/geo';
import { sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { type CityProfile, type Crew, journeyOf } from './journeys.js';

type GridPlace = {
  code: string;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  lat: number;
  lng: number;
};

type Duty = {
  categoryCode: string;
  categoryName: string;
  areaCode: string;
  departmentId: string;
};

interface CityPeople {
  timeZone: string;
  population: number;
  grids: GridPlace[];
  duties: Duty[];
  byRole: Map<string, string[]>;
  handlers: Map<string, string>;
  officersOfGrid: Map<string, string[]>;
}

export interface HistorySummary {
  city: string;
  cases: number;
  events: number;
}

/** Reports a day of a city of `population` urban residents: about one per 60,000, 2 to 40. */
export function dailyVolume(population: number): number {
  return Math.max(2, Math.min(40, Math.round(population / 60_000)));
}

/** A city's profile, fixed by its code: the same city behaves the same on every load. */
export function profileOf(city: string): CityProfile {
  const random = seededRandom(Number(city) * 7_919);
  return {
    officerShare: random.between(0.35, 0.65),
    rejected: random.between(0.03, 0.1),
    returned: random.between(0.01, 0.08),
    late: random.between(0.02, 0.2),
    rework: random.between(0.02, 0.12),
  };
}

async function peopleOf(db: Db, city: string): Promise<CityPeople | null> {
  const [place] = (
    await db.execute<{ time_zone: string; population: number | null }>(sql`
      select c.time_zone, p.population from cities c
      left join region_city_profiles p on p.city = c.code where c.code = ${city}`)
  ).rows;
  if (place === undefined) return null;
  const grids = (
    await db.execute<GridPlace>(sql`
      select code, name, district_code as "districtCode", street_code as "streetCode",
             community_code as "communityCode", (min_lat + max_lat) / 2 as lat, (min_lng + max_lng) / 2 as lng
      from grids where city = ${city} and valid_to is null order by code`)
  ).rows;
  const duties = (
    await db.execute<Duty>(sql`
      select r.category_code as "categoryCode", c.name as "categoryName", r.area_code as "areaCode",
             r.department_id as "departmentId"
      from responsibilities r join categories c on c.code = r.category_code
      where r.city = ${city} and c.active order by r.category_code, r.area_code`)
  ).rows;
  const staff = (
    await db.execute<{ username: string; roles: string[]; department_id: string | null }>(sql`
      select username, roles, department_id from users where city = ${city} and active order by username`)
  ).rows;
  const byRole = new Map<string, string[]>();
  const handlers = new Map<string, string>();
  for (const person of staff) {
    for (const role of person.roles) byRole.set(role, [...(byRole.get(role) ?? []), person.username]);
    if (person.roles.includes('department_handler') && person.department_id !== null) {
      if (!handlers.has(person.department_id)) handlers.set(person.department_id, person.username);
    }
  }
  const officersOfGrid = new Map<string, string[]>();
  const assigned = await db.execute<{ grid_code: string; username: string }>(sql`
    select og.grid_code, u.username from officer_grids og join users u on u.id = og.officer_id
    where u.city = ${city} and u.active order by og.grid_code, u.username`);
  for (const row of assigned.rows) {
    officersOfGrid.set(row.grid_code, [...(officersOfGrid.get(row.grid_code) ?? []), row.username]);
  }
  return {
    timeZone: place.time_zone,
    population: place.population ?? 300_000,
    grids,
    duties,
    byRole,
    handlers,
    officersOfGrid,
  };
}

/** The grids a matrix row covers: its area is the city, a district, a street or a community. */
function gridsOfArea(grids: readonly GridPlace[], city: string, areaCode: string): GridPlace[] {
  if (areaCode === city) return [...grids];
  return grids.filter(
    (grid) =>
      grid.districtCode === areaCode || grid.streetCode === areaCode || grid.communityCode === areaCode,
  );
}

interface Workable {
  duty: Duty;
  grids: GridPlace[];
}

function crewFor(random: Random, people: CityPeople, duty: Duty, grid: GridPlace): Crew | null {
  const one = (role: string) => {
    const names = people.byRole.get(role);
    return names === undefined || names.length === 0 ? null : random.pick(names);
  };
  const operator = one('intake_operator');
  const shiftLead = one('shift_lead');
  const dispatcher = one('dispatcher');
  const officer = random.pick(
    people.officersOfGrid.get(grid.code) ?? people.byRole.get('grid_officer') ?? [''],
  );
  const handler = people.handlers.get(duty.departmentId);
  const others = [...people.handlers.entries()].filter(([id]) => id !== duty.departmentId);
  if (!operator || !shiftLead || !dispatcher || !officer || !handler || others.length === 0) return null;
  const [otherId, otherHandler] = random.pick(others);
  return {
    operator,
    shiftLead,
    dispatcher,
    officer,
    department: { id: duty.departmentId, handler },
    otherDepartment: { id: otherId, handler: otherHandler },
  };
}

/** Local days before `today` (newest last), `days` of them. */
function pastDays(today: string, days: number): string[] {
  const start = DateTime.fromISO(today);
  return Array.from({ length: days }, (_, i) => start.minus({ days: days - i }).toISODate() ?? '');
}

/**
 * Writes `days` days of history before `now`'s local day into `city`, unless the city has cases
 * before today already (today's, reported live, do not stop it). Returns what it wrote (null when it left the city alone or the city lacks the people).
 */
export async function loadCityHistory(
  db: Db,
  city: string,
  options: { now: Date; days: number },
): Promise<HistorySummary | null> {
  const people = await peopleOf(db, city);
  if (people === null) return null;
  const random = seededRandom(Number(city));
  const profile = profileOf(city);
  const workable: Workable[] = people.duties
    .map((duty) => ({ duty, grids: gridsOfArea(people.grids, city, duty.areaCode) }))
    .filter((w) => w.grids.length > 0 && people.handlers.has(w.duty.departmentId));
  if (workable.length === 0) return null;

  const today = localDay(options.now, people.timeZone);
  // Every event of the history falls before today: today's rollups belong to the live cases.
  const todayStart = DateTime.fromISO(today, { zone: people.timeZone }).toJSDate();
  const caseRows: Record<string, unknown>[] = [];
  const eventRows: Record<string, unknown>[] = [];
  const counters: Array<{ city: string; day: string; last: number }> = [];
  for (const day of pastDays(today, options.days)) {
    const weekday = DateTime.fromISO(day).weekday;
    const volume = dailyVolume(people.population) * (weekday >= 6 ? 0.7 : 1) * random.between(0.7, 1.3);
    const count = Math.max(1, Math.round(volume));
    const times = Array.from({ length: count }, () => random.between(7.5 * 60, 19.5 * 60)).sort(
      (a, b) => a - b,
    );
    let number = 0;
    for (const minuteOfDay of times) {
      const { duty, grids } = random.pick(workable);
      const grid = random.pick(grids);
      const crew = crewFor(random, people, duty, grid);
      if (crew === null) continue;
      const reportedAt = DateTime.fromISO(day, { zone: people.timeZone })
        .plus({ minutes: Math.round(minuteOfDay) })
        .toJSDate();
      const steps = journeyOf(random, profile, crew, reportedAt);
      if ((steps.at(-1)?.at ?? todayStart) >= todayStart) continue;
      const id = newId(reportedAt);
      const made = makeCaseHistory({ id, city, categoryCode: duty.categoryCode, steps });
      number += 1;
      const lat = grid.lat + random.between(-0.0003, 0.0003);
      const lng = grid.lng + random.between(-0.0003, 0.0003);
      caseRows.push({
        ...made.columns,
        id,
        caseNo: `${day.replaceAll('-', '')}${String(number).padStart(5, '0')}`,
        city,
        categoryCode: duty.categoryCode,
        urgency: made.snapshot.urgency,
        description: `${duty.categoryName}（${grid.name}）`,
        lat,
        lng,
        h3Cell: proximityCell(lat, lng),
        address: grid.name,
        gridCode: grid.code,
        districtCode: grid.districtCode,
        streetCode: grid.streetCode,
        communityCode: grid.communityCode,
        createdAt: reportedAt,
      });
      for (const event of made.events) eventRows.push(event);
    }
    if (number > 0) counters.push({ city, day, last: number });
  }
  if (caseRows.length === 0) return null;
  const fromDay = counters[0]?.day ?? today;
  const toDay = DateTime.fromISO(today).minus({ days: 1 }).toISODate() ?? today;
  const written = await db.transaction(async (tx) => {
    // One loader per city at a time; a city with a past (loaded, or lived) keeps it.
    await tx.execute(sql`select pg_advisory_xact_lock(7710019, ${Number(city)})`);
    const existing = await tx.execute(
      sql`select 1 from cases where city = ${city} and created_at < ${todayStart.toISOString()} limit 1`,
    );
    if (existing.rows.length > 0) return false;
    await insertHistoryRows(tx, { cases: caseRows, events: eventRows, numberCounters: counters });
    // The day rollups are the recount of what was just written: what the engine would have counted.
    const recounted = await recountRollups(tx, { city, fromDay, toDay });
    const rollups = recounted.map((row) => ({ city, ...row }));
    await insertRollupRows(tx, rollups);
    return true;
  });
  return written ? { city, cases: caseRows.length, events: eventRows.length } : null;
}

/** Every city's history, one city at a time, with a line of progress per city. */
export async function loadDemoHistory(
  db: Db,
  options: { now: Date; days: number; log?: (line: string) => void },
): Promise<HistorySummary[]> {
  const cities = (await db.execute<{ code: string }>(sql`select code from cities order by code`)).rows;
  const loaded: HistorySummary[] = [];
  for (const [index, { code }] of cities.entries()) {
    const summary = await loadCityHistory(db, code, options);
    if (summary !== null) {
      loaded.push(summary);
      options.log?.(
        `demo history: ${code} ${summary.cases} cases over ${options.days} days (${index + 1}/${cities.length} cities)`,
      );
    }
  }
  return loaded;
}
