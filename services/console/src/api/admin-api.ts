/**
 * Administration (系统管理): grid import, a city's calendar (days, hours, deadline preview), cities,
 * departments, people, the duty rota, API keys, evaluation settings, the admin audit log.
 */
import { xlsxType } from './catalogue-api';
import type { paths } from './generated/schema';
import { api, ok, requestRaw, withQuery } from './http';

type GridFile = { type: 'FeatureCollection'; features: unknown[] };

/**
 * Previews (apply false) or applies a grid file of `city` (the admin's own when empty); `version` is
 * the one the preview was made on.
 */
export const importGrids = (file: GridFile, apply: boolean, city: string, version?: number) =>
  ok(
    api.POST('/api/admin/grids/import', {
      params: {
        query: { apply: apply ? 'true' : 'false', ...(city ? { city } : {}) },
        header: version === undefined ? {} : { 'if-match': `"${version}"` },
      },
      body: file,
    }),
  );

export const fetchCalendar = (city: string, year: number) =>
  ok(api.GET('/api/admin/calendars/{city}', { params: { path: { city }, query: { year } } }));

export const setCalendarDay = (city: string, date: string, kind: 'holiday' | 'workday', name?: string) =>
  ok(
    api.PUT('/api/admin/calendars/{city}/days/{date}', {
      params: { path: { city, date }, header: {} },
      body: name ? { kind, name } : { kind },
    }),
  );

export const removeCalendarDay = (city: string, date: string, version: number) =>
  ok(
    api.DELETE('/api/admin/calendars/{city}/days/{date}', {
      params: { path: { city, date }, header: { 'if-match': `"${version}"` } },
    }),
  );

export const fetchAudit = (page: number) =>
  ok(api.GET('/api/admin/audit', { params: { query: { page, pageSize: 50 } } }));

/** The audit log as CSV; the token goes in a header, so not a plain link. */
export async function downloadAudit(): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery('/api/admin/audit', { format: 'csv' }));
  return { blob: await response.blob(), filename: 'admin-audit.csv' };
}

const ifMatch = (version?: number) => (version === undefined ? {} : { 'if-match': `"${version}"` });

/** Cities (every one for a region admin) and a city's areas. */
export const fetchCities = () => ok(api.GET('/api/admin/cities'));

export const createCity = (body: { code: string; name: string; nameEn: string; timeZone: string }) =>
  ok(api.POST('/api/admin/cities', { body }));

export const renameCity = (city: string, names: { name: string; nameEn: string }, version: number) =>
  ok(
    api.PUT('/api/admin/cities/{city}', {
      params: { path: { city }, header: ifMatch(version) },
      body: names,
    }),
  );

export const retireCity = (city: string, retiredOn: string, version: number) =>
  ok(
    api.POST('/api/admin/cities/{city}/retire', {
      params: { path: { city }, header: ifMatch(version) },
      body: { retiredOn },
    }),
  );

/** A city's base map (底图) setting: a tile server, `own` (drawn from its gazetteer); null: the deployment's. */
export type CityBaseMapSetting = Awaited<ReturnType<typeof fetchCities>>['items'][number]['baseMap'];

export const setCityBaseMap = (city: string, baseMap: CityBaseMapSetting, version: number) =>
  ok(
    api.PUT('/api/admin/cities/{city}/base-map', {
      params: { path: { city }, header: ifMatch(version) },
      body: { baseMap },
    }),
  );

export const fetchAreas = (city: string) =>
  ok(api.GET('/api/admin/cities/{city}/areas', { params: { path: { city } } }));

export const createArea = (
  city: string,
  body: { level: 'district' | 'street' | 'community'; code: string; name: string; nameEn: string },
) => ok(api.POST('/api/admin/cities/{city}/areas', { params: { path: { city } }, body }));

export const renameArea = (code: string, names: { name: string; nameEn: string }, version: number) =>
  ok(
    api.PUT('/api/admin/areas/{code}', { params: { path: { code }, header: ifMatch(version) }, body: names }),
  );

export const retireArea = (code: string, retiredOn: string, version: number) =>
  ok(
    api.POST('/api/admin/areas/{code}/retire', {
      params: { path: { code }, header: ifMatch(version) },
      body: { retiredOn },
    }),
  );

/** API keys: created (the key is in this answer only), listed, their rate changed, revoked. */
export const fetchApiKeys = () => ok(api.GET('/api/admin/api-keys', { params: { query: {} } }));

export const createApiKey = (body: {
  name: string;
  source: 'hotline' | 'app' | 'public' | 'video';
  scopes: Array<'report:create' | 'report:read'>;
  rateLimitPerMinute: number;
}) => ok(api.POST('/api/admin/api-keys', { body }));

