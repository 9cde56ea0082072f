/**
 * Camera bursts (schema/camera-bursts.ts): a detection joins the current burst of its camera,
 * category and place while the burst's last detection is within the window and its case is open;
 * otherwise the burst is retired and the report opens a new case whose statement also writes the
 * new burst (`cameraBurstInsertQuery`). The partial unique index on the current burst makes that
 * insert fail for the second of two detections opening one burst together: it then joins.
 */
import { and, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { preparedPerDatabase } from '../prepared.js';
import { cameraBursts } from '../schema/camera-bursts.js';
import { cases, terminalStatesSql } from '../schema/cases.js';
import type { WriteQuery } from './case-write.js';

export type CameraBurstRow = typeof cameraBursts.$inferSelect;

export interface BurstKey {
  city: string;
  cameraId: string;
  categoryCode: string;
  place: string;
}

export interface Detection extends BurstKey {
  at: Date;
  /** The detection's photo, already checked to be the city's. */
  mediaId: string | null;
  /** A detection later than this after the burst's last one starts a new case. */
  windowMs: number;
}

const keyIs = (key: BurstKey) =>
  and(
    eq(cameraBursts.city, key.city),
    eq(cameraBursts.cameraId, key.cameraId),
    eq(cameraBursts.categoryCode, key.categoryCode),
    eq(cameraBursts.place, key.place),
    eq(cameraBursts.current, true),
  );

const caseEnded = sql`exists (select 1 from ${cases} where ${cases.id} = ${cameraBursts.caseId} and ${inArray(cases.state, [...terminalStatesSql])})`;

/**
 * Counts the detection into the current burst of its key when that burst is within the window and
 * its case open; the burst after it, or null when there is none to join. Concurrent detections
 * queue on the burst's row, so none is lost from the count.
 */
export async function joinCameraBurst(db: DbOrTx, detection: Detection): Promise<CameraBurstRow | null> {
  const since = new Date(detection.at.getTime() - detection.windowMs);
  const [joined] = await db
    .update(cameraBursts)
    .set({
      detections: sql`${cameraBursts.detections} + 1`,
      lastAt: sql`greatest(${cameraBursts.lastAt}, ${detection.at}::timestamptz)`,
      latestMediaId: sql`coalesce(${detection.mediaId}::text, ${cameraBursts.latestMediaId})`,
    })
    .where(and(keyIs(detection), sql`${cameraBursts.lastAt} > ${since}`, sql`not ${caseEnded}`))
    .returning();
  return joined ?? null;
}

/** Retires the key's current burst if its window has passed or its case ended (a new case follows). */
export async function retireCameraBurst(db: DbOrTx, detection: Detection): Promise<void> {
  const since = new Date(detection.at.getTime() - detection.windowMs);
  await db
    .update(cameraBursts)
    .set({ current: false })
    .where(and(keyIs(detection), or(lte(cameraBursts.lastAt, since), caseEnded)));
}

/** The new case's burst, written in the report's own statement (it fails if one is current meanwhile). */
export function cameraBurstInsertQuery(detection: Detection): WriteQuery {
  return (caseWrite) => sql`
    insert into ${cameraBursts} (case_id, city, camera_id, category_code, place, detections, first_at, last_at, latest_media_id, current)
    select ${caseWrite.id}, ${detection.city}, ${detection.cameraId}, ${detection.categoryCode}, ${detection.place},
           1, ${detection.at}::timestamptz, ${detection.at}::timestamptz, ${detection.mediaId}::text, true
    where ${caseWrite.written}`;
}

/** Whether a report failed because another detection opened the same burst meanwhile. */
export function isTakenCameraBurst(error: unknown): boolean {
  const cause = databaseErrorOf(error);
  return cause?.code === '23505' && cause.constraint === 'camera_bursts_current_uq';
}

/** The burst a case was opened by, if a camera's detections opened it. */
export async function findCameraBurstOfCase(db: DbOrTx, caseId: string): Promise<CameraBurstRow | null> {
  const [row] = await burstOfCase(db).execute({ caseId });
  return row ?? null;
}

const burstOfCase = preparedPerDatabase((db) =>
  db
    .select()
    .from(cameraBursts)
    .where(eq(cameraBursts.caseId, sql.placeholder('caseId')))
    .prepare('urbangrid_camera_burst_of_case'),
);
