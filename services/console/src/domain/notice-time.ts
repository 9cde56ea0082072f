/**
 * When a notice came, as a person scans an inbox: "刚刚", "5 分钟前", "3 小时前" within the last
 * day; older ones (null here) are shown as a date and time in the cities' zone by the caller.
 */
import type { ConsoleLocale } from './countdown';

const minuteMs = 60_000;
const dayMinutes = 24 * 60;

export function noticeAge(at: string, nowMs: number, locale: ConsoleLocale): string | null {
  const atMs = Date.parse(at);
  if (Number.isNaN(atMs)) return null;
  // A notice a little "in the future" is the two clocks disagreeing: it has just come.
  const minutes = Math.max(0, Math.floor((nowMs - atMs) / minuteMs));
  if (minutes >= dayMinutes) return null;
  const hours = Math.floor(minutes / 60);
  if (locale === 'zh-CN') {
    if (minutes < 1) return '刚刚';
    return hours < 1 ? `${minutes} 分钟前` : `${hours} 小时前`;
  }
  if (minutes < 1) return 'just now';
  return hours < 1 ? `${minutes} min ago` : `${hours} h ago`;
}
