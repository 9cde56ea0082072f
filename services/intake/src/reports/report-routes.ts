import { type CaseRow, findCaseReportedByKey } from '@urbangrid/db';
import { categoryCodeString, isTerminal, reporterLanguages, reportSources } from '@urbangrid/domain';
import {
  actorOf,
  apiKeyRateLimit,
  cameraBurstSchema,
  caseStateSchema,
  caseViewSchema,
  httpError,
  type ServicePlugin,
  toCameraBurst,
  toCaseView,
} from '@urbangrid/platform';
import { z } from 'zod';
import { possibleDuplicateSchema } from '../duplicates/duplicate-schemas.js';
import { reporters, reportStatusReaders } from '../intake-access.js';
import type { IntakeContext } from '../intake-context.js';
import { createReport } from './report-service.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const locationSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** Who called (or reported): personal data, sealed where it is kept and never logged. */
export const reporterSchema = z.object({
  name: text(100).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{2,24}$/, 'a phone number of digits, spaces and dashes')
    .optional(),
  /** Where the reporter hears of the case (filed, dispatched, closed) besides a text message. */
  email: z.email().max(254).optional(),
  /** The language the reporter is written to in; default the city's. */
  language: z.enum(reporterLanguages).optional(),
  /** false: the reporter does not want updates (进度告知); default true when a phone or email is left. */
  updates: z.boolean().optional(),
});

export const reportBodySchema = z.object({
  source: z.enum(reportSources),
  categoryCode: categoryCodeString,
  description: text(2000),
  location: locationSchema,
  address: text(300).optional(),
  reporter: reporterSchema.optional(),
  /** The hotline system's call id (12345 / 12319). */
  callId: text(100).optional(),
  /** The caller wants a call back with the outcome (回访). */
  wantsCallback: z.boolean().optional(),
  mediaIds: z.array(z.string().min(1).max(64)).max(20).optional(),
  urgency: z.enum(['normal', 'urgent']).optional(),
  /** 自行处置: an officer fixed it on the spot; the after-photo goes in mediaIds. */
  selfHandled: z.boolean().optional(),
  /**
   * A video-analytics camera's id (video reports only): its detections of the same category at the
   * same place within the window (10 minutes) make one case with a count and the latest photo.
   */
  cameraId: text(64).optional(),
});

const reportAnswerSchema = caseViewSchema.extend({
  possibleDuplicates: z.array(possibleDuplicateSchema),
  /** The camera burst a video report opened (201) or joined (200: no new case). */
  cameraBurst: cameraBurstSchema.optional(),
});

/** What a reporting key reads back of its own report: where it stands, nothing about anyone. */
const reportStatusSchema = z
  .object({
    id: z.string(),
    caseNo: z.string(),
    state: caseStateSchema,
    /** Open311's word for it: `closed` once the case has ended (closed, rejected, cancelled). */
    status: z.enum(['open', 'closed']),
    categoryCode: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ReportStatus' });

function reportStatusOf(row: CaseRow): z.infer<typeof reportStatusSchema> {
  const state = caseStateSchema.parse(row.state);
  return {
    id: row.id,
    caseNo: row.caseNo,
    state,
    status: isTerminal(state) ? 'closed' : 'open',
    categoryCode: row.categoryCode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/**
 * `POST /reports`: hotline operators, grid officers and integration keys (public app, video,
 * hotline); `GET /reports/:id`: a key reads the status of a report it made.
 */
export function reportRoutes(ctx: IntakeContext): ServicePlugin {
  return async (app) => {
    app.post(
      '/reports',
      {
        config: {
          command: 'report',
          access: reporters,
          // Staff at a call centre share one address; only integration keys are throttled, each
          // to its own limit per minute.
          rateLimit: apiKeyRateLimit(),
        },
        schema: {
          tags: ['intake'],
          summary: 'Report a problem (上报): creates a case; an Idempotency-Key makes retries one case',
          headers: z.looseObject({ 'idempotency-key': z.string().trim().min(1).max(200).optional() }),
          body: reportBodySchema,
          response: {
            201: reportAnswerSchema,
            200: reportAnswerSchema.describe('A camera detection counted into its burst case'),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const outcome = await createReport(ctx, actor, request.body, request.headers['idempotency-key']);
        if (outcome.replayed) reply.header('idempotent-replayed', 'true');
        const burst = outcome.burst;
        return reply.code(burst?.joined ? 200 : 201).send({
          ...toCaseView(outcome.case, actor, ctx.phoneKey),
          possibleDuplicates: outcome.possibleDuplicates,
          ...(burst === undefined ? {} : { cameraBurst: toCameraBurst(burst.row) }),
        });
      },
    );

    app.get(
      '/reports/:id',
      {
        config: { access: reportStatusReaders },
        schema: {
          tags: ['intake'],
          summary: 'The status of a report this API key made (any other case answers 404)',
          params: z.object({ id: z.string().trim().min(1).max(100) }),
          response: { 200: reportStatusSchema },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const row =
          actor.kind === 'integration'
            ? await findCaseReportedByKey(ctx.db, actor.keyId, request.params.id)
            : null;
        if (row === null) throw httpError('NOT_FOUND', `report ${request.params.id} not found`);
        return reportStatusOf(row);
      },
    );
  };
}
