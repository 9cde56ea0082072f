/**
 * The countdown shown beside a deadline light (倒计时): time left until the stage's due moment, or
 * how long it is overdue. Due moments come from the server's working-time calendar; the countdown
 * itself is wall-clock time to that moment.
 */

export type ConsoleLocale = 'zh-CN' | 'en';

export interface Countdown {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

const minuteMs = 60_000;

export function countdownTo(dueMs: number, nowMs: number): Countdown {
  const diff = dueMs - nowMs;
  const overdue = diff < 0;
  const total = Math.floor(Math.abs(diff) / minuteMs);
  return {
    overdue,
    days: Math.floor(total / 1440),
    hours: Math.floor((total % 1440) / 60),
    minutes: total % 60,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function spanZh({ days, hours, minutes }: Countdown): string {
  if (days > 0) return `${days}天${hours}小时`;
  if (hours > 0) return `${hours}小时${pad(minutes)}分`;
  if (minutes > 0) return `${minutes}分钟`;
  return '不足1分钟';
}

function spanEn({ days, hours, minutes }: Countdown): string {
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min`;
  return '< 1 min';
}

/** "剩 1小时05分" / "超时 2天3小时", or "1 h 05 min left" / "2 d 3 h overdue". */
export function formatCountdown(due: string, nowMs: number, locale: ConsoleLocale): string {
  const dueMs = Date.parse(due);
  if (Number.isNaN(dueMs)) return '';
  const c = countdownTo(dueMs, nowMs);
  if (locale === 'zh-CN') return c.overdue ? `超时 ${spanZh(c)}` : `剩 ${spanZh(c)}`;
  return c.overdue ? `${spanEn(c)} overdue` : `${spanEn(c)} left`;
}
