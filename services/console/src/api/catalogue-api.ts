/** 分类目录 and 权责清单 administration: catalogue versions and categories, the matrix of a city. */
import type { paths } from './generated/schema';
import { api, ok, requestRaw, withQuery } from './http';

const ifMatch = (version?: number) => (version === undefined ? {} : { 'if-match': `"${version}"` });

export const fetchCatalogues = () => ok(api.GET('/api/admin/catalogues'));

export const fetchCatalogue = (version: string) =>
  ok(api.GET('/api/admin/catalogues/{version}', { params: { path: { version } } }));

export type NewCatalogueBody =
  paths['/api/admin/catalogues']['post']['requestBody']['content']['application/json'];

export const createCatalogue = (body: NewCatalogueBody) => ok(api.POST('/api/admin/catalogues', { body }));

export const editCatalogue = (
  version: string,
  body: { name?: string; nameEn?: string; effectiveFrom?: string | null },
  revision: number,
) =>
  ok(
    api.PATCH('/api/admin/catalogues/{version}', {
      params: { path: { version }, header: ifMatch(revision) },
      body,
    }),
  );

export type CategoryBody =
  paths['/api/admin/catalogues/{version}/categories/{code}']['put']['requestBody']['content']['application/json'];

/** Creates (no `seen` version) or replaces a category of a version not in force. */
export const saveCategory = (version: string, code: string, body: CategoryBody, seen?: number) =>
  ok(
    api.PUT('/api/admin/catalogues/{version}/categories/{code}', {
      params: { path: { version, code }, header: ifMatch(seen) },
      body,
    }),
  );

export const withdrawCategory = (version: string, code: string, seen: number) =>
  ok(
    api.POST('/api/admin/catalogues/{version}/categories/{code}/withdraw', {
      params: { path: { version, code }, header: ifMatch(seen) },
    }),
  );

/** A city's questions (追问) of a version's categories: their Open311 service definitions. */
export const fetchQuestions = (version: string, city: string) =>
  ok(
    api.GET('/api/admin/catalogues/{version}/questions', { params: { path: { version }, query: { city } } }),
  );

export type QuestionsBody =
  paths['/api/admin/catalogues/{version}/categories/{code}/questions']['put']['requestBody']['content']['application/json'];
export type ServiceQuestion = QuestionsBody['questions'][number];

/** Sets the questions a category asks in a city, on the version seen (0 before any). */
export const saveQuestions = (
  version: string,
  code: string,
  city: string,
  body: QuestionsBody,
  seen: number,
) =>
  ok(
    api.PUT('/api/admin/catalogues/{version}/categories/{code}/questions', {
      params: { path: { version, code }, query: { city }, header: ifMatch(seen) },
      body,
    }),
  );

export const fetchMatrix = (city: string) =>
  ok(api.GET('/api/admin/matrix/{city}', { params: { path: { city }, query: {} } }));

export const fetchMatrixGaps = (city: string) =>
  ok(api.GET('/api/admin/matrix/{city}/gaps', { params: { path: { city } } }));

/** Names the department of one cell; `seen` is the cell's version when it had one (409 when stale). */
export const setMatrixCell = (
  city: string,
  category: string,
  area: string,
  departmentId: string,
  seen?: number,
) =>
  ok(
    api.PUT('/api/admin/matrix/{city}/cells/{category}/{area}', {
      params: { path: { city, category, area }, header: ifMatch(seen) },
      body: { departmentId },
    }),
  );

export const removeMatrixCell = (city: string, category: string, area: string, seen: number) =>
  ok(
    api.DELETE('/api/admin/matrix/{city}/cells/{category}/{area}', {
      params: { path: { city, category, area }, header: ifMatch(seen) },
    }),
  );

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The matrix as the workbook the import takes (权责清单-<city>.xlsx). */
export async function downloadMatrix(city: string): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery(`/api/admin/matrix/${city}`, { format: 'xlsx' }));
  return { blob: await response.blob(), filename: `权责清单-${city}.xlsx` };
}

/** Replaces the city's matrix with a workbook; every bad row comes back in the problem's rowErrors. */
export async function importMatrix(
  city: string,
  file: Blob,
): Promise<{ added: number; changed: number; removed: number; unchanged: number }> {
  const response = await requestRaw(`/api/admin/matrix/${city}/import`, {
    method: 'POST',
    headers: { 'content-type': xlsxType },
    body: file,
  });
  return response.json();
}
