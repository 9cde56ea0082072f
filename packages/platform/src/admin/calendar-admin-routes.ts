/**
 * `/api/admin/calendars/:city/…` (工作日历管理), for admins of the city (or of the region): read the
 * city's calendars and days, set or remove a day of its own, load a year of public holidays, and
 * preview deadlines. Each change is audited and published (admin-changes.ts).
 */
import {
  type CalendarRecord,
  listCityCalendarDays,
  listCityCalendars,
  listCityCalendarYears,
} from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { publicHolidayYears } from '@urbangrid/reference';
import { z } from 'zod';
import { userOf } from '../auth/actor.js';
import type { RouteAccess } from '../auth/route-access.js';
import { NotFoundError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { etagOf, ifMatchHeaders, ifMatchVersion, publishChange, recordChange } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import {
  deleteCityDay,
  loadCityYear,
  previewDeadlines,
  type RecordChange,
  setCalendarHours,
  setCityDay,
} from './calendar-admin.js';

/** City administrators (系统管理员) only. */
const admins: RouteAccess = { roles: ['admin'] };

const tags = ['admin'];
const cityCode = cityCodeString;
const dayKind = z.enum(['holiday', 'workday']);
const workingPeriod = z.object({
  start: z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:mm'),
  end: z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:mm (24:00 for midnight)'),
});
const periods = z.array(workingPeriod).max(8);
const hoursView = z.object({
  code: z.string(),
  name: z.string(),
  timeZone: z.string(),
  followsPublicHolidays: z.boolean(),
  weekly: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), periods),
  makeUpPeriods: periods,
  version: z.number().int(),
});
const periodsOf = (value: unknown) => periods.safeParse(value).data ?? [];
const toHoursView = (record: CalendarRecord): z.infer<typeof hoursView> => ({
  code: record.code,
  name: record.name,
  timeZone: record.timeZone,
  followsPublicHolidays: record.followsPublicHolidays,
  weekly: hoursView.shape.weekly.safeParse(record.weekly).data ?? {},
  makeUpPeriods: periodsOf(record.makeUpPeriods),
  version: record.version,
});

const cityParams = z.object({ city: cityCode });
const dayParams = cityParams.extend({ date: z.iso.date() });

const dayView = z.object({
  date: z.string(),
  kind: dayKind,
  name: z.string(),
  /** `public` from the State Council's notice (chinese-days), `local` the city's own. */
  source: z.enum(['public', 'local']),
  version: z.number().int(),
});

const toDayView = (row: {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: 'public' | 'local';
  version: number;
}) => ({
  date: row.day,
  kind: row.kind,
  name: row.name,
  source: row.source,
  version: row.version,
});

