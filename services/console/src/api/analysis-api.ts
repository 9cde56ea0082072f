/**
 * Beyond api.md, served by supervision — analysis (数据分析): trends, hotspots, callback
 * satisfaction and the monthly operation report, each also as a file (the same columns).
 */
import type { QueryOf } from './contract';
import { api, ok, requestRaw, withQuery } from './http';
import type { Period } from './reports-api';

export type TrendQuery = Omit<QueryOf<'/api/supervision/reports/trend'>, 'format' | 'from' | 'to' | 'city'>;
export type SatisfactionGroup = QueryOf<'/api/supervision/reports/satisfaction'>['groupBy'];

export const fetchTrend = (period: Period, query: TrendQuery) =>
  ok(api.GET('/api/supervision/reports/trend', { params: { query: { ...period, ...query } } }));

export const fetchHotspots = (period: Period, limit = 20) =>
  ok(api.GET('/api/supervision/reports/hotspots', { params: { query: { ...period, limit } } }));

export const fetchSatisfaction = (period: Period, groupBy: SatisfactionGroup) =>
  ok(api.GET('/api/supervision/reports/satisfaction', { params: { query: { ...period, groupBy } } }));

export const fetchMonthly = (month: string) =>
  ok(api.GET('/api/supervision/reports/monthly', { params: { query: { month } } }));

/** One of the analysis reports as a file; the token goes in a header, so not a plain link. */
export async function downloadAnalysis(
  report: 'trend' | 'hotspots' | 'satisfaction' | 'monthly',
  query: Record<string, string | number | undefined>,
  filename: string,
): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery(`/api/supervision/reports/${report}`, query));
  return { blob: await response.blob(), filename };
}
