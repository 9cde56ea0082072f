/**
 * China's public holidays (法定节假日) and make-up working days (调休上班) as the `chinese-days`
 * package ships them: every year it covers, transcribed from the State Council General Office's
 * yearly notice (国务院办公厅关于部分节假日安排的通知) and updated by its maintainers when the next
 * notice appears (usually in November). Upgrading the package and restarting loads the new year.
 *
 * Why this package: it ships the data itself as plain JSON (holidays, make-up days and in-lieu
 * days, with names), covers 2004 onwards, follows each notice within days, and is MIT licensed.
 * `chinese-workday` keeps its data inside code behind a yes/no API without names, `holiday-calendar`
 * has the same data with fewer users, and `date-holidays` computes festival dates but knows no
 * make-up working days, which are the point here.
 */
import { createRequire } from 'node:module';
import type { CalendarDayInput } from '@urbangrid/db';
import { z } from 'zod';

const require = createRequire(import.meta.url);

/** Each entry reads `English name,中文名,days off`, e.g. `Spring Festival,春节,4`. */
const entries = z.record(z.iso.date(), z.string().regex(/^[^,]+,[^,]+,\d+$/));
const packageDataSchema = z.object({ holidays: entries, workdays: entries });

/** Where the public days come from, as recorded beside each loaded year. */
export const publicHolidaySource = `chinese-days@${
  z.object({ version: z.string() }).parse(require('chinese-days/package.json')).version
}`;

function chineseName(entry: string): string {
  return entry.split(',')[1] ?? entry;
}

function byYear(): Map<number, CalendarDayInput[]> {
  // Validated here, at the edge: a package release with another shape fails loudly, not quietly.
  const data = packageDataSchema.parse(require('chinese-days/dist/chinese-days.json'));
  const years = new Map<number, CalendarDayInput[]>();
  const add = (day: string, input: CalendarDayInput) => {
    const year = Number(day.slice(0, 4));
    const list = years.get(year) ?? [];
    list.push(input);
    years.set(year, list);
  };
  for (const [day, entry] of Object.entries(data.holidays)) {
    add(day, { day, kind: 'holiday', name: chineseName(entry) });
  }
  for (const [day, entry] of Object.entries(data.workdays)) {
    add(day, { day, kind: 'workday', name: `${chineseName(entry)}调休上班` });
  }
  for (const list of years.values()) list.sort((a, b) => a.day.localeCompare(b.day));
  return years;
}

let loaded: Map<number, CalendarDayInput[]> | undefined;

/** Every year the package covers, each with its days in date order. */
export function publicHolidayYears(): ReadonlyMap<number, readonly CalendarDayInput[]> {
  loaded ??= byYear();
  return loaded;
}
