import type { CaseRecord, CaseState, QueryOf } from './contract';
import { api, ok, requestRaw, withQuery } from './http';

export type CaseQuery = QueryOf<'/api/cases'>;

export const listCases = (query: CaseQuery) => ok(api.GET('/api/cases', { params: { query } }));

/**
 * The search's ledger (台账) as CSV or XLSX: the same filters, every matching case; the token goes
 * in a header, so not a plain link.
 */
export async function downloadLedger(
  query: Omit<CaseQuery, 'page' | 'pageSize' | 'format'>,
  format: 'csv' | 'xlsx',
): Promise<{ blob: Blob; filename: string }> {
  const response = await requestRaw(withQuery('/api/cases', { ...query, format }));
  return { blob: await response.blob(), filename: `案件台账.${format}` };
}

export const fetchCase = (id: string) => ok(api.GET('/api/cases/{id}', { params: { path: { id } } }));

/** Every case in the given states, page by page (boards show whole queues, not a first page). */
export async function listCasesInStates(
  states: readonly CaseState[],
  filter: Omit<CaseQuery, 'state' | 'page' | 'pageSize'> = {},
  pageSize = 100,
  maxPages = 10,
): Promise<CaseRecord[]> {
  const pages = await Promise.all(
    states.map(async (state) => {
      const items: CaseRecord[] = [];
      for (let page = 1; page <= maxPages; page++) {
        const result = await listCases({ ...filter, state, page, pageSize });
        items.push(...result.items);
        if (items.length >= result.total || result.items.length < pageSize) break;
      }
      return items;
    }),
  );
  return pages.flat();
}

/**
 * An officer's field tasks (核实 and 核查): the verifying and reviewing cases assigned to them. Only
 * api.md's `GET /api/cases?state=` is needed — the caller sees their own grids — and the assignee
 * is matched here.
 */
export async function listFieldTasks(username: string): Promise<CaseRecord[]> {
  const items = await listCasesInStates(['verifying', 'reviewing']);
  return items.filter((item) => item.assignee === username);
}
