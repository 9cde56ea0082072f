/**
 * China's 2026 public holidays (法定节假日) and make-up working days (调休上班).
 *
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (State Council General Office, 2025-11-04,
 * published by Xinhua): 元旦 1-1…1-3, work 1-4 (Sun); 春节 2-15…2-23, work 2-14 (Sat) and 2-28
 * (Sat); 清明 4-4…4-6; 劳动节 5-1…5-5, work 5-9 (Sat); 端午 6-19…6-21; 中秋 9-25…9-27; 国庆
 * 10-1…10-7, work 9-20 (Sun) and 10-10 (Sat). Every day of each break is listed, weekends included,
 * so a calendar that works weekends (patrol) also rests on them.
 */

function daysFrom(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, offset) =>
    new Date(start + offset * 86_400_000).toISOString().slice(0, 10),
  );
}

export const chinaHolidays2026: readonly string[] = [
  ...daysFrom('2026-01-01', 3), // 元旦 New Year
  ...daysFrom('2026-02-15', 9), // 春节 Spring Festival
  ...daysFrom('2026-04-04', 3), // 清明节 Qingming
  ...daysFrom('2026-05-01', 5), // 劳动节 Labour Day
  ...daysFrom('2026-06-19', 3), // 端午节 Dragon Boat
  ...daysFrom('2026-09-25', 3), // 中秋节 Mid-Autumn
  ...daysFrom('2026-10-01', 7), // 国庆节 National Day
];

export const chinaMakeUpWorkdays2026: readonly string[] = [
  '2026-01-04',
  '2026-02-14',
  '2026-02-28',
  '2026-05-09',
  '2026-09-20',
  '2026-10-10',
];
