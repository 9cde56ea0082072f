/**
 * The region's screens (全区地图、排名、下钻、趋势、大屏): where the cities are drawn, their ranking and
 * targets' attainment of a month or quarter, the case indicators of the region report, a city's
 * districts and streets and its trend (the supervisor's report routes naming the city), and the
 * region's wall.
 */
import type { Answer, QueryOf } from './contract';
import { api, ok } from './http';
import type { Period } from './reports-api';

export type RegionCity = Answer<'/api/region/cities', 'get'>[number];
export type RegionRanking = Answer<'/api/region/ranking', 'get'>;
export type RegionRankingRow = RegionRanking['rows'][number];
export type RegionAttainment = Answer<'/api/region/attainment', 'get'>;
export type AttainmentCell = RegionAttainment['rows'][number]['cells'][number];
export type RegionTarget = Answer<'/api/region/targets', 'get'>[number];
export type RegionScreen = Answer<'/api/region/screen', 'get'>;
export type CityTrend = Answer<'/api/supervision/reports/trend', 'get'>;
export type AreaGroup = Extract<
  QueryOf<'/api/supervision/reports/timeliness'>['groupBy'],
  'district' | 'street'
>;

export const fetchRegionCities = () => ok(api.GET('/api/region/cities'));

export const fetchRanking = (period: string) =>
  ok(api.GET('/api/region/ranking', { params: { query: { period } } }));

export const fetchAttainment = (period: string) =>
  ok(api.GET('/api/region/attainment', { params: { query: { period } } }));

export const fetchTargets = () => ok(api.GET('/api/region/targets'));

export const fetchRegionScreen = () => ok(api.GET('/api/region/screen'));

/** A city's districts or streets over a period (the supervisor's timeliness report, for that city). */
export const fetchCityAreas = (city: string, period: Period, groupBy: AreaGroup) =>
  ok(
    api.GET('/api/supervision/reports/timeliness', {
      params: { query: { ...period, city, groupBy } },
    }),
  );

/** A city's month-by-month counts and on-time rates (the analysis trend, for that city). */
export const fetchCityTrend = (city: string, period: Period) =>
  ok(
    api.GET('/api/supervision/reports/trend', {
      params: { query: { ...period, city, interval: 'month', groupBy: 'district' } },
    }),
  );
