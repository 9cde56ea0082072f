/**
 * Names for the server's types the console reads, every one taken from the types generated from
 * the OpenAPI document (`generated/schema.ts`, `npm run api:generate`): none is written by hand, so
 * a field the server renames or drops is a compile error on the screen that reads it.
 */
import type { RequestBodyJSON, SuccessResponseJSON } from 'openapi-typescript-helpers';
import { type CaseState, caseStateValues, type paths, roleValues } from './generated/schema';

export type {
  Case as CaseRecord,
  CaseDetail,
  CaseState,
  IndicatorColumn,
  IndicatorValues,
  Light,
  PossibleDuplicate,
  ReportSource,
  Role,
  TimelineEntry,
  Urgency,
} from './generated/schema';

/** The JSON a route answers when it succeeds. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> =
  paths[P][M] extends Record<string | number, unknown> ? SuccessResponseJSON<paths[P][M]> : never;
/** The JSON body a route takes. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = RequestBodyJSON<paths[P][M]>;
/** The query parameters a GET route takes. */
export type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Q } } }
  ? NonNullable<Q>
  : never;

export type Session = Answer<'/api/auth/login', 'post'>;
export type SessionUser = Session['user'];
/** Where the signed-in person acts (`GET /api/auth/me`). */
export type Jurisdiction = Answer<'/api/auth/me', 'get'>;

export type CasePage = Answer<'/api/cases', 'get'>;
export type LatLng = CasePage['items'][number]['location'];
/** A report as saved, with the open cases it may duplicate. */
export type ReportedCase = Answer<'/api/intake/reports', 'post'>;
export type ReportInput = RequestBody<'/api/intake/reports', 'post'>;
export type AttachCallInput = RequestBody<'/api/intake/cases/{id}/attach', 'post'>;
export type AttachedCall = Answer<'/api/intake/cases/{id}/attach', 'post'>;
/** A grid officer the shift lead can send to a verification or check (改派). */
export type CandidateOfficer = Answer<'/api/dispatch/cases/{id}/officers', 'get'>['officers'][number];

export type GridInfo = Answer<'/api/grids/locate', 'get'>;
export type GridWithGeometry = Answer<'/api/grids/{code}', 'get'>;
export type AreaCollection = Answer<'/api/areas', 'get'>;
export type AreaFeature = AreaCollection['features'][number];
/** A district, street, community or grid outline (GeoJSON, [lng, lat]). */
export type GeoJsonPolygon = AreaFeature['geometry'];
export type GridCollection = Answer<'/api/grids', 'get'>;
export type Category = Answer<'/api/categories', 'get'>[number];
export type Department = Answer<'/api/departments', 'get'>[number];
export type MediaRef = Answer<'/api/intake/media', 'post'>;
export type AddressHit = Answer<'/api/intake/addresses', 'get'>['items'][number];

export type TimelinessGroup = QueryOf<'/api/supervision/reports/timeliness'>['groupBy'];
export type TimelinessReport = Answer<'/api/supervision/reports/timeliness', 'get'>;
export type TimelinessRow = TimelinessReport['rows'][number];
export type EvaluationSubject = NonNullable<QueryOf<'/api/supervision/reports/evaluation'>['subject']>;
export type EvaluationReport = Answer<'/api/supervision/reports/evaluation', 'get'>;
export type RegionReport = Answer<'/api/supervision/reports/region', 'get'>;
export type RegionRow = RegionReport['rows'][number];
export type AuditResult = Answer<'/api/supervision/audit', 'get'>;
export type ScreenSummary = Answer<'/api/supervision/screen', 'get'>;

export type CallbackDue = Answer<'/api/intake/callbacks', 'get'>['items'][number];
export type CallbackCall = Answer<'/api/intake/cases/{id}/callback', 'post'>;
export type CallbackOutcome = CallbackCall['outcome'];

export type NoticeList = Answer<'/api/notices', 'get'>;
export type Notice = NoticeList['items'][number];

/** Every state, in the order of the closed loop. */
export const caseStates: readonly CaseState[] = caseStateValues;
export const terminalStates: readonly CaseState[] = ['closed', 'rejected', 'cancelled'];
export const openStates: readonly CaseState[] = caseStates.filter((s) => !terminalStates.includes(s));
export const roles = roleValues;
