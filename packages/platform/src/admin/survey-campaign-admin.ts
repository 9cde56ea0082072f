/**
 * Survey campaigns (民意调查) as an admin makes them for a city: the questions beside the overall
 * satisfaction, the days it takes answers, a sample of the city's closed cases whose reporters are
 * invited (by a link, or by the hotline calling them), and links for any citizen. Each invitation
 * is a token shown once and stored only as its SHA-256; the campaign is made in one transaction
 * with its audit entry (which names no token).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type Db,
  findCaseNumbers,
  insertSurveyCampaign,
  insertSurveyInvitations,
  type SurveyCampaignRow,
  type SurveyInvitationRow,
  sampleClosedCases,
} from '@urbangrid/db';
import { surveyQuestionSchema, surveyQuestionsSchema } from '@urbangrid/domain';
import { z } from 'zod';
import type { RecordChange } from './calendar-admin.js';

/** The stored form of an invitation's token: what a link is looked up by. */
export const surveyTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const newToken = () => randomBytes(24).toString('base64url');

export const surveyCampaignInput = z
  .object({
    city: z.string().regex(/^\d{4}(\d{2})?$/, 'a city code'),
    name: z.string().trim().min(1).max(100),
    opensOn: z.iso.date(),
    closesOn: z.iso.date(),
    questions: surveyQuestionsSchema.default([]),
    /** Reporters of cases closed in [closedFrom, closedTo) drawn at random, at most `size`. */
    sample: z
      .object({
        closedFrom: z.iso.datetime({ offset: true }),
        closedTo: z.iso.datetime({ offset: true }),
        size: z.number().int().min(1).max(1000),
      })
      .optional(),
    /** Links for any citizen (e.g. printed as QR codes), one answer each. */
    publicLinks: z.number().int().min(0).max(1000).default(0),
  })
  .refine((campaign) => campaign.closesOn >= campaign.opensOn, {
    path: ['closesOn'],
    message: 'a campaign closes on or after the day it opens',
  })
  .refine((campaign) => (campaign.sample?.size ?? 0) + campaign.publicLinks > 0, {
    path: ['publicLinks'],
    message: 'a campaign invites someone: a sample of closed cases, public links, or both',
  });
export type SurveyCampaignInput = z.infer<typeof surveyCampaignInput>;

export const surveyCampaignView = z
  .object({
    id: z.string(),
    city: z.string(),
    name: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    questions: z.array(surveyQuestionSchema),
    version: z.number().int(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SurveyCampaign' });

export const toSurveyCampaignView = (row: SurveyCampaignRow): z.infer<typeof surveyCampaignView> => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
});

export const surveyInvitationView = z.object({
  id: z.string(),
  kind: z.enum(['case', 'link']),
  /** The sampled case whose reporter is invited; null for a citizen's link. */
  caseNo: z.string().nullable(),
  /** Shown once: the public page is /survey/<token>. */
  token: z.string(),
});

export async function createSurveyCampaign(
  db: Db,
  record: RecordChange,
  input: SurveyCampaignInput & { createdBy: string; now: Date },
) {
  return db.transaction(async (tx) => {
    const campaign = await insertSurveyCampaign(tx, {
      id: randomUUID(),
      city: input.city,
      name: input.name,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      questions: input.questions,
      version: 1,
      createdBy: input.createdBy,
      createdAt: input.now,
    });
    const sampled =
      input.sample === undefined
        ? []
        : await sampleClosedCases(tx, {
            campaignId: campaign.id,
            city: input.city,
            from: new Date(input.sample.closedFrom),
            to: new Date(input.sample.closedTo),
            size: input.sample.size,
          });
    const invitations = [
      ...sampled.map((caseId) => ({ kind: 'case' as const, caseId })),
      ...Array.from({ length: input.publicLinks }, () => ({ kind: 'link' as const, caseId: null })),
    ].map((invitation) => ({ ...invitation, id: randomUUID(), token: newToken() }));
    await insertSurveyInvitations(
      tx,
      invitations.map(
        (invitation): SurveyInvitationRow => ({
          id: invitation.id,
          campaignId: campaign.id,
          tokenHash: surveyTokenHash(invitation.token),
          kind: invitation.kind,
          caseId: invitation.caseId,
          createdAt: input.now,
        }),
      ),
    );
    const numbers = await findCaseNumbers(tx, sampled);
    const view = toSurveyCampaignView(campaign);
    await record(tx, {
      city: campaign.city,
      entity: 'survey_campaign',
      entityKey: campaign.id,
      action: 'create',
      before: null,
      after: { ...view, sampledCases: sampled.length, publicLinks: input.publicLinks },
    });
    return {
      campaign: view,
      invitations: invitations.map((invitation) => ({
        id: invitation.id,
        kind: invitation.kind,
        caseNo: invitation.caseId === null ? null : (numbers.get(invitation.caseId) ?? null),
        token: invitation.token,
      })),
    };
  });
}
