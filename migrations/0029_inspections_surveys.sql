CREATE TABLE "inspection_findings" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"case_id" text NOT NULL,
	"city" text NOT NULL,
	"checklist_item" text,
	"inspector" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "inspection_findings_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "inspection_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"cities" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"checklist" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"name" text NOT NULL,
	"questions" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"token_hash" text NOT NULL,
	"kind" text NOT NULL,
	"case_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"invitation_id" text NOT NULL,
	"city" text NOT NULL,
	"case_id" text,
	"district_code" text,
	"department_id" text,
	"category_code" text,
	"channel" text NOT NULL,
	"satisfaction" text NOT NULL,
	"answers" jsonb NOT NULL,
	"recorded_by" text,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_responses_invitation_id_unique" UNIQUE("invitation_id")
);
--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_round_id_inspection_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."inspection_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_findings" ADD CONSTRAINT "inspection_findings_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_campaigns" ADD CONSTRAINT "survey_campaigns_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_campaign_id_survey_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."survey_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_id_survey_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."survey_invitations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspection_findings_round_idx" ON "inspection_findings" USING btree ("round_id","city");--> statement-breakpoint
CREATE INDEX "inspection_findings_city_recorded_idx" ON "inspection_findings" USING btree ("city","recorded_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_campaign_idx" ON "survey_invitations" USING btree ("campaign_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_case_uq" ON "survey_invitations" USING btree ("campaign_id","case_id");--> statement-breakpoint
CREATE INDEX "survey_responses_city_answered_idx" ON "survey_responses" USING btree ("city","answered_at");