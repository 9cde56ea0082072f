CREATE TABLE "category_questions" (
	"category_code" text NOT NULL,
	"city" text NOT NULL,
	"questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "category_questions_category_code_city_pk" PRIMARY KEY("category_code","city")
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "category_questions" ADD CONSTRAINT "category_questions_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "category_questions" ADD CONSTRAINT "category_questions_city_cities_code_fk" FOREIGN KEY ("city") REFERENCES "public"."cities"("code") ON DELETE no action ON UPDATE no action;