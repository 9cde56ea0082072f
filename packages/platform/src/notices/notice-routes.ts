/**
 * A person's notices (通知): `GET /api/notices` (newest first, with the unread count) and
 * `POST /api/notices/read` (these ids, or all but the urgent ones, which are acknowledged one by
 * one). Each signed-in staff member sees only the notices
 * addressed to them; new ones also arrive on `/api/live` as `{type: "notice", ...}`.
 */

import { countUnreadNotices, listNoticesOf, markNoticesRead, type NoticeRow } from '@urbangrid/db';
import { isUrgentNotice, urgentNoticeEvents } from '@urbangrid/domain';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import { staffOnly } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';

const tags = ['notices'];

const noticeSchema = z.object({
  id: z.string(),
  /** Null for a notice about the city's set-up rather than a case (e.g. `calendar.ending`). */
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  /** What happened, e.g. `case.dispatched`, `task.verification`, `deadline.overdue`, `calendar.ending`. */
  event: z.string(),
  /** Facts the text of a notice without a case needs, e.g. `{knownUntil, daysLeft}` of `calendar.ending`. */
  data: z.record(z.string(), z.unknown()).nullable(),
  /** The group it went to: department, dispatcher, assignee, supervisor, ... */
  audience: z.string(),
  /** Must not be missed (a case gone red, a supervision order 督办): acknowledged on its own, never by "all". */
  urgent: z.boolean(),
  at: z.string(),
  read: z.boolean(),
});

const noticeData = z.record(z.string(), z.unknown());

const toNotice = (row: NoticeRow) => ({
  id: row.id,
  caseId: row.caseId,
  caseNo: row.caseNo,
  event: row.event,
  data: noticeData.safeParse(row.data).data ?? null,
  audience: row.audience,
  urgent: isUrgentNotice(row.event),
  at: row.at.toISOString(),
  read: row.readAt !== null,
});

const listQuery = z.object({
  unread: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const readBody = z.object({
  /** The notices read (or acknowledged); none given marks every notice read but the urgent ones. */
  ids: z.array(z.string().min(1).max(200)).min(1).max(500).optional(),
});

export const noticeRoutes: ServicePlugin = async (app) => {
  app.get(
    '/api/notices',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'My notices, newest first, and how many are unread',
        querystring: listQuery,
        response: { 200: z.object({ items: z.array(noticeSchema), unread: z.number().int() }) },
      },
    },
    async (request) => {
      const { username } = userOf(request);
      const [rows, unread] = await Promise.all([
        listNoticesOf(app.db, username, {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        }),
        countUnreadNotices(app.db, username),
      ]);
      return { items: rows.map(toNotice), unread };
    },
  );

  app.post(
    '/api/notices/read',
    {
      config: { access: staffOnly },
      schema: {
        tags,
        summary: 'Marks my notices read: the ids given, or all but the urgent ones',
        body: readBody,
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => {
      const { username } = userOf(request);
      await markNoticesRead(app.db, username, request.body.ids ?? 'all', new Date(), urgentNoticeEvents);
      return { unread: await countUnreadNotices(app.db, username) };
    },
  );
};
