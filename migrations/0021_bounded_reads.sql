CREATE TABLE "notice_unread_counts" (
	"recipient" text PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX "cases_created_idx";--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "callback_answered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "cases_open_overdue_idx" ON "cases" USING btree ("city","created_at","id") WHERE "cases"."light" = 'red' and "cases"."state" not in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "cases_callbacks_due_idx" ON "cases" USING btree ("city","updated_at","id") WHERE "cases"."wants_callback" and "cases"."callback_answered_at" is null and "cases"."state" in ('closed', 'rejected', 'cancelled');--> statement-breakpoint
CREATE INDEX "notices_unread_idx" ON "notices" USING btree ("recipient","at") WHERE "notices"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notices_read_at_idx" ON "notices" USING btree ("read_at") WHERE "notices"."read_at" is not null;--> statement-breakpoint
CREATE INDEX "cases_created_idx" ON "cases" USING btree ("city","created_at","id");--> statement-breakpoint
-- Callbacks already answered mark their case (the partial index above then leaves it out).
UPDATE "cases" SET "callback_answered_at" = "answered"."at"
FROM (SELECT "case_id", min("at") AS "at" FROM "callbacks" WHERE "outcome" <> 'unreachable' GROUP BY "case_id") AS "answered"
WHERE "answered"."case_id" = "cases"."id";--> statement-breakpoint
-- The bell's count kept beside the notices: statement triggers add each statement's change per
-- recipient (unread rows in, minus unread rows out), in the writer's own transaction. Recipients
-- are taken in order so two statements touching the same people cannot deadlock.
CREATE FUNCTION "notice_unread_counts_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO notice_unread_counts AS kept (recipient, unread)
      SELECT recipient, count(*) FROM new_rows WHERE read_at IS NULL GROUP BY recipient ORDER BY recipient
      ON CONFLICT (recipient) DO UPDATE SET unread = kept.unread + excluded.unread;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO notice_unread_counts AS kept (recipient, unread)
      SELECT recipient, sum(change) FROM (
        SELECT recipient, 1 AS change FROM new_rows WHERE read_at IS NULL
        UNION ALL
        SELECT recipient, -1 FROM old_rows WHERE read_at IS NULL
      ) AS changes GROUP BY recipient HAVING sum(change) <> 0 ORDER BY recipient
      ON CONFLICT (recipient) DO UPDATE SET unread = kept.unread + excluded.unread;
  ELSE
    INSERT INTO notice_unread_counts AS kept (recipient, unread)
      SELECT recipient, -count(*) FROM old_rows WHERE read_at IS NULL GROUP BY recipient ORDER BY recipient
      ON CONFLICT (recipient) DO UPDATE SET unread = kept.unread + excluded.unread;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "notices_unread_on_insert" AFTER INSERT ON "notices" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notice_unread_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "notices_unread_on_update" AFTER UPDATE ON "notices" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notice_unread_counts_apply"();--> statement-breakpoint
CREATE TRIGGER "notices_unread_on_delete" AFTER DELETE ON "notices" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "notice_unread_counts_apply"();--> statement-breakpoint
INSERT INTO "notice_unread_counts" ("recipient", "unread")
  SELECT "recipient", count(*) FROM "notices" WHERE "read_at" IS NULL GROUP BY "recipient";
