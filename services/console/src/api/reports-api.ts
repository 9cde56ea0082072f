import { get, requestRaw, withQuery } from './http';
import type {
  AuditResult,
  EvaluationReport,
  EvaluationSubject,
  RegionReport,
  TimelinessGroup,
  TimelinessReport,
} from './types';

export interface Period {
  from: string;
  to: string;
}

const timelinessPath = '/api/supervision/reports/timeliness';

export const fetchTimeliness = (period: Period, groupBy: TimelinessGroup) =>
  get<TimelinessReport>(timelinessPath, { ...period, groupBy });

export const fetchEvaluation = (period: Period, subject: EvaluationSubject) =>
  get<EvaluationReport>('/api/supervision/reports/evaluation', { ...period, subject });

/** Downloads the timeliness table as CSV or XLSX; the token goes in a header, so not a plain link. */
export async function downloadTimeliness(
  period: Period,
  groupBy: TimelinessGroup,
  format: 'csv' | 'xlsx',
): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw('GET', withQuery(timelinessPath, { ...period, groupBy, format }));
  const blob = await response.blob();
  return { blob, filename: `timeliness-${groupBy}-${period.from}-${period.to}.${format}` };
}

/**
 * Beyond api.md, served by supervision — verifies one case's hash-chained event log (what
 * `npm run audit:verify` does): `GET /api/supervision/audit?caseId=` → `AuditResult`.
 */
export const auditCase = (caseId: string) => get<AuditResult>('/api/supervision/audit', { caseId });

/**
 * Beyond api.md, served by supervision — the cities of the region ranked side by side:
 * `GET /api/supervision/reports/region?from=&to=` → `RegionReport` (region supervisors only).
 */
export const fetchRegion = (period: Period) =>
  get<RegionReport>('/api/supervision/reports/region', { ...period });
