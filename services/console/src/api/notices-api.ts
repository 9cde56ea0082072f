import type { NoticeList } from './contract';
import { api, ok } from './http';

/**
 * The signed-in person's notices, newest first, with how many are unread:
 * `GET /api/notices?unread=&limit=` (limit 1..200, default 50).
 */
export function listNotices(options: { unreadOnly?: boolean; limit?: number } = {}): Promise<NoticeList> {
  const unread = options.unreadOnly ? 'true' : 'false';
  return ok(api.GET('/api/notices', { params: { query: { unread, limit: options.limit } } }));
}

/**
 * Marks notices read: `POST /api/notices/read` with `{ids}`, or with no ids every one of them.
 * Answers how many stay unread.
 */
export async function markNoticesRead(ids?: readonly string[]): Promise<number> {
  const answer = await ok(api.POST('/api/notices/read', { body: ids ? { ids: [...ids] } : {} }));
  return answer.unread;
}
