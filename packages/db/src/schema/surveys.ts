import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { cases } from './cases.js';
import { ts } from './columns.js';
import { cities } from './reference.js';

/** A question of a campaign beside the overall satisfaction one every campaign asks. */
export interface StoredSurveyQuestion {
  code: string;
  text: string;
  textEn: string;
  kind: 'rating' | 'yesNo' | 'text';
}

/**
 * A public opinion survey (民意调查) of one city: its questions and the days it takes answers.
 * Who is asked are its invitations: reporters of a sample of the city's closed cases, and citizens
 * through public links.
 */
export const surveyCampaigns = pgTable('survey_campaigns', {
  id: text('id').primaryKey(),
  city: text('city')
    .notNull()
    .references(() => cities.code),
  name: text('name').notNull(),
  questions: jsonb('questions').$type<StoredSurveyQuestion[]>().notNull(),
  opensOn: date('opens_on').notNull(),
  closesOn: date('closes_on').notNull(),
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull(),
});

/**
 * One invitation to answer (a link's token, kept only as its SHA-256): for the reporter of a
 * sampled closed case (`case`, also reachable by the hotline's callback) or for any citizen
 * (`link`). One answer per invitation.
 */
export const surveyInvitations = pgTable(
  'survey_invitations',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id),
    tokenHash: text('token_hash').notNull().unique(),
    kind: text('kind', { enum: ['case', 'link'] }).notNull(),
    caseId: text('case_id').references(() => cases.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('survey_invitations_campaign_idx').on(t.campaignId, t.kind),
    uniqueIndex('survey_invitations_case_uq').on(t.campaignId, t.caseId),
  ],
);

/**
 * An answer (答卷): the overall satisfaction and the other questions' answers, placed by the case
 * it is about (district, department, category) or, from a citizen's link, by the district they
 * named. `channel`: the public page or an operator's callback.
 */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: text('id').primaryKey(),
    campaignId: text('campaign_id')
      .notNull()
      .references(() => surveyCampaigns.id),
    invitationId: text('invitation_id')
      .notNull()
      .unique()
      .references(() => surveyInvitations.id),
    city: text('city').notNull(),
    caseId: text('case_id'),
    districtCode: text('district_code'),
    departmentId: text('department_id'),
    categoryCode: text('category_code'),
    channel: text('channel', { enum: ['public', 'callback'] }).notNull(),
    satisfaction: text('satisfaction', {
      enum: ['satisfied', 'basicallySatisfied', 'unsatisfied'],
    }).notNull(),
    answers: jsonb('answers').$type<Record<string, string | number | boolean>>().notNull(),
    /** The operator who recorded a callback's answer; null from the public page. */
    recordedBy: text('recorded_by'),
    answeredAt: ts('answered_at').notNull(),
  },
  (t) => [index('survey_responses_city_answered_idx').on(t.city, t.answeredAt)],
);
