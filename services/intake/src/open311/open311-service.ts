/**
 * Open311 GeoReport v2 over our cases: a jurisdiction is a city, a service is a category of the
 * catalogue, a service request is a case (service_request_id = case number, token = case id).
 * Status is `open` for every non-terminal state and `closed` otherwise; no reporter data leaves.
 */
import {
  findCaseById,
  findCaseByNumber,
  listCategories,
  listCityQuestions,
  listCityTimeZones,
  listServiceRequests,
  type ServiceRequestRow,
} from '@urbangrid/db';
import {
  AnswerProblem,
  checkAnswers,
  isListQuestion,
  type PostedAnswers,
  type ReportSource,
  type ServiceQuestion,
  serviceQuestionsSchema,
  terminalStates,
} from '@urbangrid/domain';
import { httpError, type IntegrationActor, publicLocation, redactPublicText } from '@urbangrid/platform';
import { z } from 'zod';
import { addressById, placeAddress } from '../addresses/address-service.js';
import { gridContaining } from '../grid-location.js';
import type { IntakeContext } from '../intake-context.js';
import { sniffPhotoType, storePhotoOnce, withdrawPhoto } from '../media/media-service.js';
import { createReport } from '../reports/report-service.js';
import type { Open311Value } from './open311-format.js';
import { type Open311Base, requestMediaUrls } from './open311-photos.js';
import { maxPageSize, pageOf, windowOf } from './open311-window.js';

type Row = Record<string, Open311Value>;

export const open311Spec = 'http://wiki.open311.org/GeoReport_v2';

export async function cityServices(ctx: IntakeContext, city: string) {
  const categories = await listCategories(ctx.db);
  return categories.filter((c) => c.city === null || c.city === city);
}

/**
 * The questions (追问) each category asks in `city` (its service definition's attributes), by
 * category code; a category that asks nothing is not in the map. Read on every request, so an
 * admin's edit is asked from the next one on in every process.
 */
export async function cityQuestions(
  ctx: IntakeContext,
  city: string,
  categoryCodes?: readonly string[],
): Promise<Map<string, ServiceQuestion[]>> {
  const rows = await listCityQuestions(ctx.db, city, categoryCodes);
  const asked = new Map<string, ServiceQuestion[]>();
  for (const row of rows) {
    const questions = serviceQuestionsSchema.parse(row.questions);
    if (questions.length > 0) asked.set(row.categoryCode, questions);
  }
  return asked;
}

export function serviceOf(category: Awaited<ReturnType<typeof cityServices>>[number], asks: boolean): Row {
  return {
    service_code: category.code,
    service_name: category.name,
    description: `${category.nameEn}. ${category.filingCondition}`,
    metadata: asks,
    type: 'realtime',
    keywords: [category.nameEn, category.majorName, category.kind].join(', '),
    group: category.majorName,
  };
}

/** A question as GeoReport v2's attribute: a list's values as {key, name}, other types without values. */
export function attributeOf(question: ServiceQuestion): Row {
  return {
    variable: question.variable,
    code: question.code,
    datatype: question.datatype,
    required: question.required,
    datatype_description: question.datatypeDescription,
    order: question.order,
    description: question.description,
    ...(isListQuestion(question.datatype)
      ? { values: question.values.map((value) => ({ key: value.key, name: value.name })) }
      : {}),
  };
}

/** Cities served: the jurisdiction asked for, or the default one; 404 for any other. */
export async function jurisdiction(ctx: IntakeContext, asked: string | undefined): Promise<string> {
  const city = asked ?? ctx.settings.open311.defaultJurisdiction;
  const cities = await listCityTimeZones(ctx.db);
  if (!cities.some((c) => c.code === city)) {
    throw httpError('NOT_FOUND', `jurisdiction_id ${city} not found`);
  }
  return city;
}

const terminal: readonly string[] = terminalStates;
/** `open` for every non-terminal state, `closed` otherwise. */
export const statusOf = (state: string) => (terminal.includes(state) ? 'closed' : 'open');

/** The report sources the city publishes: a case of any other is not in the feed at all. */
export async function publishedSources(ctx: IntakeContext, city: string): Promise<readonly ReportSource[]> {
  return (await ctx.reference.city(city)).publishedSources;
}

/** Why the status is what it is, in words a citizen understands (never notes or names). */
export const stateNotes: Record<string, string> = {
  reported: 'Received; waiting for on-site verification.',
  verifying: 'A grid officer is verifying the report on site.',
  verified: 'Verified on site; waiting to be filed.',
  filed: 'Filed; being sent to the responsible department.',
  dispatched: 'Sent to the responsible department.',
  handling: 'The responsible department is working on it.',
  suspended: 'Postponed with approval (seasonal or engineering work).',
  handled: 'The department reports it fixed; waiting for an on-site check.',
  reviewing: 'A grid officer is checking the fix on site.',
  reviewed: 'The fix was checked on site; about to be closed.',
  closed: 'Fixed and closed.',
  rejected: 'Not filed (not found on site, out of scope, or a duplicate).',
  cancelled: 'Cancelled.',
};

