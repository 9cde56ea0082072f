/**
 * The retention of reporters' personal data (个人信息保存期限): once a case has ended (closed,
 * rejected or cancelled) longer ago than the retention period, its reporter's name, phone (cipher
 * text and blind index), email, the hotline's call id, phone numbers written into the description, the
 * notes of the callbacks (回访), the free texts of their survey answers (民意调查: the reporter's
 * own words; ratings and yes/no answers stay, so the satisfaction rates do not move) and everything
 * of the callers attached to the case (附加来电: name, phone, email, their words, their call id)
 * are erased, and `cases.reporter_erased_at` says when. The case, its
 * event history (which never holds reporter data), its counters and rollups stay as they were; the
 * version and the chain head are not touched, so the history still verifies.
 *
 * A rejected duplicate (重复上报) keeps its reporter's data until its original has ended as long
 * ago too: its reporter follows the original's outcome.
 */
import { and, asc, eq, exists, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { callbacks } from '../schema/callbacks.js';
import { caseCallers } from '../schema/case-callers.js';
import { caseEndedAt, cases, reporterDataKeptCondition } from '../schema/cases.js';
import { surveyResponses } from '../schema/surveys.js';

export interface ReporterErasureBatch {
  /** Cases that ended before this instant have their reporter's data erased. */
  endedBefore: Date;
  /** Written to `reporter_erased_at`. */
  at: Date;
  /** Cases per transaction. */
  limit: number;
  /** The description with the phone numbers in it redacted (the platform's rule for text). */
  redactDescription: (description: string) => string;
}

/**
 * Erases the reporter's data of up to `limit` due cases in one transaction and answers how many.
 * Rows another run holds are skipped (SKIP LOCKED), and an erased case is no longer due, so runs
 * may overlap and a run may be repeated: each case is erased once.
 */
export async function eraseReporterDataBatch(db: Db, batch: ReporterErasureBatch): Promise<number> {
  return db.transaction(async (tx) => {
    const original = alias(cases, 'original');
    const endedBefore = (t: typeof cases | typeof original) => lt(caseEndedAt(t), batch.endedBefore);
    const rows = await tx
      .select({ id: cases.id, description: cases.description })
      .from(cases)
      .where(
        and(
          reporterDataKeptCondition(cases),
          endedBefore(cases),
          or(
            isNull(cases.duplicateOf),
            exists(
              tx
                .select({ one: sql`1` })
                .from(original)
                .where(and(eq(original.id, cases.duplicateOf), endedBefore(original))),
            ),
          ),
        ),
      )
      .orderBy(asc(caseEndedAt(cases)), asc(cases.id))
      .limit(batch.limit)
      .for('update', { of: cases, skipLocked: true });
    if (rows.length === 0) return 0;
    const ids = rows.map((row) => row.id);
    await tx
      .update(cases)
      .set({
        reporterName: null,
        reporterPhoneEnc: null,
        reporterPhoneHash: null,
        reporterEmailEnc: null,
        callId: null,
        reporterErasedAt: batch.at,
      })
      .where(inArray(cases.id, ids));
    for (const row of rows) {
      const redacted = batch.redactDescription(row.description);
      if (redacted !== row.description) {
        await tx.update(cases).set({ description: redacted }).where(eq(cases.id, row.id));
      }
    }
    await tx
      .update(caseCallers)
      .set({
        name: null,
        phoneEnc: null,
        phoneHash: null,
        emailEnc: null,
        description: null,
        callId: null,
        erasedAt: batch.at,
      })
      .where(and(inArray(caseCallers.caseId, ids), isNull(caseCallers.erasedAt)));
    await tx
      .update(callbacks)
      .set({ note: null })
      .where(and(inArray(callbacks.caseId, ids), isNotNull(callbacks.note)));
    // A text answer is the only string in `answers` (ratings are numbers, yes/no booleans).
    const texts = sql`(select 1 from jsonb_each(${surveyResponses.answers}) where jsonb_typeof(value) = 'string')`;
    await tx
      .update(surveyResponses)
      .set({
        answers: sql`(select coalesce(jsonb_object_agg(key, value), '{}'::jsonb) from jsonb_each(${surveyResponses.answers}) where jsonb_typeof(value) <> 'string')`,
      })
      .where(and(inArray(surveyResponses.caseId, ids), sql`exists ${texts}`));
    return rows.length;
  });
}
