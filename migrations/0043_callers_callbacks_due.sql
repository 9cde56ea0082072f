-- Callbacks (回访) are owed to every caller who asked for one, not to the case's first answered call:
-- an attached caller keeps their own reached time, and the reporter's is their own call's.
ALTER TABLE "case_callers" ADD COLUMN "callback_reached_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "case_callers_callback_due_idx" ON "case_callers" USING btree ("case_id") WHERE "case_callers"."wants_callback" and "case_callers"."callback_reached_at" is null and "case_callers"."erased_at" is null;--> statement-breakpoint
UPDATE "case_callers" AS cc SET "callback_reached_at" = reached.at
FROM (
  SELECT "caller_id", min("at") AS at FROM "callbacks"
  WHERE "caller_id" IS NOT NULL AND "outcome" <> 'unreachable' GROUP BY "caller_id"
) AS reached
WHERE reached."caller_id" = cc."id";--> statement-breakpoint
-- A reporter who asked for a callback and whose case was marked answered by an attached caller's call
-- was never reached: due again. Until now an attached caller who asked set the case's wants_callback
-- too, so where one did, whether the reporter asked is not known and the case is left as it was.
UPDATE "cases" AS c SET "callback_answered_at" = NULL
WHERE c."callback_answered_at" IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM "callbacks" AS b
    WHERE b."case_id" = c."id" AND b."caller_id" IS NULL AND b."outcome" <> 'unreachable'
  )
  AND NOT EXISTS (SELECT 1 FROM "case_callers" AS cc WHERE cc."case_id" = c."id" AND cc."wants_callback");