/**
 * When the fix is expected: the handling deadline while the department works on it, then the
 * check's and closing deadline once it reports it fixed. Before dispatch no department has a
 * deadline yet, and a suspended or ended case none: null.
 */
function expectedFix(row: ServiceRequestRow): Date | null {
  const fixStages: readonly (string | null)[] = ['handle', 'check', 'close'];
  return fixStages.includes(row.deadlineStage) ? row.deadlineDue : null;
}

/** A request as GeoReport v2 shows it; `agencies` names the departments of the rows (agenciesOf). */
export function serviceRequestOf(
  row: ServiceRequestRow,
  serviceNames: Map<string, string>,
  agencies: Map<string, string | null>,
  mediaUrl: string | null,
): Row {
  // What everyone may see (public-view.ts): no phone or house number, and the point of a report
  // nobody posted in public only to about 100 m.
  const point = publicLocation(row.source, row);
  return {
    service_request_id: row.caseNo,
    status: statusOf(row.state),
    status_notes: stateNotes[row.state] ?? null,
    service_name: serviceNames.get(row.categoryCode) ?? null,
    service_code: row.categoryCode,
    description: redactPublicText(row.description),
    agency_responsible: row.departmentId === null ? null : (agencies.get(row.departmentId) ?? null),
    service_notice: null,
    requested_datetime: row.createdAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    expected_datetime: expectedFix(row)?.toISOString() ?? null,
    address: redactPublicText(row.address),
    address_id: null,
    zipcode: null,
    lat: point.lat,
    long: point.lng,
    media_url: mediaUrl,
  };
}

async function serviceNamesOf(ctx: IntakeContext, city: string): Promise<Map<string, string>> {
  return new Map((await cityServices(ctx, city)).map((c) => [c.code, c.name]));
}

export interface RequestQuery {
  city: string;
  serviceRequestIds?: string[];
  serviceCodes?: string[];
  /** start_date and end_date as asked (date-times or dates). */
  startDate?: string;
  endDate?: string;
  statuses?: Array<'open' | 'closed'>;
  page_size?: number;
  page?: number;
}

export async function findServiceRequests(
  ctx: IntakeContext,
  base: Open311Base,
  query: RequestQuery,
): Promise<Row[]> {
  const names = await serviceNamesOf(ctx, query.city);
  const sources = await publishedSources(ctx, query.city);
  // The spec: with service_request_id, every other parameter is ignored.
  const rows =
    query.serviceRequestIds !== undefined
      ? await listServiceRequests(ctx.db, {
          city: query.city,
          caseNos: query.serviceRequestIds,
          sources,
          limit: maxPageSize,
        })
      : await listServiceRequests(ctx.db, {
          city: query.city,
          categoryCodes: query.serviceCodes,
          ...windowOf(
            { start: query.startDate, end: query.endDate },
            await ctx.engine.reference.cityTimeZone(query.city),
            ctx.engine.now(),
          ),
          status: query.statuses?.length === 1 ? query.statuses[0] : undefined,
          sources,
          ...pageOf(query),
        });
  return requestsOf(ctx, base, rows, names);
}

async function requestsOf(
  ctx: IntakeContext,
  base: Open311Base,
  rows: readonly ServiceRequestRow[],
  names: Map<string, string>,
): Promise<Row[]> {
  const [media, agencies] = await Promise.all([requestMediaUrls(ctx, base, rows), agenciesOf(ctx, rows)]);
  return rows.map((row) => serviceRequestOf(row, names, agencies, media.get(row.id) ?? null));
}

/** The name of each department the rows are dispatched to (agency_responsible), looked up once a department. */
async function agenciesOf(
  ctx: IntakeContext,
  rows: readonly ServiceRequestRow[],
): Promise<Map<string, string | null>> {
  const ids = new Set(rows.flatMap((row) => (row.departmentId === null ? [] : [row.departmentId])));
  return new Map(
    await Promise.all(
      [...ids].map(async (id) => [id, (await ctx.engine.reference.department(id))?.name ?? null] as const),
    ),
  );
}

export async function findServiceRequest(ctx: IntakeContext, base: Open311Base, id: string): Promise<Row> {
  const row = await findCaseByNumber(ctx.db, base.city, id);
  // A case of a source the city does not publish is as unknown as one that does not exist.
  if (row === null || !(await publishedSources(ctx, base.city)).includes(row.source))
    throw httpError('NOT_FOUND', `service_request_id ${id} not found`);
  const [request] = await requestsOf(ctx, base, [row], await serviceNamesOf(ctx, base.city));
  if (request === undefined) throw new Error(`case ${id} vanished while it was read`);
  return request;
}

