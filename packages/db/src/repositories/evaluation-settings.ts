/**
 * A city's evaluation settings (evaluation_settings): versions, each effective from a local date.
 * The settings of a day are those of the newest version effective on it; a published day keeps
 * the version recorded with its publication (publications.ts).
 */
import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { evaluationSettings } from '../schema/reference.js';

export type EvaluationSettingsRow = typeof evaluationSettings.$inferSelect;

export async function listEvaluationSettings(db: DbOrTx, city: string): Promise<EvaluationSettingsRow[]> {
  return db
    .select()
    .from(evaluationSettings)
    .where(eq(evaluationSettings.city, city))
    .orderBy(desc(evaluationSettings.version));
}

/** The newest version of a city's settings (what an edit's If-Match names); null when none. */
export async function latestEvaluationSettings(
  db: DbOrTx,
  city: string,
): Promise<EvaluationSettingsRow | null> {
  const [row] = await db
    .select()
    .from(evaluationSettings)
    .where(eq(evaluationSettings.city, city))
    .orderBy(desc(evaluationSettings.version))
    .limit(1);
  return row ?? null;
}

/** The settings in effect on `day` (YYYY-MM-DD): the newest version effective by then; null: defaults. */
export async function effectiveEvaluationSettings(
  db: DbOrTx,
  city: string,
  day: string,
): Promise<EvaluationSettingsRow | null> {
  const [row] = await db
    .select()
    .from(evaluationSettings)
    .where(and(eq(evaluationSettings.city, city), lte(evaluationSettings.effectiveFrom, day)))
    .orderBy(desc(evaluationSettings.version))
    .limit(1);
  return row ?? null;
}

export async function findEvaluationSettings(
  db: DbOrTx,
  city: string,
  version: number,
): Promise<EvaluationSettingsRow | null> {
  const [row] = await db
    .select()
    .from(evaluationSettings)
    .where(and(eq(evaluationSettings.city, city), eq(evaluationSettings.version, version)))
    .limit(1);
  return row ?? null;
}

/** Inserts a version; null when the number is taken (a concurrent edit came first). */
export async function insertEvaluationSettings(
  db: DbOrTx,
  row: typeof evaluationSettings.$inferInsert,
): Promise<EvaluationSettingsRow | null> {
  const [created] = await db.insert(evaluationSettings).values(row).onConflictDoNothing().returning();
  return created ?? null;
}
