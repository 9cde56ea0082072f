/**
 * A city with years of history, made fast: the simulator's cases (reported and worked through the
 * real system) multiplied in SQL. Each copy `k` of a seed case gets new ids (`<id>~k`), a case
 * number of its own (its day's, not containing the seed's) and every instant moved back by `k × step`, with its events, tasks and notices
 * copied beside it (INSERT … SELECT over generate_series, the tables' secondary indexes dropped
 * while rows go in and built again after, asynchronous commit), and the day rollups added for the
 * days the copies fall on. Copies of ended seed cases are history; copies of open ones are kept
 * open for the newest few copies only, red (overdue), as a city has few open cases whatever its age.
 *
 * What is not faithful, by design: a copied event keeps the hash of its seed's event, so the copies'
 * hash chains do not verify (the bench reads, it never audits; `npm run audit:verify` on such a
 * database reports every copy); the outbox, webhook deliveries and idempotency keys are not copied
 * (history no read of the console touches); old read notices are kept (as if the nightly pruning
 * had not run yet, the worst case for the bell); and the callbacks of copies older than the newest
 * two are answered (satisfied a day after the case ended), as a hotline keeps up with them.
 */
import type pg from 'pg';

/** Copies of open seed cases (kept open and red): the city's overdue backlog. */
const openCopies = 10;

/**
 * Reports `n` hotline cases that stay open (nobody works them): the seed's open cases, whose newest
 * copies make the city's overdue backlog. Each is a copy of an ended seed case's category and place.
 */
export async function reportOpenCases(
  client: pg.ClientBase,
  baseUrl: string,
  token: string,
  n: number,
): Promise<void> {
  const { rows } = await client.query<{
    category_code: string;
    lat: number;
    lng: number;
    description: string;
  }>('select category_code, lat, lng, description from cases order by created_at desc limit $1', [n]);
  for (const [index, row] of rows.entries()) {
    const response = await fetch(`${baseUrl}/api/intake/reports`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': `scale-open-${index}`,
      },
      body: JSON.stringify({
        source: 'hotline',
        categoryCode: row.category_code,
        description: `${row.description} (open)`,
        location: { lat: row.lat, lng: row.lng },
        reporter: { name: '市民', phone: `1390000${String(index).padStart(4, '0')}` },
        wantsCallback: index % 3 === 0,
      }),
    });
    if (response.status !== 201)
      throw new Error(`open report answered ${response.status}: ${await response.text()}`);
  }
}

export interface ScaleSeed {
  /** Seed cases (the simulator's). */
  cases: number;
  /** Of them, ended (closed, rejected, cancelled): what each copy beyond `openCopies` repeats. */
  ended: number;
}

/** Marks the simulator's cases as the seed (once) and says how many there are. */
export async function markSeed(client: pg.ClientBase): Promise<ScaleSeed> {
  await client.query(`
    create table if not exists scale_seed as
      select id, state in ('closed', 'rejected', 'cancelled') as ended from cases`);
  const { rows } = await client.query<{ cases: string; ended: string }>(
    'select count(*) as cases, count(*) filter (where ended) as ended from scale_seed',
  );
  return { cases: Number(rows[0]?.cases ?? 0), ended: Number(rows[0]?.ended ?? 0) };
}

/** Copies needed for `target` cases in all. */
export function copiesFor(seed: ScaleSeed, target: number): number {
  if (seed.ended === 0) throw new Error('the seed has no ended case to multiply');
  const open = seed.cases - seed.ended;
  return Math.max(0, Math.ceil((target - seed.cases - open * openCopies) / seed.ended));
}

interface Column {
  name: string;
  type: string;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<Column[]> {
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    `select column_name, data_type from information_schema.columns
     where table_schema = 'public' and table_name = $1 order by ordinal_position`,
    [table],
  );
  return rows.map((row) => ({ name: row.column_name, type: row.data_type }));
}

/** The copy's value of each column: named overrides, instants moved back, the rest as the seed's. */
function copyExpressions(columns: readonly Column[], overrides: Record<string, string>): string {
  return columns
    .map(({ name, type }) => {
      const override = overrides[name];
      if (override !== undefined) return override;
      if (type === 'timestamp with time zone') return `s.${name} - shift`;
      return `s.${name}`;
    })
    .join(', ');
}

const copyId = (column: string) => `s.${column} || '~' || k`;

/**
 * A copy's case number in the system's shape (the local day it was reported, then a number), not
 * containing its seed's: a search by number finds one case, as it would in a real city.
 */
const copyCaseNo = (seedCase: string) =>
  `to_char((${seedCase}.created_at - shift) at time zone 'Asia/Shanghai', 'YYYYMMDD') || lpad((k::bigint * 100000 + right(${seedCase}.case_no, 5)::int)::text, 9, '0')`;

/** Secondary indexes (not backing a constraint) of the tables, as their definitions. */
async function secondaryIndexes(client: pg.ClientBase, tables: readonly string[]) {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [tables],
  );
  return rows;
}

const grownTables = ['cases', 'case_events', 'tasks', 'notices', 'callbacks'];

/**
 * Adds copies `from`..`to` (inclusive) of the seed, `stepSeconds` apart in time, then rebuilds the
 * indexes and refreshes the planner's statistics and visibility maps (VACUUM ANALYZE).
 */