export async function findToken(ctx: IntakeContext, city: string, token: string): Promise<Row> {
  const row = await findCaseById(ctx.db, token);
  if (row === null || row.city !== city) throw httpError('NOT_FOUND', `token ${token} not found`);
  return { service_request_id: row.caseNo, token: row.id };
}

export interface Open311Post {
  service_code?: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: string;
  email?: string;
  device_id?: string;
  account_id?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  description?: string;
  media_url?: string;
  /** The bytes of a photo posted with the request (multipart). */
  photo?: Buffer;
  /** The answers to the service's questions, by code (`attribute[code]=…`). */
  attributes?: PostedAnswers;
}

/** POST Service Request: a report from an Open311 app's key, placed by lat/long or a gazetteer address. */
export async function createServiceRequest(
  ctx: IntakeContext,
  actor: IntegrationActor,
  body: Open311Post,
  idempotencyKey?: string,
): Promise<Row> {
  const city = actor.city;
  if (body.service_code === undefined) throw httpError('VALIDATION_FAILED', 'service_code is required');
  const category = (await cityServices(ctx, city)).find((c) => c.code === body.service_code);
  if (!category) throw httpError('NOT_FOUND', `service_code ${body.service_code} not found`);
  // Everything is checked before anything is stored: a refused request leaves no photo behind.
  const questions = (await cityQuestions(ctx, city, [category.code])).get(category.code) ?? [];
  let answers: ReturnType<typeof checkAnswers>;
  try {
    answers = checkAnswers(questions, body.attributes ?? new Map());
  } catch (error) {
    if (error instanceof AnswerProblem) throw httpError('VALIDATION_FAILED', error.message);
    throw error;
  }
  const place = await locationOf(ctx, city, body);
  await gridContaining(ctx, city, place, ctx.engine.now());
  if (body.photo !== undefined && (await sniffPhotoType(body.photo)) === null)
    throw httpError('UNSUPPORTED_MEDIA_TYPE', 'media: only JPEG, PNG and WebP photos are accepted');
  const name = [body.first_name, body.last_name].filter(Boolean).join(' ').trim();
  const photo =
    body.photo === undefined
      ? undefined
      : await storePhotoOnce(ctx, { city, bytes: body.photo, uploadedBy: actor.name });
  const email = z.email().max(254).safeParse(body.email).data;
  let outcome: Awaited<ReturnType<typeof createReport>>;
  try {
    outcome = await createReport(
      ctx,
      actor,
      {
        // One of postedReportSources (open311-photos.ts): the lists look for a posted media_url only there.
        source: actor.source === 'app' ? 'app' : 'public',
        categoryCode: category.code,
        description: body.description ?? category.name,
        location: { lat: place.lat, lng: place.lng },
        address: body.address_string ?? place.label ?? null,
        // The email is where the reporter hears of the case (reporter updates); one that is no address is dropped.
        reporter:
          name || body.phone || email ? { name: name || undefined, phone: body.phone, email } : undefined,
        // What the app sent beyond the report itself; the ids are the reporter's, so they stay out.
        // The answers to its questions, as asked and answered (shown to staff on the case).
        data:
          body.media_url || answers.length > 0
            ? {
                ...(body.media_url ? { mediaUrl: body.media_url } : {}),
                ...(answers.length > 0 ? { answers } : {}),
              }
            : undefined,
        mediaIds: photo === undefined ? undefined : [photo.photo.id],
      },
      idempotencyKey,
    );
  } catch (error) {
    // The engine refused the report: the photo stored for it alone goes too.
    if (photo?.stored === true && body.photo !== undefined)
      await withdrawPhoto(ctx, photo.photo, body.photo).catch(() => undefined);
    throw error;
  }
  // A case has its number as soon as it is reported, so the receipt is the id and never a token
  // (the spec returns a token only while no id exists; GET tokens/:token still answers one).
  return {
    service_request_id: outcome.case.caseNo,
    service_notice: null,
    account_id: body.account_id ?? null,
  };
}

async function locationOf(
  ctx: IntakeContext,
  city: string,
  body: Open311Post,
): Promise<{ lat: number; lng: number; label?: string }> {
  if (body.lat !== undefined && body.long !== undefined) return { lat: body.lat, lng: body.long };
  if (body.address_id !== undefined) {
    const entry = await addressById(ctx, city, body.address_id);
    if (entry) return entry;
    throw httpError('VALIDATION_FAILED', `address_id ${body.address_id} is not a known address`);
  }
  if (body.address_string !== undefined) {
    const placed = await placeAddress(ctx, city, body.address_string);
    if (placed) return placed;
    throw httpError('VALIDATION_FAILED', 'address_string could not be placed; send lat and long');
  }
  throw httpError('VALIDATION_FAILED', 'a location is required: lat and long, address_string or address_id');
}
