DROP INDEX "callbacks_answered_uq";--> statement-breakpoint
ALTER TABLE "callbacks" ADD COLUMN "caller_id" text;--> statement-breakpoint
ALTER TABLE "callbacks" ADD COLUMN "counted" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_caller_id_case_callers_id_fk" FOREIGN KEY ("caller_id") REFERENCES "public"."case_callers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_caller_answered_uq" ON "callbacks" USING btree ("case_id",coalesce("caller_id", '')) WHERE "callbacks"."outcome" <> 'unreachable';--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_answered_uq" ON "callbacks" USING btree ("case_id") WHERE "callbacks"."outcome" <> 'unreachable' and "callbacks"."counted";