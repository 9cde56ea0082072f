// Types only: drizzle-kit loads this file without the workspace packages.
import type { ReporterLanguage } from '@urbangrid/domain';
import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { ts } from './columns.js';

interface CallerColumns {
  wantsCallback: AnyPgColumn;
  callbackReachedAt: AnyPgColumn;
  erasedAt: AnyPgColumn;
}

/** The caller asked to be called back and has not been reached yet (their data not erased). */
export const callerCallbackDueCondition = (t: CallerColumns): SQL =>
  sql`${t.wantsCallback} and ${t.callbackReachedAt} is null and ${t.erasedAt} is null`;

/**
 * Callers attached to a case (附加来电): someone else called the hotline about a problem an open
 * case already has, and the operator attached the call to it instead of filing a duplicate. Their
 * personal data is the reporter's kind: the phone and the email sealed like the reporter's (the
 * phone's blind index for search), never in the event log (its `attachCall` event names the row's
 * id only), erased with the reporter's data. They hear of the case's steps as its reporter does and
 * are called back with it (回访).
 */
export const caseCallers = pgTable(
  'case_callers',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    city: text('city').notNull(),
    name: text('name'),
    /** Sealed (AES-GCM, the phone key); never stored or logged in clear. */
    phoneEnc: text('phone_enc'),
    /** The phone's blind index (packages/platform personal-data). */
    phoneHash: text('phone_hash'),
    /** Sealed with the phone's key. */
    emailEnc: text('email_enc'),
    /** The language the caller is written to in; null: the city's default. */
    language: text('language').$type<ReporterLanguage>(),
    /** Whether the caller hears of the case's steps (filed, dispatched, closed); false once they opt out. */
    updates: boolean('updates').notNull().default(true),
    /** What this caller said, in their words (may name people: erased with the rest). */
    description: text('description'),
    /** The hotline system's call id of this call. */
    callId: text('call_id'),
    wantsCallback: boolean('wants_callback').notNull().default(false),
    /**
     * When this caller was reached by a callback (an answered call, satisfied or not): until then a
     * caller who asked for one keeps the ended case on the callbacks due (`case_callers_callback_due_idx`).
     */
    callbackReachedAt: ts('callback_reached_at'),
    /** The operator who attached the call. */
    attachedBy: text('attached_by').notNull(),
    attachedAt: ts('attached_at').notNull(),
    /** When the caller's personal data was erased with the case's reporter's. */
    erasedAt: ts('erased_at'),
  },
  (t) => [
    index('case_callers_case_idx').on(t.caseId, t.attachedAt),
    index('case_callers_phone_hash_idx').on(t.phoneHash),
    index('case_callers_callback_due_idx').on(t.caseId).where(callerCallbackDueCondition(t)),
  ],
);
