CREATE TABLE "notices" (
	"id" text NOT NULL,
	"recipient" text NOT NULL,
	"city" text NOT NULL,
	"case_id" text NOT NULL,
	"case_no" text NOT NULL,
	"audience" text NOT NULL,
	"event" text NOT NULL,
	"department_id" text,
	"at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notices_id_recipient_pk" PRIMARY KEY("id","recipient")
);
--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notices_recipient_at_idx" ON "notices" USING btree ("recipient","at");