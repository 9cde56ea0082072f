CREATE TABLE "police110_updates" (
	"city" text NOT NULL,
	"update_id" text NOT NULL,
	"case_id" text NOT NULL,
	"reference" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"api_key_id" text NOT NULL,
	CONSTRAINT "police110_updates_city_update_id_pk" PRIMARY KEY("city","update_id")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "signing_secret_sealed" text;--> statement-breakpoint
ALTER TABLE "webhook_subscriptions" ADD COLUMN "integration" text;--> statement-breakpoint
ALTER TABLE "police110_updates" ADD CONSTRAINT "police110_updates_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "police110_updates_case_idx" ON "police110_updates" USING btree ("case_id","occurred_at");