/**
 * The shapes of api.md, as the console reads them. Fields the contract does not name yet but the
 * console can use when the backend adds them (see API-NEEDS.md) are optional.
 */

export const caseStates = [
  'reported',
  'verifying',
  'verified',
  'filed',
  'dispatched',
  'handling',
  'suspended',
  'handled',
  'reviewing',
  'reviewed',
  'closed',
  'rejected',
  'cancelled',
] as const;
export type CaseState = (typeof caseStates)[number];

export const terminalStates: readonly CaseState[] = ['closed', 'rejected', 'cancelled'];
export const openStates: readonly CaseState[] = caseStates.filter((s) => !terminalStates.includes(s));

export const roles = [
  'grid_officer',
  'intake_operator',
  'shift_lead',
  'dispatcher',
  'department_handler',
  'supervisor',
  'region_supervisor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export type Light = 'green' | 'yellow' | 'red';
export type Urgency = 'normal' | 'urgent';
export type ReportSource = 'hotline' | 'app' | 'officer' | 'public' | 'video';

export interface LatLng {
  lat: number;
  lng: number;
}

/** The running stage clock; `due` is null while no clock runs (e.g. suspended). */
export interface CaseDeadline {
  stage: string | null;
  due: string | null;
  light: Light;
  /** `due` falls past the holidays the calendar has loaded: counted on weekly hours alone. */
  beyondCalendar?: boolean;
}

/** An extension (延期) or suspension (挂账) request awaiting the dispatcher. */
export interface PendingRequest {
  kind: 'extension' | 'suspension' | string;
  workMinutes: number | null;
  reason: string;
  requestedBy: string;
  at: string;
}

export interface CaseRecord {
  id: string;
  caseNo: string;
  city: string;
  source: ReportSource;
  state: CaseState;
  version: number;
  categoryCode: string;
  urgency: Urgency;
  description: string;
  location: LatLng;
  address: string | null;
  gridCode: string | null;
  departmentId: string | null;
  suggestedDepartmentId: string | null;
  assignee: string | null;
  deadline: CaseDeadline | null;
  reworkCount: number;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  // Beyond api.md: the platform's case view (packages/platform/src/cases/case-view.ts) adds these.
  districtCode?: string;
  streetCode?: string;
  communityCode?: string;
  returnCount?: number;
  extensionCount?: number;
  suspensionCount?: number;
  /** 督办: a supervisor escalated the case. */
  supervised?: boolean;
  selfHandled?: boolean;
  flags?: string[];
  pendingRequest?: PendingRequest | null;
  reporter?: { name: string | null; phone: string | null } | null;
  /** How a closed case ended: `on_time`, `overdue`, `special`; null while open. */
  closureType?: string | null;
}

export interface TimelineEntry {
  seq: number;
  command: string;
  fromState: CaseState | null;
  toState: CaseState;
  actor: string | null;
  at: string;
  /** What the command carried (note, reason, mediaIds, departmentId, ...). */
  data: Record<string, unknown> | null;
}

export interface CaseDetail extends CaseRecord {
  timeline: TimelineEntry[];
}

/**
 * A grid officer (监督员) the shift lead can send to a case's verification or check (改派), as
 * `GET /api/dispatch/cases/:id/officers` lists them: every active officer of the case's city.
 */
export interface CandidateOfficer {
  username: string;
  name: string;
  /** Responsible for the case's own grid. */
  coversGrid: boolean;
  /** Responsible for another grid of the case's street. */
  coversStreet: boolean;
  onDuty: boolean;
  /** Verification and check tasks the officer has not finished yet. */
  openTasks: number;
}

export interface CasePage {
  items: CaseRecord[];
  total: number;
}

export interface PossibleDuplicate {
  id: string;
  caseNo: string;
  state?: CaseState;
  categoryCode?: string;
  description?: string;
  address?: string | null;
  distanceMeters?: number;
  createdAt?: string;
}

export interface ReportedCase extends CaseRecord {
  possibleDuplicates?: PossibleDuplicate[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface Session {
  token: string;
  user: SessionUser;
  /** Beyond api.md, the backend also returns these; the console refreshes with them when present. */
  refreshToken?: string;
  expiresAt?: string;
}

export interface GridInfo {
  code: string;
  name: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
}

export interface GeoJsonPolygon {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

export interface GridWithGeometry extends GridInfo {
  geometry: GeoJsonPolygon;
}

/** `GET /api/areas`: a district, street or community outline. */
export interface AreaFeature {
  type: 'Feature';
  geometry: GeoJsonPolygon;
  properties: { code: string; name: string; nameEn: string; level: string; parentCode: string | null };
}

export interface AreaCollection {
  type: 'FeatureCollection';
  features: AreaFeature[];
}

/** `GET /api/grids?bbox=`: a unit grid outline. */
export interface GridFeature {
  type: 'Feature';
  geometry: GeoJsonPolygon;
  properties: { code: string; name: string; communityCode: string };
}

/** `truncated` when the box held more grids than one answer carries. */
export interface GridCollection {
  type: 'FeatureCollection';
  features: GridFeature[];
  truncated: boolean;
}

export interface Category {
  code: string;
  kind: 'component' | 'event';
  name: string;
  handlingLimitMinutes: number;
}

export interface Department {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export interface MediaRef {
  id: string;
  sha256: string;
  contentType: string;
  size: number;
}

/** A gazetteer entry (road, building number, landmark, community) matching an address search. */
export interface AddressHit {
  id: string;
  kind?: string;
  label: string;
  /** Where it is (street, district), shown under the label. */
  context?: string;
  lat: number;
  lng: number;
  gridCode: string;
}

export type TimelinessGroup = 'department' | 'district' | 'street' | 'grid' | 'category' | 'officer';

export interface TimelinessRow {
  key: string;
  name: string;
  received: number;
  dispatched: number;
  handled: number;
  handledOnTime: number;
  overdue: number;
  reworks: number;
  extensions: number;
  returns: number;
  closed: number;
  closedOnTime: number;
}

export interface TimelinessReport {
  rows: TimelinessRow[];
  totals: Omit<TimelinessRow, 'key' | 'name'> | null;
}

export type EvaluationSubject = 'officer' | 'department' | 'district';

export interface EvaluationRow {
  key: string;
  name: string;
  indicators: Record<string, number | null>;
  score: number | null;
  grade: string | null;
  rank: number | null;
}

export interface EvaluationReport {
  rows: EvaluationRow[];
}

/** How a callback (回访) call went: the caller was satisfied, was not, or did not answer. */
export type CallbackOutcome = 'satisfied' | 'unsatisfied' | 'unreachable';

/**
 * An ended case whose caller asked to be called back and has not been reached yet
 * (`GET /api/intake/callbacks`). For the operator `case.reporter` carries the caller's name and
 * unmasked phone.
 */
export interface CallbackDue {
  case: CaseRecord;
  /** Earlier calls that reached nobody. */
  attempts: number;
  lastAttemptAt: string | null;
}

/** One recorded callback call (`POST /api/intake/cases/:id/callback`). */
export interface CallbackCall {
  id: string;
  caseId: string;
  outcome: CallbackOutcome;
  note: string | null;
  /** The operator who called. */
  calledBy: string;
  at: string;
}

/**
 * A notice (通知) in the signed-in person's own inbox (`GET /api/notices`): something that
 * happened to a case they work on, named by `event` (`case.dispatched`, `task.verification`,
 * `deadline.overdue`, ...).
 */
export interface Notice {
  id: string;
  /** Null for a notice about the city's set-up (e.g. `calendar.ending`) rather than a case. */
  caseId: string | null;
  caseNo: string | null;
  event: string;
  /** Facts a notice without a case needs for its text, e.g. `{knownUntil}` of `calendar.ending`. */
  data: Record<string, unknown> | null;
  /** The group it was sent to (department, dispatcher, assignee, ...). */
  audience: string;
  at: string;
  read: boolean;
}

export interface NoticeList {
  items: Notice[];
  unread: number;
}

/** The event-chain audit (防篡改核验) of `GET /api/supervision/audit?caseId=`. */
export interface AuditResult {
  casesChecked: number;
  eventsChecked: number;
  ok: boolean;
  problems: { caseId: string; seq: number | null; kind: string; detail: string }[];
}

/** One city in the region supervisor's ranking (`GET /api/supervision/reports/region`). */
export interface RegionRow {
  key: string;
  name: string;
  indicators: Record<string, number | null>;
  score: number | null;
  grade: string | null;
  rank: number | null;
  totals: Omit<TimelinessRow, 'key' | 'name'>;
}

export interface RegionReport {
  from: string;
  to: string;
  rows: RegionRow[];
}
