CREATE TABLE "camera_bursts" (
	"case_id" text PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"camera_id" text NOT NULL,
	"category_code" text NOT NULL,
	"place" text NOT NULL,
	"detections" integer DEFAULT 1 NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"latest_media_id" text,
	"current" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "camera_bursts_current_uq" ON "camera_bursts" USING btree ("city","camera_id","category_code","place") WHERE "camera_bursts"."current";