CREATE TABLE "phone_access_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"actor_username" text NOT NULL,
	"city" text NOT NULL,
	"district_code" text NOT NULL,
	"case_id" text NOT NULL,
	"case_no" text NOT NULL,
	"route" text NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE INDEX "phone_access_log_city_at_idx" ON "phone_access_log" USING btree ("city","at");--> statement-breakpoint
CREATE INDEX "phone_access_log_case_idx" ON "phone_access_log" USING btree ("case_id");--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON phone_access_log FROM urbangrid_app;