/**
 * Issue 8 item 6: a year's timeliness report by department over 1,000,000 generated cases, read
 * from the day rollups (what `GET /api/supervision/reports/timeliness` does), beside a plain
 * GROUP BY over the cases measured in the same run. Goal: median ≤ 100 ms.
 *
 * Runs in a database of its own (created, migrated, dropped). Cases and their rollups are generated
 * in SQL (`generate_series` INSERT … SELECT), the rollups by aggregating the generated cases per day
 * and key for all six dimensions, so the report reads as many rows as a real year would hold.
 */
import { randomBytes } from 'node:crypto';
import { createDatabase, databaseUrl, dropDatabase, runMigrations, sumRollups } from '@urbangrid/db';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { BenchFigure } from './bench-figure.js';

const CASES = 1_000_000;
const ROUNDS = 25;
const BASELINE_ROUNDS = 5;
const GOAL_MS = 100;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export async function run(): Promise<BenchFigure[]> {
  const name = `urbangrid_bench_report_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = databaseUrl(adminUrl, name);
  const database = createDatabase(url, { max: 4, applicationName: 'bench-report' });
  try {
    await runMigrations(url);
    const { db } = database;
    const generateStarted = performance.now();
    await db.execute(
      sql`insert into cities (code, name, name_en, region_code) values ('1501', '呼和浩特市', 'Hohhot', '15')`,
    );
    // A year of cases: 40 departments, 4 districts, 40 streets, 1,000 grids, 100 categories, 500 officers.
    await db.execute(sql`
      insert into cases (id, case_no, city, source, state, category_code, description, lat, lng, h3_cell,
        grid_code, district_code, street_code, community_code, department_id, assignee, light,
        rework_count, extension_count, return_count, overdue_count, closure_type,
        created_at, updated_at, dispatched_at, handled_at, closed_at)
      select 'c' || i, lpad(i::text, 13, '0'), '1501',
        case when i % 3 = 0 then 'officer' else 'hotline' end, 'closed', 'C' || lpad((i % 100)::text, 4, '0'),
        'generated', 40.8, 111.6, '8931aa5a5a7ffff',
        '1501020' || lpad((i % 40)::text, 2, '0') || lpad((i % 1000)::text, 6, '0'),
        '15010' || (2 + i % 4), '1501020' || lpad((i % 40)::text, 2, '0'), '150102001001',
        'dept-' || (i % 40), 'officer' || (i % 500), 'green',
        (i % 17 = 0)::int, (i % 23 = 0)::int, (i % 29 = 0)::int, (i % 11 = 0)::int,
        case when i % 11 = 0 then 'overdue' else 'on_time' end,
        created, created, created + interval '1 hour', created + interval '5 hours', created + interval '1 day'
      from generate_series(1, ${CASES}) as i,
        lateral (select timestamptz '2026-01-01 00:00:00+08' + (i % 365) * interval '1 day' + (i % 600) * interval '1 minute' as created) as t`);
    for (const [dimension, column] of [
      ['department', 'department_id'],
      ['district', 'district_code'],
      ['street', 'street_code'],
      ['grid', 'grid_code'],
      ['category', 'category_code'],
      ['officer', 'assignee'],
    ] as const) {
      await db.execute(sql`
        insert into report_rollups (city, day, dimension, key, received, dispatched, handled, handled_on_time,
          overdue, reworks, extensions, returns, closed, closed_on_time, filed)
        select city, (created_at at time zone 'Asia/Shanghai')::date, ${dimension}, ${sql.identifier(column)},
          count(*), count(*), count(*) + sum(rework_count), count(*) - sum(least(overdue_count, 1)),
          sum(overdue_count), sum(rework_count), sum(extension_count), sum(return_count), count(*),
          count(*) filter (where closure_type = 'on_time'), count(*)
        from cases group by 1, 2, 4`);
    }
    await db.execute(sql`analyze`);
    const generatedSeconds = (performance.now() - generateStarted) / 1000;

    const query = {
      city: '1501',
      dimension: 'department' as const,
      fromDay: '2026-01-01',
      toDay: '2026-12-31',
    };
    const fromRollups = () => sumRollups(db, query);
    // The same table straight from the cases: what a report without rollups would run.
    const overCases = () =>
      db.execute(sql`
        select department_id, count(*) as received, count(dispatched_at) as dispatched,
          count(handled_at) + sum(rework_count) as handled, sum(overdue_count) as overdue,
          sum(rework_count) as reworks, sum(extension_count) as extensions, sum(return_count) as returns,
          count(closed_at) as closed, count(*) filter (where closure_type = 'on_time') as closed_on_time
        from cases
        where city = '1501' and created_at >= '2026-01-01T00:00:00+08' and created_at < '2027-01-01T00:00:00+08'
        group by department_id`);
    await fromRollups();
    await overCases();
    const rollupTimes: number[] = [];
    const caseTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      rollupTimes.push(await timed(fromRollups));
      // Alternate, fewer rounds for the slow baseline.
      if (round % Math.ceil(ROUNDS / BASELINE_ROUNDS) === 0) caseTimes.push(await timed(overCases));
    }
    const rows = await fromRollups();
    if (rows.length !== 40) throw new Error(`expected 40 departments, the report has ${rows.length}`);
    return [
      {
        name: 'timeliness report, a year by department (1,000,000 cases)',
        value: median(rollupTimes),
        unit: 'ms',
        goal: { op: '<=', value: GOAL_MS },
        baseline: { name: 'GROUP BY over the cases', value: median(caseTimes), unit: 'ms' },
        notes: `median of ${ROUNDS} reads of the day rollups (${rows.length} rows out, 14,600 read) vs ${caseTimes.length} plain GROUP BYs over the cases; generating the cases and rollups in SQL took ${generatedSeconds.toFixed(1)} s`,
      },
    ];
  } finally {
    await database.close();
    await dropDatabase(adminUrl, name);
  }
}
