/**
 * A full recount of the report rollups from the cases and their event log, in one SQL statement:
 * the slow, independent second opinion on what the engine's commands counted (property test,
 * published-snapshot checks). It re-derives, per event, what the case looked like just before it —
 * the stage light (reset by a stage change or an approved extension, red after a red timer), the
 * department, the assigned officer, the category — with window functions over the history.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import {
  type AnyRollupDimension,
  officerGridsDimension,
  officerGridsMetrics,
  type RollupCounts,
  rollupMetrics,
} from './rollups.js';

export interface RecountRow extends RollupCounts {
  day: string;
  dimension: AnyRollupDimension;
  key: string;
}

const stageOf = (state: string) =>
  sql.raw(`(case ${state}
  when 'reported' then 'verify' when 'verifying' then 'verify' when 'verified' then 'file'
  when 'filed' then 'dispatch' when 'dispatched' then 'handle' when 'handling' then 'handle'
  when 'suspended' then 'handle' when 'handled' then 'check' when 'reviewing' then 'check'
  when 'reviewed' then 'close' else null end)`);

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Recounted rollup rows (only rows with some count) of a city over an inclusive range of local days.
 * The officers' grids go to the officers who held each event's grid at its time
 * (officer_grid_holdings), as the kept rollup counted it then: a handed-over grid's past stays with
 * the one who held it.
 */