export const calendarAdminRoutes: ServicePlugin = async (app) => {
  /** The caller, the city they may administer, and the audit recorder bound to them. */
  const adminOf = async (request: Parameters<typeof userOf>[0], city: string) => {
    const actor = userOf(request);
    await administeredCity(actor, city, app.reference);
    const record: RecordChange = (tx, entry) => recordChange(tx, actor, request, entry);
    return { actor, record };
  };

  app.get(
    '/calendars/:city',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "A city's calendars, its loaded years and the days of one year (public and its own)",
        params: cityParams,
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: {
          200: z.object({
            city: z.string(),
            calendars: z.array(hoursView),
            /** The last day whose holidays are known (an unbroken run of loaded years). */
            knownUntil: z.string(),
            loadedYears: z.array(z.object({ year: z.number().int(), source: z.string() })),
            /** The years chinese-days can load. */
            availableYears: z.array(z.number().int()),
            year: z.number().int(),
            days: z.array(dayView),
          }),
        },
      },
    },
    async (request) => {
      const { city } = request.params;
      await adminOf(request, city);
      const year = request.query.year ?? new Date().getUTCFullYear();
      const [records, days, years, calendars] = await Promise.all([
        listCityCalendars(app.db, city),
        listCityCalendarDays(app.db, city),
        listCityCalendarYears(app.db, city),
        app.reference.cityCalendars(city),
      ]);
      return {
        city,
        calendars: records.map(toHoursView),
        knownUntil: calendars.knownUntil,
        loadedYears: years,
        availableYears: [...publicHolidayYears().keys()].sort((a, b) => a - b),
        year,
        days: days.filter((row) => row.day.startsWith(`${year}-`)).map(toDayView),
      };
    },
  );

  app.put(
    '/calendars/:city/hours/:code',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Sets a calendar's working hours: each ISO weekday's periods (1 = Monday) and a make-up working day's (If-Match: its version)",
        description:
          'E.g. `{"weekly": {"1": [{"start": "08:30", "end": "12:00"}, {"start": "13:30", "end": "17:30"}], …}, "makeUpPeriods": []}`; ' +
          "an empty makeUpPeriods keeps the weekday's (or Monday's) periods. Every process's deadlines follow within seconds.",
        params: cityParams.extend({ code: z.string().min(1).max(40) }),
        headers: ifMatchHeaders,
        body: z.object({
          weekly: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), periods),
          makeUpPeriods: periods.default([]),
        }),
        response: { 200: hoursView },
      },
    },
    async (request, reply) => {
      const { city, code } = request.params;
      const { record } = await adminOf(request, city);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const calendar = await setCalendarHours(app.db, record, {
        city,
        code,
        ...request.body,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      await publishChange(app, { parts: ['calendars'], city });
      reply.header('etag', etagOf(calendar.version));
      return toHoursView(calendar);
    },
  );

  app.put(
    '/calendars/:city/days/:date',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Sets a day of the city's own: a holiday or a working day (over the public row of the date)",
        params: dayParams,
        headers: ifMatchHeaders,
        body: z.object({ kind: dayKind, name: z.string().trim().min(1).max(60).optional() }),
        response: { 200: dayView },
      },
    },
    async (request, reply) => {
      const { city, date } = request.params;
      const { record } = await adminOf(request, city);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const day = await setCityDay(app.db, record, {
        city,
        date,
        ...request.body,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      await publishChange(app, { parts: ['calendars'], city });
      reply.header('etag', etagOf(day.version));
      return toDayView(day);
    },
  );

  app.delete(
    '/calendars/:city/days/:date',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Removes a day of the city's own; the public row of the date, if any, applies again",
        params: dayParams,
        headers: ifMatchHeaders,
        response: { 200: dayView },
      },
    },
    async (request) => {
      const { city, date } = request.params;
      const { record } = await adminOf(request, city);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const removed = await deleteCityDay(app.db, record, {
        city,
        date,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      await publishChange(app, { parts: ['calendars'], city });
      return toDayView(removed);
    },
  );

  app.post(
    '/calendars/:city/years/:year/load',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Loads a year's public holidays and make-up working days (chinese-days) into the city",
        params: cityParams.extend({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z.object({
            year: z.number().int(),
            /** False when the stored year already matched the published one. */
            written: z.boolean(),
            days: z.number().int(),
          }),
        },
      },
    },
    async (request) => {
      const { city, year } = request.params;
      const { record } = await adminOf(request, city);
      const loaded = await loadCityYear(app.db, record, { city, year });
      if (loaded.written) await publishChange(app, { parts: ['calendars'], city });
      return { year, ...loaded };
    },
  );

  app.post(
    '/calendars/:city/deadlines/preview',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'When deadlines from an instant fall on a calendar of the city, and with proposed days',
        params: cityParams,
        body: z.object({
          calendar: z.string().min(1).max(40),
          start: z.iso.datetime({ offset: true }),
          workMinutes: z.array(z.number().int().min(0).max(1_000_000)).min(1).max(20),
          /** Days to try before setting them: a holiday, a working day, or null for the public rows. */
          days: z
            .array(z.object({ date: z.iso.date(), kind: dayKind.nullable() }))
            .max(60)
            .default([]),
        }),
        response: {
          200: z.object({
            rows: z.array(
              z.object({
                workMinutes: z.number().int(),
                due: z.string(),
                beyondCalendar: z.boolean(),
                proposed: z.object({ due: z.string(), beyondCalendar: z.boolean() }).optional(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const { city } = request.params;
      await adminOf(request, city);
      const { calendar: code, start, workMinutes, days } = request.body;
      const calendar = (await app.reference.cityCalendars(city)).calendars.get(code);
      if (calendar === undefined) throw new NotFoundError(`city ${city} has no calendar '${code}'`);
      return { rows: previewDeadlines(calendar, new Date(start), workMinutes, days) };
    },
  );
};
