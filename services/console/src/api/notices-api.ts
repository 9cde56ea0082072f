import { get, post } from './http';
import type { NoticeList } from './types';

/**
 * The signed-in person's notices, newest first, with how many are unread:
 * `GET /api/notices?unread=&limit=` (limit 1..200, default 50).
 */
export function listNotices(options: { unreadOnly?: boolean; limit?: number } = {}): Promise<NoticeList> {
  return get<NoticeList>('/api/notices', { unread: options.unreadOnly ?? false, limit: options.limit });
}

/**
 * Marks notices read: `POST /api/notices/read` with `{ids}`, or with no ids every one of them.
 * Answers how many stay unread.
 */
export async function markNoticesRead(ids?: readonly string[]): Promise<number> {
  const answer = await post<{ unread: number }>('/api/notices/read', ids ? { ids } : {});
  return answer.unread;
}