export async function addCopies(
  client: pg.ClientBase,
  options: { from: number; to: number; stepSeconds: number; batch?: number },
): Promise<void> {
  if (options.to < options.from) return;
  await client.query('set synchronous_commit = off');
  await client.query(`set maintenance_work_mem = '256MB'`);
  // The months the copies reach back to get partitions of their own (else the DEFAULT one takes them).
  await client.query(`
    select urbangrid_add_month_partition(m::date) from generate_series(
      date_trunc('month', now() - interval '${options.to * options.stepSeconds} seconds' - interval '1 month'),
      date_trunc('month', now()), interval '1 month') as m`);
  const indexes = await secondaryIndexes(client, grownTables);
  for (const index of indexes) await client.query(`drop index if exists "${index.name}"`);
  try {
    const caseColumns = await columnsOf(client, 'cases');
    const eventColumns = await columnsOf(client, 'case_events');
    const taskColumns = await columnsOf(client, 'tasks');
    const noticeColumns = await columnsOf(client, 'notices');
    const batch = options.batch ?? 50;
    for (let first = options.from; first <= options.to; first += batch) {
      const last = Math.min(options.to, first + batch - 1);
      const copies = `generate_series(${first}, ${last}) as k, lateral (select k * interval '${options.stepSeconds} seconds' as shift) as moved`;
      const kept = `(x.ended or k <= ${openCopies})`;
      await client.query(`
        insert into cases (${caseColumns.map((c) => c.name).join(', ')})
        select ${copyExpressions(caseColumns, {
          id: copyId('id'),
          case_no: copyCaseNo('s'),
          duplicate_of: copyId('duplicate_of'),
          light: `case when x.ended then s.light else 'red' end`,
          callback_answered_at: `case when s.wants_callback and x.ended and k > 2 then s.updated_at - shift + interval '1 day' else s.callback_answered_at end`,
        })}
        from cases s join scale_seed x on x.id = s.id, ${copies} where ${kept}`);
      await client.query(`
        insert into case_events (${eventColumns.map((c) => c.name).join(', ')})
        select ${copyExpressions(eventColumns, { id: copyId('id'), case_id: copyId('case_id') })}
        from case_events s join scale_seed x on x.id = s.case_id, ${copies} where ${kept}`);
      await client.query(`
        insert into tasks (${taskColumns.map((c) => c.name).join(', ')})
        select ${copyExpressions(taskColumns, { id: copyId('id'), case_id: copyId('case_id') })}
        from tasks s join scale_seed x on x.id = s.case_id, ${copies} where ${kept}`);
      // Most copied notices were read an hour after they came; one copy in twenty never was.
      await client.query(`
        insert into notices (${noticeColumns.map((c) => c.name).join(', ')})
        select ${copyExpressions(noticeColumns, {
          id: copyId('id'),
          case_id: copyId('case_id'),
          case_no: copyCaseNo('seed'),
          read_at: `case when k % 20 = 0 then null else s.at - shift + interval '1 hour' end`,
        })}
        from notices s join scale_seed x on x.id = s.case_id join cases seed on seed.id = s.case_id, ${copies}
        where ${kept}`);
      await client.query(`
        insert into callbacks (id, case_id, city, outcome, note, called_by, at)
        select 'cb-' || c.id, c.id, c.city, 'satisfied', null, 'operator1', c.callback_answered_at
        from cases s join scale_seed x on x.id = s.id, ${copies}, cases c
        where c.id = s.id || '~' || k and x.ended and s.wants_callback and c.callback_answered_at is not null`);
      await addRollupCopies(client, first, last, options.stepSeconds);
    }
  } finally {
    // A partitioned table's index reads `ON ONLY` (this table, not its months): built again on all.
    for (const index of indexes) await client.query(index.definition.replace(' ON ONLY ', ' ON '));
  }
  for (const table of [...grownTables, 'report_rollups']) await client.query(`vacuum analyze ${table}`);
}

/** The seed's day rollups again for each copy, on the day moved back (days that meet are summed). */
async function addRollupCopies(client: pg.ClientBase, first: number, last: number, stepSeconds: number) {
  const metrics = (await columnsOf(client, 'report_rollups'))
    .map((c) => c.name)
    .filter((name) => !['city', 'day', 'dimension', 'key'].includes(name));
  await client.query(`
    create table if not exists scale_seed_rollups as select * from report_rollups`);
  await client.query(`
    insert into report_rollups (city, day, dimension, key, ${metrics.join(', ')})
    select city, (day - (k::bigint * ${stepSeconds} / 86400)::int) as moved_day, dimension, key,
      ${metrics.map((m) => `sum(${m})`).join(', ')}
    from scale_seed_rollups, generate_series(${first}, ${last}) as k
    group by city, moved_day, dimension, key
    on conflict (city, dimension, day, key) do update set
      ${metrics.map((m) => `${m} = report_rollups.${m} + excluded.${m}`).join(', ')}`);
}

/** Rows of the grown tables (estimates from the statistics, which VACUUM ANALYZE just refreshed). */
export async function tableSizes(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<{ relname: string; n: string }>(
    `select relname, reltuples::bigint as n from pg_class where relname = any($1)`,
    [[...grownTables, 'report_rollups']],
  );
  return Object.fromEntries(rows.map((row) => [row.relname, Number(row.n)]));
}
