import { sql } from 'drizzle-orm';
import { boolean, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * Camera bursts (视频智能识别): a video-analytics feed reports the same detection over and over
 * while the problem is in view. Detections of one camera, category and place (the H3 cell the
 * duplicate suggestions use) within the window make one case: its row counts them and keeps the
 * latest photo. At most one burst of a key is `current` (the partial unique index): two
 * detections arriving together cannot both open a case, the second joins the first's.
 */
export const cameraBursts = pgTable(
  'camera_bursts',
  {
    caseId: text('case_id').primaryKey(),
    city: text('city').notNull(),
    cameraId: text('camera_id').notNull(),
    categoryCode: text('category_code').notNull(),
    /** H3 cell of the detections' point (packages/geo proximityCell). */
    place: text('place').notNull(),
    detections: integer('detections').notNull().default(1),
    firstAt: ts('first_at').notNull(),
    lastAt: ts('last_at').notNull(),
    /** The photo of the latest detection that sent one. */
    latestMediaId: text('latest_media_id'),
    /** Still collecting: false once the window passed without a detection or the case ended. */
    current: boolean('current').notNull().default(true),
  },
  (t) => [
    uniqueIndex('camera_bursts_current_uq')
      .on(t.city, t.cameraId, t.categoryCode, t.place)
      .where(sql`${t.current}`),
  ],
);
