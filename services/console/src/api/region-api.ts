/**
 * The region's desk (自治区平台): the targets' attainment matrix, the cities' indicator reports and
 * their review (指标报送与审核), the ranking and its publication, the bulletin (通报) and the
 * supervision orders (督办) the region issues to a city.
 */
import type { Answer, RequestBody } from './contract';
import { api, ok, requestRaw, withQuery } from './http';

export type Attainment = Answer<'/api/region/attainment', 'get'>;
export type AttainmentCell = Attainment['rows'][number]['cells'][number];
export type RegionTarget = Answer<'/api/region/targets', 'get'>[number];
export type IndicatorReport = Answer<'/api/region/reports', 'get'>[number];
export type IndicatorReportDetail = Answer<'/api/region/reports/{city}/{indicator}/{period}', 'get'>;
export type ReportInput = RequestBody<'/api/region/reports/{city}/{indicator}/{period}', 'put'>;
export type Ranking = Answer<'/api/region/ranking', 'get'>;
export type Bulletin = Answer<'/api/region/bulletins/{period}', 'get'>;
export type SupervisionOrderInput = RequestBody<'/api/region/supervision-orders', 'post'>;

export interface ReportKey {
  city: string;
  indicator: string;
  period: string;
}

export const fetchAttainment = (period: string) =>
  ok(api.GET('/api/region/attainment', { params: { query: { period } } }));

export const fetchTargets = () => ok(api.GET('/api/region/targets'));

export const listReports = (query: { city?: string; period?: string; state?: IndicatorReport['state'] }) =>
  ok(api.GET('/api/region/reports', { params: { query } }));

export const fetchReport = (key: ReportKey) =>
  ok(api.GET('/api/region/reports/{city}/{indicator}/{period}', { params: { path: key } }));

/** Reports a value (first time) or resubmits a returned one at the version seen. */
export const submitReport = (key: ReportKey, body: ReportInput, version?: number) =>
  ok(
    api.PUT('/api/region/reports/{city}/{indicator}/{period}', {
      params: { path: key, header: version === undefined ? {} : { 'if-match': `"${version}"` } },
      body,
    }),
  );

export const reviewReport = (
  key: ReportKey,
  decision: { decision: 'accept' } | { decision: 'return'; reason: string },
  version: number,
) =>
  ok(
    api.POST('/api/region/reports/{city}/{indicator}/{period}/review', {
      params: { path: key, header: { 'if-match': `"${version}"` } },
      body: decision,
    }),
  );

export const fetchRanking = (period: string) =>
  ok(api.GET('/api/region/ranking', { params: { query: { period } } }));

export const publishRanking = (period: string) =>
  ok(api.POST('/api/region/ranking/{period}/publish', { params: { path: { period } } }));

export const fetchBulletin = (period: string) =>
  ok(api.GET('/api/region/bulletins/{period}', { params: { path: { period }, query: { format: 'json' } } }));

export const issueSupervisionOrder = (body: SupervisionOrderInput) =>
  ok(api.POST('/api/region/supervision-orders', { body }));

async function download(path: string, filename: string): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(path);
  return { blob: await response.blob(), filename };
}

export const downloadAttainment = (period: string) =>
  download(withQuery('/api/region/attainment', { period, format: 'xlsx' }), `attainment-${period}.xlsx`);

export const downloadBulletin = (period: string) =>
  download(
    withQuery(`/api/region/bulletins/${encodeURIComponent(period)}`, { format: 'xlsx' }),
    `bulletin-${period}.xlsx`,
  );
