/**
 * Where the region supervisor is in the drill-down (下钻): region → city → district → its cases,
 * with the period and the map's measure kept at every level. The state lives in the address
 * (`/region?period=2026-11&measure=score&city=1501&district=150102`), so the browser's back, a
 * reload and the breadcrumbs all land on the same level.
 */
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { isPeriodKey } from './region-periods';

export type DrillLevel = 'region' | 'city' | 'district';

export interface DrillState {
  period: string;
  /** `score`, `target:<indicator code>` or `case:<indicator key>`. */
  measure: string;
  city: string | null;
  district: string | null;
}

const text = (value: LocationQuery[string] | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;

export function drillOf(query: LocationQuery, defaultPeriod: string): DrillState {
  const period = text(query.period);
  const asked = text(query.city);
  const city = asked !== null && /^\d{4,6}$/.test(asked) ? asked : null;
  const district = city === null ? null : text(query.district);
  return {
    period: period !== null && isPeriodKey(period) ? period : defaultPeriod,
    measure: text(query.measure) ?? 'score',
    city,
    district: district !== null && /^\d{6,12}$/.test(district) ? district : null,
  };
}

export function levelOf(state: DrillState): DrillLevel {
  return state.district !== null ? 'district' : state.city !== null ? 'city' : 'region';
}

export function queryOf(state: DrillState): LocationQueryRaw {
  const query: LocationQueryRaw = { period: state.period, measure: state.measure };
  if (state.city !== null) query.city = state.city;
  if (state.city !== null && state.district !== null) query.district = state.district;
  return query;
}

/** One level down: a city of the region, or a district of the city. */
export function into(state: DrillState, code: string): DrillState {
  if (state.city === null) return { ...state, city: code, district: null };
  return { ...state, district: code };
}

/** Back up to `level`, keeping the period and the measure. */
export function upTo(state: DrillState, level: DrillLevel): DrillState {
  if (level === 'region') return { ...state, city: null, district: null };
  if (level === 'city') return { ...state, district: null };
  return state;
}

export interface Crumb {
  level: DrillLevel;
  label: string;
  state: DrillState;
}

/** The breadcrumbs of the state: the region, then its city and district by name. */
export function crumbsOf(
  state: DrillState,
  names: { region: string; nameOf: (code: string) => string },
): Crumb[] {
  const crumbs: Crumb[] = [{ level: 'region', label: names.region, state: upTo(state, 'region') }];
  if (state.city !== null)
    crumbs.push({ level: 'city', label: names.nameOf(state.city), state: upTo(state, 'city') });
  if (state.city !== null && state.district !== null)
    crumbs.push({ level: 'district', label: names.nameOf(state.district), state });
  return crumbs;
}

/** The arrow of a rank change (the previous rank minus this one: up is positive). */
export function rankArrow(change: number | null | undefined): {
  arrow: string;
  trend: 'up' | 'down' | 'same' | 'none';
} {
  if (change === null || change === undefined) return { arrow: '', trend: 'none' };
  if (change > 0) return { arrow: `▲${change}`, trend: 'up' };
  if (change < 0) return { arrow: `▼${-change}`, trend: 'down' };
  return { arrow: '–', trend: 'same' };
}
