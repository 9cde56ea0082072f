CREATE TABLE "callbacks" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"city" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"called_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callbacks_case_idx" ON "callbacks" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_answered_uq" ON "callbacks" USING btree ("case_id") WHERE "callbacks"."outcome" <> 'unreachable';