-- The event log (case_events) and the outbox, partitioned by month (declarative partitioning), so a
-- city's years of history cost an index per month instead of one that grows for ever, and an old
-- month can be detached and archived (README "Partitions"). case_events by the month of `at` (UTC);
-- the outbox by `created_month`, the UTC month it was written in, which its job-id key holds too.
-- Existing rows move into their months' partitions; what falls outside any month made here lands in
-- the DEFAULT partition. urbangrid_add_month_partitions() (SECURITY DEFINER: the app may call it,
-- not create tables) makes the coming months; every process calls it at start and once a day.

-- 1. The old tables step aside, their constraints and indexes renamed out of the way.
ALTER TABLE "case_events" RENAME TO "case_events_unpartitioned";--> statement-breakpoint
ALTER TABLE "case_events_unpartitioned" RENAME CONSTRAINT "case_events_pkey" TO "case_events_unpartitioned_pkey";--> statement-breakpoint
ALTER INDEX "case_events_case_seq_uq" RENAME TO "case_events_unpartitioned_case_seq_uq";--> statement-breakpoint
ALTER INDEX "case_events_at_idx" RENAME TO "case_events_unpartitioned_at_idx";--> statement-breakpoint
ALTER TABLE "outbox" RENAME TO "outbox_unpartitioned";--> statement-breakpoint
ALTER TABLE "outbox_unpartitioned" RENAME CONSTRAINT "outbox_pkey" TO "outbox_unpartitioned_pkey";--> statement-breakpoint
ALTER TABLE "outbox_unpartitioned" RENAME CONSTRAINT "outbox_job_id_unique" TO "outbox_unpartitioned_job_id_unique";--> statement-breakpoint
ALTER INDEX "outbox_pending_idx" RENAME TO "outbox_unpartitioned_pending_idx";--> statement-breakpoint
ALTER INDEX "outbox_case_idx" RENAME TO "outbox_unpartitioned_case_idx";--> statement-breakpoint
-- The ids go on from where they were: the sequence outlives the old table.
ALTER SEQUENCE "outbox_id_seq" OWNED BY NONE;--> statement-breakpoint

-- 2. The partitioned tables, with the same columns.
CREATE TABLE "case_events" (LIKE "case_events_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("at");--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_id_at_pk" PRIMARY KEY ("id", "at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_events_case_seq_uq" ON "case_events" USING btree ("case_id", "seq", "at");--> statement-breakpoint
CREATE INDEX "case_events_at_idx" ON "case_events" USING btree ("city", "at");--> statement-breakpoint
CREATE TABLE "case_events_default" PARTITION OF "case_events" DEFAULT;--> statement-breakpoint

CREATE TABLE "outbox" (
  LIKE "outbox_unpartitioned" INCLUDING DEFAULTS,
  "created_month" date DEFAULT (date_trunc('month', now() at time zone 'UTC'))::date NOT NULL
) PARTITION BY RANGE ("created_month");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_id_created_month_pk" PRIMARY KEY ("id", "created_month");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_job_id_month_uq" ON "outbox" USING btree ("job_id", "created_month");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("available_at") WHERE relayed_at is null;--> statement-breakpoint
CREATE INDEX "outbox_case_idx" ON "outbox" USING btree ("case_id");--> statement-breakpoint
CREATE TABLE "outbox_default" PARTITION OF "outbox" DEFAULT;--> statement-breakpoint
ALTER SEQUENCE "outbox_id_seq" OWNED BY "outbox"."id";--> statement-breakpoint

-- 3. The months: made by the owner; the app's role may read and add events but never change or
-- remove one, in the parent or in any partition.
CREATE OR REPLACE FUNCTION urbangrid_add_month_partition(first_day date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  made integer := 0;
  events_name text := format('case_events_%s', to_char(first_day, 'YYYY_MM'));
  outbox_name text := format('outbox_%s', to_char(first_day, 'YYYY_MM'));
  from_instant timestamptz := first_day::timestamp AT TIME ZONE 'UTC';
  to_instant timestamptz := (first_day + interval '1 month')::timestamp AT TIME ZONE 'UTC';
BEGIN
  -- A month whose rows are in the DEFAULT partition already stays there (attaching it would fail).
  IF to_regclass(events_name) IS NULL
     AND NOT EXISTS (SELECT 1 FROM case_events_default WHERE at >= from_instant AND at < to_instant) THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF case_events FOR VALUES FROM (%L) TO (%L)',
                   events_name, from_instant, to_instant);
    made := made + 1;
  END IF;
  IF to_regclass(outbox_name) IS NULL
     AND NOT EXISTS (SELECT 1 FROM outbox_default WHERE created_month = first_day) THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF outbox FOR VALUES FROM (%L) TO (%L)',
                   outbox_name, first_day, (first_day + interval '1 month')::date);
    made := made + 1;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'urbangrid_app') THEN
    EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON case_events_default FROM urbangrid_app';
    IF to_regclass(events_name) IS NOT NULL THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM urbangrid_app', events_name);
    END IF;
  END IF;
  RETURN made;
END
$$;--> statement-breakpoint

-- This month and the next `months_ahead`: what every process calls at start and once a day.
CREATE OR REPLACE FUNCTION urbangrid_add_month_partitions(months_ahead integer DEFAULT 3) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  made integer := 0;
  this_month date := date_trunc('month', now() at time zone 'UTC')::date;
BEGIN
  FOR i IN 0..months_ahead LOOP
    made := made + urbangrid_add_month_partition((this_month + make_interval(months => i))::date);
  END LOOP;
  RETURN made;
END
$$;--> statement-breakpoint

-- 4. The months the existing rows fall in, then the rows.
DO $$
DECLARE
  first_day date;
BEGIN
  FOR first_day IN
    SELECT DISTINCT date_trunc('month', at at time zone 'UTC')::date FROM case_events_unpartitioned
    UNION
    SELECT DISTINCT date_trunc('month', created_at at time zone 'UTC')::date FROM outbox_unpartitioned
  LOOP
    PERFORM urbangrid_add_month_partition(first_day);
  END LOOP;
  PERFORM urbangrid_add_month_partitions(3);
END
$$;--> statement-breakpoint
INSERT INTO "case_events" SELECT * FROM "case_events_unpartitioned";--> statement-breakpoint
INSERT INTO "outbox" SELECT o.*, date_trunc('month', o.created_at at time zone 'UTC')::date FROM "outbox_unpartitioned" o;--> statement-breakpoint
DROP TABLE "case_events_unpartitioned";--> statement-breakpoint
DROP TABLE "outbox_unpartitioned";--> statement-breakpoint

-- 5. The history stays append-only (0002) and out of the app's reach (0011).
CREATE TRIGGER case_events_append_only
  BEFORE UPDATE OR DELETE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_events_refuse_change();--> statement-breakpoint
CREATE TRIGGER case_events_no_truncate
  BEFORE TRUNCATE ON case_events
  FOR EACH STATEMENT EXECUTE FUNCTION case_events_refuse_change();--> statement-breakpoint
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'urbangrid_app') THEN
    GRANT SELECT, INSERT ON case_events TO urbangrid_app;
    REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM urbangrid_app;
    GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO urbangrid_app;
    GRANT EXECUTE ON FUNCTION urbangrid_add_month_partitions(integer) TO urbangrid_app;
  END IF;
END
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION urbangrid_add_month_partition(date) FROM PUBLIC;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION urbangrid_add_month_partitions(integer) FROM PUBLIC;
