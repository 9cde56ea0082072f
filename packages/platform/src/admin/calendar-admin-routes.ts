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
import { cityCodeString, type Stage, stages, type Urgency, urgencies } from '@urbangrid/domain';
import { publicHolidayYears, stageCalendarCode } from '@urbangrid/reference';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteAccess } from '../auth/route-access.js';
import { NotFoundError } from '../errors.js';
import type { ServicePlugin } from '../service-plugin.js';
import { adminChange, changeRecorder, ifMatchHeaders, publishChange } from './admin-changes.js';
import { administeredCity } from './admin-scope.js';
import {
  deleteCityDay,
  loadCityYear,
  previewDeadlines,
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
const hoursBody = z.object({
  weekly: z.partialRecord(z.enum(['1', '2', '3', '4', '5', '6', '7']), periods),
  makeUpPeriods: periods.default([]),
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
  /** What a change of a city's calendar reloads in every process. */
  const calendars = (city: string) => () => ({ parts: ['calendars'] as const, city });
  /** The caller and their audit recorder, once the city is theirs to administer. */
  const adminOf = async (request: FastifyRequest, city: string) => {
    const recorder = changeRecorder(request);
    await administeredCity(recorder.actor, city, app.reference);
    return recorder;
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
        body: hoursBody,
        response: { 200: hoursView },
      },
    },
    async (request, reply) => {
      const { city, code } = request.params;
      await adminOf(request, city);
      const calendar = await adminChange(app, request, reply, calendars(city), ({ record, expected }) =>
        setCalendarHours(app.db, record, { city, code, ...request.body, ...expected }),
      );
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
      await adminOf(request, city);
      const day = await adminChange(app, request, reply, calendars(city), ({ record, expected }) =>
        setCityDay(app.db, record, { city, date, ...request.body, ...expected }),
      );
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
    async (request, reply) => {
      const { city, date } = request.params;
      await adminOf(request, city);
      const removed = await adminChange(app, request, reply, calendars(city), ({ record, expected }) =>
        deleteCityDay(app.db, record, { city, date, ...expected }),
      );
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
        summary:
          'When deadlines from an instant fall on a calendar of the city as it is, and with proposed days and hours',
        description:
          "Name the work either as `calendar` and `workMinutes`, or as a category's `stage` and `urgency` (its limit " +
          "on the calendar the category names for the stage, else the stage's: patrol for verify and check, office " +
          'for the rest). `days` and `hours` are what the admin is about to set: each row then also says when it would fall.',
        params: cityParams,
        body: z
          .object({
            calendar: z.string().min(1).max(40).optional(),
            workMinutes: z.array(z.number().int().min(0).max(1_000_000)).min(1).max(20).optional(),
            stage: z
              .object({
                categoryCode: z.string().min(1).max(20),
                stage: z.enum(stages),
                urgency: z.enum(urgencies).default('normal'),
              })
              .optional(),
            start: z.iso.datetime({ offset: true }),
            /** Days to try before setting them: a holiday, a working day, or null for the public rows. */
            days: z
              .array(z.object({ date: z.iso.date(), kind: dayKind.nullable() }))
              .max(60)
              .default([]),
            /** Working hours of a calendar to try before setting them (the hours PUT's body): they count when it is the one counted on. */
            hours: hoursBody.extend({ calendar: z.string().min(1).max(40) }).optional(),
          })
          .refine((body) => (body.stage === undefined) !== (body.workMinutes === undefined), {
            message: 'name either workMinutes (with calendar) or a stage, not both',
            path: ['stage'],
          })
          .refine((body) => body.stage !== undefined || body.calendar !== undefined, {
            message: 'workMinutes count on a calendar: name it',
            path: ['calendar'],
          }),
        response: {
          200: z.object({
            calendar: z.string(),
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
      const { start, days, hours, stage } = request.body;
      const work = stage === undefined ? null : await stageWork(city, stage);
      const code = request.body.calendar ?? work?.calendar ?? '';
      const workMinutes = request.body.workMinutes ?? (work === null ? [] : [work.minutes]);
      const calendar = (await app.reference.cityCalendars(city)).calendars.get(code);
      if (calendar === undefined) throw new NotFoundError(`city ${city} has no calendar '${code}'`);
      const proposed = { days, ...(hours === undefined || hours.calendar !== code ? {} : { hours }) };
      return { calendar: code, rows: previewDeadlines(calendar, new Date(start), workMinutes, proposed) };
    },
  );

  /** A category's limit of a stage and the calendar it counts on in `city`; 404 when it has none. */
  const stageWork = async (
    city: string,
    asked: { categoryCode: string; stage: Stage; urgency: Urgency },
  ): Promise<{ calendar: string; minutes: number }> => {
    const category = await app.reference.category(asked.categoryCode);
    const minutes = await app.reference.stageLimit(asked.categoryCode, asked.urgency, asked.stage);
    if (category === null || (category.city !== null && category.city !== city))
      throw new NotFoundError(`city ${city} has no category ${asked.categoryCode}`);
    if (minutes === null)
      throw new NotFoundError(`category ${asked.categoryCode} has no limit for the stage ${asked.stage}`);
    return { calendar: stageCalendarCode(category, asked.stage), minutes };
  };
};
