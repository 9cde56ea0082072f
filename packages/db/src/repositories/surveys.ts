/**
 * Public opinion surveys (民意调查): campaigns of a city, the invitations (links) to answer them,
 * the answers, and the satisfaction rates they make.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { databaseErrorOf } from '../database-errors.js';
import { cases } from '../schema/cases.js';
import { surveyCampaigns, surveyInvitations, surveyResponses } from '../schema/surveys.js';
import type { CaseRow } from './cases.js';

export type SurveyCampaignRow = typeof surveyCampaigns.$inferSelect;
export type SurveyInvitationRow = typeof surveyInvitations.$inferSelect;
export type SurveyResponseRow = typeof surveyResponses.$inferSelect;
export type Satisfaction = SurveyResponseRow['satisfaction'];

export async function insertSurveyCampaign(db: DbOrTx, row: SurveyCampaignRow): Promise<SurveyCampaignRow> {
  const [inserted] = await db.insert(surveyCampaigns).values(row).returning();
  if (inserted === undefined) throw new Error(`survey campaign ${row.id} was not inserted`);
  return inserted;
}

export async function findSurveyCampaign(db: DbOrTx, id: string): Promise<SurveyCampaignRow | null> {
  const [row] = await db.select().from(surveyCampaigns).where(eq(surveyCampaigns.id, id)).limit(1);
  return row ?? null;
}

export async function listSurveyCampaigns(
  db: DbOrTx,
  options: { city?: string; limit: number },
): Promise<SurveyCampaignRow[]> {
  return db
    .select()
    .from(surveyCampaigns)
    .where(options.city === undefined ? undefined : eq(surveyCampaigns.city, options.city))
    .orderBy(desc(surveyCampaigns.opensOn), desc(surveyCampaigns.createdAt))
    .limit(options.limit);
}

/**
 * A sample of the city's cases closed in [from, to) whose reporter can still be reached (a phone
 * kept), not yet invited by the campaign: drawn in an order fixed by the campaign (the same
 * campaign draws the same sample), so a repeated draw adds no one twice.
 */
export async function sampleClosedCases(
  db: DbOrTx,
  sample: { campaignId: string; city: string; from: Date; to: Date; size: number },
): Promise<string[]> {
  const invited = sql`select 1 from ${surveyInvitations} where ${surveyInvitations.campaignId} = ${sample.campaignId} and ${surveyInvitations.caseId} = ${cases.id}`;
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.city, sample.city),
        eq(cases.state, 'closed'),
        gte(cases.closedAt, sample.from),
        lt(cases.closedAt, sample.to),
        isNotNull(cases.reporterPhoneEnc),
        isNull(cases.reporterErasedAt),
        sql`not exists (${invited})`,
      ),
    )
    .orderBy(sql`md5(${cases.id} || ${sample.campaignId})`)
    .limit(sample.size);
  return rows.map((row) => row.id);
}

export async function insertSurveyInvitations(db: DbOrTx, rows: SurveyInvitationRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(surveyInvitations).values(rows).onConflictDoNothing();
}

export interface SurveyInvitationWithCampaign {
  invitation: SurveyInvitationRow;
  campaign: SurveyCampaignRow;
  answered: boolean;
}

async function invitationWhere(db: DbOrTx, condition: SQL): Promise<SurveyInvitationWithCampaign | null> {
  const [row] = await db
    .select({
      invitation: surveyInvitations,
      campaign: surveyCampaigns,
      responseId: surveyResponses.id,
    })
    .from(surveyInvitations)
    .innerJoin(surveyCampaigns, eq(surveyCampaigns.id, surveyInvitations.campaignId))
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(condition)
    .limit(1);
  return row === undefined
    ? null
    : { invitation: row.invitation, campaign: row.campaign, answered: row.responseId !== null };
}

export const findSurveyInvitationByTokenHash = (db: DbOrTx, tokenHash: string) =>
  invitationWhere(db, eq(surveyInvitations.tokenHash, tokenHash));

export const findSurveyInvitation = (db: DbOrTx, id: string) =>
  invitationWhere(db, eq(surveyInvitations.id, id));

/** Records an answer; null when the invitation was answered already (one answer per link). */
export async function insertSurveyResponse(
  db: DbOrTx,
  row: SurveyResponseRow,
): Promise<SurveyResponseRow | null> {
  try {
    const [inserted] = await db.insert(surveyResponses).values(row).returning();
    return inserted ?? null;
  } catch (error) {
    const cause = databaseErrorOf(error);
    if (cause?.code === '23505' && cause.constraint === 'survey_responses_invitation_id_unique') return null;
    throw error;
  }
}