export async function recountRollups(
  db: DbOrTx,
  query: { city: string; fromDay: string; toDay: string },
): Promise<RecountRow[]> {
  const sums = sql.raw(rollupMetrics.map((m) => `coalesce(sum(${snake(m)}), 0)::int as "${m}"`).join(', '));
  const metricColumns = sql.raw(rollupMetrics.map(snake).join(', '));
  const officerGridsColumns = sql.raw(
    rollupMetrics
      .map((m) => ((officerGridsMetrics as readonly string[]).includes(m) ? snake(m) : `0 as ${snake(m)}`))
      .join(', '),
  );
  const anyCount = sql.raw(rollupMetrics.map((m) => `coalesce(sum(${snake(m)}), 0)`).join(' + '));
  const result = await db.execute<Record<string, unknown>>(sql`
with ev as (
  select e.case_id, e.seq, e.at, e.command, e.from_state, e.to_state, e.data,
         case when e.actor_role in ('integration', 'system') then null else e.actor_name end as staff,
         (e.at at time zone ci.time_zone)::date::text as day,
         c.source, c.reporter_username, c.district_code, c.street_code, c.grid_code, c.closure_type,
         coalesce((select f.data->'categoryChange'->>'from' from case_events f
                   where f.case_id = c.id and f.data ? 'categoryChange' order by f.seq limit 1),
                  c.category_code) as first_category
  from case_events e
  join cases c on c.id = e.case_id
  join cities ci on ci.code = c.city
  where c.city = ${query.city}
), marked as (
  select ev.*,
    case when command = 'decideExtension' and (data->>'approve')::boolean then 1
         when to_state in ('closed', 'rejected', 'cancelled') then 0
         when from_state is null or ${stageOf('from_state')} <> ${stageOf('to_state')} then 1 else 0 end as is_reset,
    (command = 'markOverdue' and data->>'light' = 'red')::int as is_red,
    (command in ('assignVerification', 'startReview', 'reassign', 'verify', 'check')
      or to_state in ('closed', 'rejected', 'cancelled'))::int as assignee_change,
    (command in ('dispatch', 'return'))::int as department_change,
    (data ? 'categoryChange')::int as category_change
  from ev
), grouped as (
  select marked.*,
    sum(is_reset) over w - is_reset as resets_before,
    sum(assignee_change) over w as assignee_group,
    sum(department_change) over w as department_group,
    sum(category_change) over w as category_group,
    sum((command = 'dispatch')::int) over w as dispatch_group,
    sum((command = 'file')::int) over w as file_group
  from marked window w as (partition by case_id order by seq)
), state_of as (
  select grouped.*,
    coalesce(sum(is_red) over (partition by case_id, resets_before order by seq
      rows between unbounded preceding and 1 preceding), 0) as reds_before,
    first_value(case when command in ('assignVerification', 'startReview', 'reassign') then data->>'assignee' end)
      over (partition by case_id, assignee_group order by seq) as assignee_after,
    first_value(case when command = 'dispatch' then data->>'departmentId' end)
      over (partition by case_id, department_group order by seq) as department_after,
    first_value(case when category_group > 0 then data->'categoryChange'->>'to' end)
      over (partition by case_id, category_group order by seq) as category_after,
    first_value(case when command = 'dispatch' then staff end)
      over (partition by case_id, dispatch_group order by seq) as dispatched_by,
    first_value(case when command = 'file' then staff end)
      over (partition by case_id, file_group order by seq) as filed_by
  from grouped
), facts as (
  select state_of.*,
    lag(assignee_after) over w as assignee_before,
    lag(department_after) over w as department_before,
    (reds_before = 0)::int as on_time,
    -- A red timer raises the count only when the light was not red yet.
    (is_red = 1 and reds_before = 0)::int as overdue_now,
    ${stageOf('from_state')} as stage_before,
    (command = 'file' or (command = 'report' and to_state = 'reviewed'))::int as filed_now,
    (file_group > 0) as was_filed,
    -- The first hand-over of a verification or check: by the stage worker, or by the shift lead (改派)
    -- when the worker found nobody.
    (command = 'assignVerification' or (command = 'reassign' and from_state = 'reported'))::int
      as verification_dispatch_now,
    (command = 'startReview' or (command = 'reassign' and from_state = 'handled'))::int as check_dispatch_now
  from state_of window w as (partition by case_id order by seq)
), counted as (
  select day, at, case_id, seq,
    coalesce(department_after, department_before) as department_key,
    district_code, street_code, grid_code,
    coalesce(category_after, first_category) as category_key,
    coalesce(assignee_after, assignee_before, case when source = 'officer' then reporter_username end) as officer_key,
    (command = 'report')::int as received,
    (command = 'dispatch')::int as dispatched,
    (command = 'complete')::int as handled,
    (command = 'complete')::int * on_time as handled_on_time,
    overdue_now as overdue,
    (command = 'check' and not (data->>'fixed')::boolean)::int as reworks,
    (command = 'decideExtension' and (data->>'approve')::boolean)::int as extensions,
    (command = 'return')::int as returns,
    (to_state = 'closed')::int as closed,
    (to_state = 'closed' and closure_type = 'on_time')::int as closed_on_time,
    filed_now as filed,
    filed_now * (source <> 'officer')::int as public_filed,
    (command = 'file')::int * on_time as filed_on_time,
    (command = 'verify')::int as verifications,
    (command = 'verify')::int * on_time as verifications_on_time,
    (command = 'check')::int as checks,
    (command = 'check')::int * on_time as checks_on_time,
    overdue_now * (stage_before is not distinct from 'handle')::int as handling_overdue,
    (command = 'dispatch')::int * on_time as dispatched_on_time,
    (to_state = 'closed')::int * on_time as closings_on_time,
    0 as registered, 0 as verification_dispatches, 0 as verification_dispatches_on_time,
    0 as check_dispatches, 0 as check_dispatches_on_time, 0 as filed_then_cancelled, 0 as dispatch_errors
  from facts
), staffed as (
  select day,
    case
      when command = 'report' and source <> 'officer' then staff
      when verification_dispatch_now + check_dispatch_now > 0 and source <> 'officer' then reporter_username
      when command in ('file', 'close', 'dispatch') then staff
      when command = 'return' then dispatched_by
      when command = 'cancel' and was_filed then filed_by
    end as key,
    0 as received,
    (command = 'dispatch')::int as dispatched,
    0 as handled, 0 as handled_on_time, 0 as overdue, 0 as reworks, 0 as extensions, 0 as returns,
    (command = 'close')::int as closed, 0 as closed_on_time,
    (command = 'file')::int as filed, 0 as public_filed,
    (command = 'file')::int * on_time as filed_on_time,
    0 as verifications, 0 as verifications_on_time, 0 as checks, 0 as checks_on_time,
    0 as handling_overdue,
    (command = 'dispatch')::int * on_time as dispatched_on_time,
    (command = 'close')::int * on_time as closings_on_time,
    (command = 'report')::int as registered,
    verification_dispatch_now as verification_dispatches,
    verification_dispatch_now * on_time as verification_dispatches_on_time,
    check_dispatch_now as check_dispatches,
    check_dispatch_now * on_time as check_dispatches_on_time,
    (command = 'cancel')::int as filed_then_cancelled,
    (command = 'return')::int as dispatch_errors
  from facts
), keyed as (
  select day, d.dimension, d.key, ${metricColumns}
  from counted
  cross join lateral (values
    ('department', department_key), ('district', district_code), ('street', street_code),
    ('grid', grid_code), ('category', category_key), ('officer', officer_key)
  ) as d(dimension, key)
  where d.key is not null
  union all
  select day, 'staff', key, ${metricColumns}
  from staffed
  where key is not null
  union all
  -- The officers of the case's grid: those holding it at the event's time.
  select day, ${officerGridsDimension}, u.username, ${officerGridsColumns}
  from counted
  join officer_grid_holdings h on h.grid_code = counted.grid_code
    and (h.held_from is null or counted.at >= h.held_from)
    and (h.held_until is null or counted.at < h.held_until)
  join users u on u.id = h.officer_id
)
select day, dimension, key, ${sums}
from keyed
where day between ${query.fromDay} and ${query.toDay}
group by day, dimension, key
having ${anyCount} > 0
order by day, dimension, key`);
  return result.rows.map((row) => row as unknown as RecountRow);
}
