/**
 * Reporter updates (schema/reporter-updates.ts): the contact a sender needs, still sealed, and the
 * send rows that make a job run twice send once — claimed under a lease, then recorded.
 */
import type { ReporterLanguage, ReporterUpdateChannel, ReporterUpdateEvent } from '@urbangrid/domain';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { caseCallers } from '../schema/case-callers.js';
import { cases } from '../schema/cases.js';
import { cities } from '../schema/reference.js';
import { type ReporterUpdateStatus, reporterUpdates } from '../schema/reporter-updates.js';

export type ReporterUpdateRow = typeof reporterUpdates.$inferSelect;

export interface ReporterUpdateKey {
  caseId: string;
  event: ReporterUpdateEvent;
  channel: ReporterUpdateChannel;
  /** A caller attached to the case (case_callers id); absent: the case's reporter. */
  callerId?: string;
}

/** What a sender reads of a case: its reporter's sealed contact, their language and their choice. */
export interface ReporterContact {
  caseId: string;
  caseNo: string;
  city: string;
  state: string;
  reporterEmailEnc: string | null;
  reporterPhoneEnc: string | null;
  /** The reporter's language, else the city's default. */
  language: ReporterLanguage;
  /** False once the reporter opted out, or their data was erased. */
  wantsUpdates: boolean;
}

const reporterContact = preparedPerDatabase((db) =>
  db
    .select({
      caseId: cases.id,
      caseNo: cases.caseNo,
      city: cases.city,
      state: cases.state,
      reporterEmailEnc: cases.reporterEmailEnc,
      reporterPhoneEnc: cases.reporterPhoneEnc,
      reporterLanguage: cases.reporterLanguage,
      reporterUpdates: cases.reporterUpdates,
      reporterErasedAt: cases.reporterErasedAt,
      defaultLanguage: cities.defaultLanguage,
    })
    .from(cases)
    .innerJoin(cities, eq(cities.code, cases.city))
    .where(eq(cases.id, sql.placeholder('caseId')))
    .prepare('urbangrid_reporter_contact'),
);

export async function findReporterContact(db: DbOrTx, caseId: string): Promise<ReporterContact | null> {
  const [row] = await reporterContact(db).execute({ caseId });
  if (row === undefined) return null;
  const { reporterLanguage, reporterUpdates: updates, reporterErasedAt, defaultLanguage, ...contact } = row;
  return {
    ...contact,
    language: reporterLanguage ?? defaultLanguage,
    wantsUpdates: updates && reporterErasedAt === null,
  };
}

const recipientOf = (key: ReporterUpdateKey) => key.callerId ?? '';

/**
 * What a sender reads of a caller attached to the case (附加来电): their sealed contact, their
 * language (else the city's) and their choice; null when the case has no such caller.
 */
const callerContact = preparedPerDatabase((db) =>
  db
    .select({
      caseId: cases.id,
      caseNo: cases.caseNo,
      city: cases.city,
      state: cases.state,
      reporterEmailEnc: caseCallers.emailEnc,
      reporterPhoneEnc: caseCallers.phoneEnc,
      language: caseCallers.language,
      updates: caseCallers.updates,
      erasedAt: caseCallers.erasedAt,
      defaultLanguage: cities.defaultLanguage,
    })
    .from(caseCallers)
    .innerJoin(cases, eq(cases.id, caseCallers.caseId))
    .innerJoin(cities, eq(cities.code, cases.city))
    .where(
      and(eq(caseCallers.caseId, sql.placeholder('caseId')), eq(caseCallers.id, sql.placeholder('callerId'))),
    )
    .prepare('urbangrid_caller_contact'),
);

export async function findCallerContact(
  db: DbOrTx,
  caseId: string,
  callerId: string,
): Promise<ReporterContact | null> {
  const [row] = await callerContact(db).execute({ caseId, callerId });
  if (row === undefined) return null;
  const { language, updates, erasedAt, defaultLanguage, ...contact } = row;
  return { ...contact, language: language ?? defaultLanguage, wantsUpdates: updates && erasedAt === null };
}

const keyIs = (key: ReporterUpdateKey) =>
  and(
    eq(reporterUpdates.caseId, key.caseId),
    eq(reporterUpdates.event, key.event),
    eq(reporterUpdates.channel, key.channel),
    eq(reporterUpdates.recipient, recipientOf(key)),
  );

/** The row's key as placeholders, for the prepared statements. */
const keyPlaceholders = and(
  eq(reporterUpdates.caseId, sql.placeholder('caseId')),
  eq(reporterUpdates.event, sql.placeholder('event')),
  eq(reporterUpdates.channel, sql.placeholder('channel')),
  eq(reporterUpdates.recipient, sql.placeholder('recipient')),
);

const claimInsert = preparedPerDatabase((db) =>
  db
    .insert(reporterUpdates)
    .values({
      caseId: sql.placeholder('caseId'),
      event: sql.placeholder('event'),
      channel: sql.placeholder('channel'),
      recipient: sql.placeholder('recipient'),
      city: sql.placeholder('city'),
    })
    .onConflictDoNothing()
    .prepare('urbangrid_reporter_update_insert'),
);

const claimLease = preparedPerDatabase((db) =>
  db
    .update(reporterUpdates)
    .set({
      attempts: sql`${reporterUpdates.attempts} + 1`,
      leaseUntil: sql`now() + ${sql.placeholder('lease')}::interval`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        keyPlaceholders,
        eq(reporterUpdates.status, 'sending'),
        or(isNull(reporterUpdates.leaseUntil), lt(reporterUpdates.leaseUntil, sql`now()`)),
      ),
    )
    .returning()
    .prepare('urbangrid_reporter_update_claim'),
);

/**
 * Claims the update for one run: its row made if new, then held for `leaseMs` and its attempt
 * counted — unless it was sent, failed for good or skipped, or another run holds it (null).
 */
export async function claimReporterUpdate(
  db: DbOrTx,
  key: ReporterUpdateKey & { city: string },
  leaseMs: number,
): Promise<ReporterUpdateRow | null> {
  const row = { caseId: key.caseId, event: key.event, channel: key.channel, recipient: recipientOf(key) };
  await claimInsert(db).execute({ ...row, city: key.city });
  const [claimed] = await claimLease(db).execute({ ...row, lease: `${leaseMs} milliseconds` });
  return claimed ?? null;
}

/** What a run did: sent, failed for good or skipped, or (still `sending`) failed and released for the next try. */
export async function recordReporterUpdate(
  db: DbOrTx,
  key: ReporterUpdateKey,
  outcome: { status: ReporterUpdateStatus; lastError?: string | null; language?: ReporterLanguage; at: Date },
): Promise<void> {
  await db
    .update(reporterUpdates)
    .set({
      status: outcome.status,
      leaseUntil: null,
      lastError: outcome.lastError ?? null,
      ...(outcome.language === undefined ? {} : { language: outcome.language }),
      ...(outcome.status === 'sent' ? { sentAt: outcome.at } : {}),
      updatedAt: sql`now()`,
    })
    .where(keyIs(key));
}

export async function listReporterUpdates(db: DbOrTx, caseId: string): Promise<ReporterUpdateRow[]> {
  return db.select().from(reporterUpdates).where(eq(reporterUpdates.caseId, caseId));
}

/** The reporter opts out of updates: false when the case does not exist. */
export async function stopReporterUpdates(db: DbOrTx, caseId: string): Promise<boolean> {
  const rows = await db
    .update(cases)
    .set({ reporterUpdates: false })
    .where(eq(cases.id, caseId))
    .returning({ id: cases.id });
  return rows.length > 0;
}