/** The sampled cases of a city's campaigns open on `day` still unanswered: the hotline's survey calls. */
export async function listSurveyCallsDue(
  db: DbOrTx,
  query: { city: string; day: string; limit: number },
): Promise<{ invitation: SurveyInvitationRow; campaign: SurveyCampaignRow; case: CaseRow }[]> {
  const rows = await db
    .select({ invitation: surveyInvitations, campaign: surveyCampaigns, case: cases })
    .from(surveyInvitations)
    .innerJoin(surveyCampaigns, eq(surveyCampaigns.id, surveyInvitations.campaignId))
    .innerJoin(cases, eq(cases.id, surveyInvitations.caseId))
    .leftJoin(surveyResponses, eq(surveyResponses.invitationId, surveyInvitations.id))
    .where(
      and(
        eq(surveyCampaigns.city, query.city),
        sql`${surveyCampaigns.opensOn} <= ${query.day} and ${surveyCampaigns.closesOn} >= ${query.day}`,
        isNull(surveyResponses.id),
        isNull(cases.reporterErasedAt),
      ),
    )
    .orderBy(asc(surveyInvitations.createdAt), asc(surveyInvitations.id))
    .limit(query.limit);
  return rows;
}

export const surveyGroupings = ['city', 'district', 'department', 'category'] as const;
export type SurveyGrouping = (typeof surveyGroupings)[number];

/** Answers of one group and how satisfied they were (满意度). */
export interface SurveyRateRow {
  key: string;
  answers: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  /** (satisfied + basically satisfied) / answers; null without answers. */
  satisfactionRate: number | null;
}

const groupColumns = {
  city: surveyResponses.city,
  district: surveyResponses.districtCode,
  department: surveyResponses.departmentId,
  category: surveyResponses.categoryCode,
} as const;

/**
 * Satisfaction by city, district, department or category over answers given in [from, to);
 * answers that do not know the group (a citizen's link names no department) are left out of it.
 */
export async function surveyRates(
  db: DbOrTx,
  query: { from?: Date; to?: Date; city?: string; campaignId?: string; groupBy: SurveyGrouping },
): Promise<SurveyRateRow[]> {
  const column = groupColumns[query.groupBy];
  const rows = await db
    .select({
      key: sql<string>`${column}`,
      answers: sql<number>`count(*)::int`,
      satisfied: sql<number>`count(*) filter (where ${surveyResponses.satisfaction} = 'satisfied')::int`,
      basicallySatisfied: sql<number>`count(*) filter (where ${surveyResponses.satisfaction} = 'basicallySatisfied')::int`,
      unsatisfied: sql<number>`count(*) filter (where ${surveyResponses.satisfaction} = 'unsatisfied')::int`,
    })
    .from(surveyResponses)
    .where(
      and(
        isNotNull(column),
        query.from === undefined ? undefined : gte(surveyResponses.answeredAt, query.from),
        query.to === undefined ? undefined : lt(surveyResponses.answeredAt, query.to),
        query.city === undefined ? undefined : eq(surveyResponses.city, query.city),
        query.campaignId === undefined ? undefined : eq(surveyResponses.campaignId, query.campaignId),
      ),
    )
    .groupBy(column)
    .orderBy(column);
  return rows.map((row) => ({
    ...row,
    satisfactionRate: row.answers === 0 ? null : (row.satisfied + row.basicallySatisfied) / row.answers,
  }));
}

/**
 * Survey results per city over [from, to) by when each answer was given: answers and the
 * satisfaction rate. The region's ranking (排名通报) reads these.
 */
export async function surveyResultsByCity(
  db: DbOrTx,
  period: { from: Date; to: Date },
): Promise<{ city: string; answers: number; satisfactionRate: number | null }[]> {
  const rows = await surveyRates(db, { ...period, groupBy: 'city' });
  return rows.map((row) => ({ city: row.key, answers: row.answers, satisfactionRate: row.satisfactionRate }));
}

/** The case numbers of `ids` (those that exist), by id. */
export async function findCaseNumbers(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: cases.id, caseNo: cases.caseNo })
    .from(cases)
    .where(inArray(cases.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.caseNo]));
}