export const revokeApiKey = (id: string) =>
  ok(api.POST('/api/admin/api-keys/{id}/revoke', { params: { path: { id } } }));

/** A key's new rate per minute, made on the version seen (409 when another admin changed it since). */
export const changeApiKeyRate = (id: string, rateLimitPerMinute: number, version: number) =>
  ok(
    api.PATCH('/api/admin/api-keys/{id}', {
      params: { path: { id }, header: ifMatch(version) },
      body: { rateLimitPerMinute },
    }),
  );

/** A city's evaluation settings, and a new version from a date. */
export const fetchEvaluationSettings = (city: string) =>
  ok(api.GET('/api/admin/cities/{city}/evaluation-settings', { params: { path: { city } } }));

export type EvaluationBody =
  paths['/api/admin/cities/{city}/evaluation-settings']['put']['requestBody']['content']['application/json'];

export const saveEvaluationSettings = (city: string, body: EvaluationBody, version: number) =>
  ok(
    api.PUT('/api/admin/cities/{city}/evaluation-settings', {
      params: { path: { city }, header: ifMatch(version) },
      body,
    }),
  );

/** Staff accounts of the admin's city (every city for a region admin). */
export const fetchUsers = () => ok(api.GET('/api/admin/users', { params: { query: {} } }));

export type NewUserBody = paths['/api/admin/users']['post']['requestBody']['content']['application/json'];

export const createUser = (body: NewUserBody) => ok(api.POST('/api/admin/users', { body }));

export const deactivateUser = (username: string) =>
  ok(api.POST('/api/admin/users/{username}/deactivate', { params: { path: { username } } }));

/** A city's departments (retired ones too); created, edited (If-Match) and retired from a date. */
export const fetchDepartments = (city: string) =>
  ok(api.GET('/api/admin/departments', { params: { query: city ? { city } : {} } }));

export type DepartmentBody =
  paths['/api/admin/departments/{id}']['put']['requestBody']['content']['application/json'];

export const createDepartment = (body: DepartmentBody & { city: string }) =>
  ok(api.POST('/api/admin/departments', { body }));

export const editDepartment = (id: string, body: DepartmentBody, version: number) =>
  ok(api.PUT('/api/admin/departments/{id}', { params: { path: { id }, header: ifMatch(version) }, body }));

export const retireDepartment = (id: string, retiredOn: string, version: number) =>
  ok(
    api.POST('/api/admin/departments/{id}/retire', {
      params: { path: { id }, header: ifMatch(version) },
      body: { retiredOn },
    }),
  );

/** The duty rota (值班表) of a period: its shifts, its workbook, and a workbook imported over it. */
export interface RotaPeriod {
  from: string;
  to: string;
}

export const fetchRota = (city: string, period: RotaPeriod) =>
  ok(api.GET('/api/admin/rota/{city}', { params: { path: { city }, query: period } }));

export async function downloadRota(
  city: string,
  period: RotaPeriod,
): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery(`/api/admin/rota/${city}`, { ...period, format: 'xlsx' }));
  return { blob: await response.blob(), filename: `值班表-${city}-${period.from}-${period.to}.xlsx` };
}

/** Replaces the period's shifts with a workbook's; every bad row comes back in the problem's rowErrors. */
export async function importRota(
  city: string,
  period: RotaPeriod,
  file: Blob,
): Promise<{ removed: number; added: number }> {
  const response = await requestRaw(withQuery(`/api/admin/rota/${city}/import`, { ...period }), {
    method: 'POST',
    headers: { 'content-type': xlsxType },
    body: file,
  });
  return response.json();
}

/** A calendar's working hours (each ISO weekday's periods), set with the version they were read at. */
export type CalendarHoursBody =
  paths['/api/admin/calendars/{city}/hours/{code}']['put']['requestBody']['content']['application/json'];

export const setCalendarHours = (city: string, code: string, body: CalendarHoursBody, version: number) =>
  ok(
    api.PUT('/api/admin/calendars/{city}/hours/{code}', {
      params: { path: { city, code }, header: ifMatch(version) },
      body,
    }),
  );

export const loadCalendarYear = (city: string, year: number) =>
  ok(api.POST('/api/admin/calendars/{city}/years/{year}/load', { params: { path: { city, year } } }));

export type DeadlinePreviewBody =
  paths['/api/admin/calendars/{city}/deadlines/preview']['post']['requestBody']['content']['application/json'];

/** When a stage's deadline falls as the calendar is, and with the proposed days and hours. */
export const previewDeadline = (city: string, body: DeadlinePreviewBody) =>
  ok(api.POST('/api/admin/calendars/{city}/deadlines/preview', { params: { path: { city } }, body }));
