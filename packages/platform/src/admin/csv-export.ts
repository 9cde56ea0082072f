/** The admin logs' reads: one query shape, and CSV exports, spreadsheet-ready. */
import { cityCodeString } from '@urbangrid/domain';
import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

/** What every log read takes: a city, a period (from inclusive, to exclusive), a page or CSV. */
export const logQuerystring = z.object({
  /** Region staff may narrow to one city; a city's staff read their own. */
  city: cityCodeString.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actor: z.string().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(['json', 'csv']).default('json'),
});

/** The period of a log read as dates. */
export const periodOf = (query: { from?: string; to?: string }) => ({
  ...(query.from ? { from: new Date(query.from) } : {}),
  ...(query.to ? { to: new Date(query.to) } : {}),
});

/** The most an export holds; narrow the period for more. */
export const exportLimit = 10_000;

/** Sends `rows` under `headers` as `filename`, with a BOM so spreadsheet programs read UTF-8. */
export function sendCsv(
  reply: FastifyReply,
  filename: string,
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(`\uFEFF${stringify([headers, ...rows])}`);
}
