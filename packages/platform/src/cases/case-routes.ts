/**
 * The shared case read routes of api.md: `GET /api/cases` (a filtered page, a search, or the
 * search's ledger as a file) and `GET /api/cases/:id` (one case with its timeline), both limited to
 * what the caller may see.
 */

import {
  type CaseFilter,
  caseListCountCap,
  findCameraBurstOfCase,
  findCaseNames,
  listCaseCallers,
  listCaseEvents,
  listCaseLedger,
  listCasesInScope,
  listPolice110Updates,
} from '@urbangrid/db';
import { caseStates } from '@urbangrid/domain';
import { z } from 'zod';
import { caseScopeOf } from '../access/case-scope.js';
import { type Actor, actorOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import { httpError } from '../errors.js';
import { exportFormats, sendTable } from '../exports/table-export.js';
import type { ServicePlugin } from '../service-plugin.js';
import { caseCursorParam, encodeCaseCursor } from './case-cursor.js';
import { caseInScopeOr404 } from './case-in-scope.js';
import { caseLedgerTable } from './case-ledger.js';
import { caseSearchFilter, caseSearchQuery } from './case-search.js';
import {
  caseDetailSchema,
  caseViewSchema,
  toCaseDetail,
  toCaseView,
  toPolice110Link,
  usernamesOf,
} from './case-view.js';

/** `state=handling` or a comma-separated list `state=dispatched,handling`. */
const stateList = z
  .string()
  .trim()
  .min(1)
  .transform((value) => value.split(',').map((state) => state.trim()))
  .pipe(z.array(z.enum(caseStates, { error: `each state must be one of ${caseStates.join(', ')}` })));

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

const listQuery = z.object({
  state: stateList.optional(),
  gridCode: z
    .string()
    .trim()
    .regex(/^\d{15}$/, 'a 15-digit unit grid code')
    .optional(),
  departmentId: z.string().trim().min(1).max(100).optional(),
  overdue: booleanFlag.optional(),
  /** true: only the cases the caller reported (an officer's 我的上报). */
  mine: booleanFlag.optional(),
  page: z.coerce.number().int().min(1).max(caseListCountCap).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** Where the previous page ended (its `nextCursor`); `page` is then ignored. */
  cursor: caseCursorParam.optional(),
  format: z.enum(exportFormats).default('json'),
});

const listAnswer = z.object({
  items: z.array(caseViewSchema),
  /** Matching cases, counted up to the cap (a text search: to the end of the page): when `totalExact` is false there are more. */
  total: z.number().int(),
  totalExact: z.boolean(),
  /** The `cursor` of the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});

/** The most cases one ledger file holds: a wider search is asked to narrow down. */
export const maxLedgerRows = 10_000;

export const caseRoutes: ServicePlugin = async (app) => {
  /** The zone of the caller's local days: their city's, a region's first city's. */
  async function timeZoneOf(actor: Actor): Promise<string> {
    if (actor.city !== null) return app.reference.cityTimeZone(actor.city);
    const [first] = await app.reference.cities();
    if (first === undefined) throw httpError('VALIDATION_FAILED', 'no city is set up yet');
    return first.timeZone;
  }
  const ledgerDay = (timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

  app.get(
    '/api/cases',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller may see, newest first',
        description:
          '`state` takes one state or a comma-separated list; `overdue=true` keeps the open cases whose current stage is past its limit (red light); `mine=true` keeps the cases the caller reported (an officer’s 我的上报). ' +
          '`q` searches the case number, address and description (and, for intake operators, the phone of the reporter or of a caller attached to the case); `caseNo` and `address` match part of that field alone; `phone` (intake operators only) finds the cases that number called about; ' +
          '`from`/`to` bound the report time (a day is the city’s local day, both inclusive, or an ISO instant). All filters combine. ' +
          `\`format=csv\` or \`format=xlsx\` answers every matching case (at most ${maxLedgerRows}, page ignored) as a ledger (台账) file with Chinese headers and names. ` +
          `\`total\` counts the matching cases up to ${caseListCountCap}: past that it is ${caseListCountCap} with \`totalExact: false\` (show "${caseListCountCap}+"). ` +
          'A text search (`q`, `address`, `caseNo` with part of a number) is not counted — a word is found in every year of a city, and counting would read them all: `total` is the cases up to the end of this page, with `totalExact: false` while more follow. ' +
          `Pages: \`page\` reaches the first ${caseListCountCap} cases; every page answers \`nextCursor\`, and \`cursor=<nextCursor>\` reads the page after it however deep (newest first, each case once even while cases are reported).`,
        querystring: listQuery.extend(caseSearchQuery.shape),
        response: { 200: listAnswer },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { state, gridCode, departmentId, overdue, mine, page, pageSize, cursor, format, ...search } =
        request.query;
      const timeZone = await timeZoneOf(actor);
      const filter: CaseFilter = {
        states: state,
        gridCode,
        departmentId,
        overdue,
        // (Staff only: a key never reaches this route, and sees no case views anyway.)
        ...(mine === true && actor.kind === 'user' ? { reporter: actor.username } : {}),
        ...caseSearchFilter(actor, search, app.config.phoneEncryptionKey, timeZone),
      };
      if (format !== 'json') {
        const rows = await listCaseLedger(app.reportsDb, caseScopeOf(actor), filter, maxLedgerRows + 1);
        if (rows.length > maxLedgerRows) {
          throw httpError(
            'VALIDATION_FAILED',
            `more than ${maxLedgerRows} cases match: narrow the search (period, state, area) to export them`,
          );
        }
        const sent = await sendTable(reply, format, `案件台账-${ledgerDay(timeZone)}`, () =>
          caseLedgerTable(rows, { title: `案件台账（${rows.length} 件）`, timeZone }),
        );
        if (sent !== null) return sent;
      }
      const offset = (page - 1) * pageSize;
      if (cursor === undefined && offset + pageSize > caseListCountCap) {
        throw httpError(
          'VALIDATION_FAILED',
          `page reaches the first ${caseListCountCap} cases only: go on with cursor (each page's nextCursor)`,
        );
      }
      const result = await listCasesInScope(
        app.db,
        caseScopeOf(actor),
        filter,
        cursor === undefined ? { offset, limit: pageSize } : { after: cursor, limit: pageSize },
      );
      const key = app.config.phoneEncryptionKey;
      return {
        items: result.rows.map((row) => toCaseView(row, actor, key)),
        total: result.total,
        totalExact: result.totalExact,
        nextCursor: result.next === null ? null : encodeCaseCursor(result.next),
      };
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['cases'],
        summary: 'One case with its timeline (a case outside the caller’s jurisdiction answers 404)',
        params: z.object({ id: z.string().trim().min(1).max(100) }),
        response: { 200: caseDetailSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await caseInScopeOr404(app.db, actor, request.params.id);
      const [events, burst, police110Updates, callers] = await Promise.all([
        listCaseEvents(app.db, row.id),
        findCameraBurstOfCase(app.db, row.id),
        row.closureType === 'handed_to_110' ? listPolice110Updates(app.db, row.id) : [],
        listCaseCallers(app.db, row.id),
      ]);
      const names = await findCaseNames(app.db, {
        usernames: usernamesOf(row, events),
        gridCode: row.gridCode,
        districtCode: row.districtCode,
      });
      const police110 = toPolice110Link(row, police110Updates);
      const key = app.config.phoneEncryptionKey;
      return toCaseDetail(row, events, actor, key, names, burst, police110, callers);
    },
  );
};
