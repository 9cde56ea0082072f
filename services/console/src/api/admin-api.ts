/** Administration (系统管理): grid import, a city's calendar days, the admin audit log. */
import { api, ok, requestRaw, withQuery } from './http';

type GridFile = { type: 'FeatureCollection'; features: unknown[] };

/** Previews (apply false) or applies a grid file; `version` is the one the preview was made on. */
export const importGrids = (file: GridFile, apply: boolean, version?: number) =>
  ok(
    api.POST('/api/admin/grids/import', {
      params: {
        query: { apply: apply ? 'true' : 'false' },
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
