import type { EvaluationSubject, TimelinessGroup } from './contract';
import { api, ok, requestRaw, withQuery } from './http';

export interface Period {
  from: string;
  to: string;
}

const timelinessPath = '/api/supervision/reports/timeliness';

export const fetchTimeliness = (period: Period, groupBy: TimelinessGroup) =>
  ok(api.GET(timelinessPath, { params: { query: { ...period, groupBy } } }));

export const fetchEvaluation = (period: Period, subject: EvaluationSubject) =>
  ok(api.GET('/api/supervision/reports/evaluation', { params: { query: { ...period, subject } } }));

/** Downloads the timeliness table as CSV or XLSX; the token goes in a header, so not a plain link. */
export async function downloadTimeliness(
  period: Period,
  groupBy: TimelinessGroup,
  format: 'csv' | 'xlsx',
): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery(timelinessPath, { ...period, groupBy, format }));
  const blob = await response.blob();
  return { blob, filename: `timeliness-${groupBy}-${period.from}-${period.to}.${format}` };
}

/**
 * Beyond api.md, served by supervision — verifies one case's hash-chained event log (what
 * `npm run audit:verify` does): `GET /api/supervision/audit?caseId=`.
 */
export const auditCase = (caseId: string) =>
  ok(api.GET('/api/supervision/audit', { params: { query: { caseId } } }));

/**
 * Beyond api.md, served by supervision — the cities of the region ranked side by side:
 * `GET /api/supervision/reports/region?from=&to=` (region supervisors only).
 */
export const fetchRegion = (period: Period) =>
  ok(api.GET('/api/supervision/reports/region', { params: { query: { ...period } } }));

/**
 * Beyond api.md, served by supervision — the big screen's summary (大屏): today's counters, rates,
 * open cases' lights, heat by grid, top lists, the 30-day trend and the latest events:
 * `GET /api/supervision/screen?city=` (a region supervisor names the city).
 */
export const fetchScreen = (city?: string) =>
  ok(api.GET('/api/supervision/screen', { params: { query: { city } } }));
