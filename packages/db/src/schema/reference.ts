import type { CityBaseMap, ReporterLanguage } from '@urbangrid/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/** A city (地级市) is a tenant: every operational row carries its code. */
export const cities = pgTable('cities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  regionCode: text('region_code').notNull(),
  /** IANA zone of the city's days (local dates, working hours); there is no default. */
  timeZone: text('time_zone').notNull(),
  /**
   * The report sources (案件来源) whose cases the public feeds (Open311) show at all; a city's
   * admin sets it (PUT /api/admin/cities/:city/publication). Every source by default.
   */
  publishedSources: text('published_sources')
    .array()
    .notNull()
    .default(sql`'{hotline,app,officer,public,video}'::text[]`),
  /** The language reporters are written to in when they did not say theirs (reporter updates). */
  defaultLanguage: text('default_language').$type<ReporterLanguage>().notNull().default('zh-CN'),
  /**
   * The city's base map (底图): a tile server it names, or `own` (drawn from its gazetteer); null:
   * the deployment's (BASE_MAP_TILES, else its own). Edited with the city's version.
   */
  baseMap: jsonb('base_map').$type<CityBaseMap>(),
  /** The version of `publishedSources` (If-Match of its edit). */
  publicationVersion: integer('publication_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Raised by every admin change of the row; an edit names the version it saw (409 when stale). */
  version: integer('version').notNull().default(1),
  /** The first day the city is no longer served (撤销); null while it is. */
  retiredOn: date('retired_on'),
});

/**
 * A city's evaluation settings (考评办法): indicator weights, grade bands and volume bands
 * (packages/domain evaluationConfigSchema), each version effective from a local date. A day is
 * evaluated with the newest version effective on it — except a published day, which keeps the
 * version recorded with its publication (rollup_publications.evaluation_settings_version).
 */
export const evaluationSettings = pgTable(
  'evaluation_settings',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    version: integer('version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    config: jsonb('config').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.city, t.version] })],
);

/** Administrative areas: district (区) → street (街道) → community (社区). `code` is the admin code. */
export const areas = pgTable(
  'areas',
  {
    code: text('code').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    level: text('level', { enum: ['district', 'street', 'community'] }).notNull(),
    parentCode: text('parent_code'),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** GeoJSON Polygon outline ([lng, lat]) for maps. */
    geometry: jsonb('geometry'),
    areaKm2: doublePrecision('area_km2').notNull().default(0),
    population: integer('population').notNull().default(0),
    /** Raised by every admin change of the row; an edit names the version it saw (409 when stale). */
    version: integer('version').notNull().default(1),
    /** The first day the area no longer exists (merged or abolished); its code is never reused. */
    retiredOn: date('retired_on'),
  },
  (t) => [index('areas_city_level_idx').on(t.city, t.level), index('areas_parent_idx').on(t.parentCode)],
);

/** Unit grids (单元网格): ~100 m cells with 15-digit codes; re-cut grids keep their history via validity dates. */
export const grids = pgTable(
  'grids',
  {
    code: text('code').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    districtCode: text('district_code').notNull(),
    streetCode: text('street_code').notNull(),
    communityCode: text('community_code').notNull(),
    name: text('name').notNull(),
    /** GeoJSON Polygon, [lng, lat]. */
    geometry: jsonb('geometry').notNull(),
    minLng: doublePrecision('min_lng').notNull(),
    minLat: doublePrecision('min_lat').notNull(),
    maxLng: doublePrecision('max_lng').notNull(),
    maxLat: doublePrecision('max_lat').notNull(),
    areaM2: doublePrecision('area_m2').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
  },
  (t) => [
    index('grids_city_idx').on(t.city),
    index('grids_community_idx').on(t.communityCode),
    // The map's grids of a box: the outlines whose bounding box meets it, not every grid of the city.
    index('grids_box_idx').using(
      'gist',
      sql`box(point(${t.minLng}, ${t.minLat}), point(${t.maxLng}, ${t.maxLat}))`,
    ),
  ],
);

/**
 * The versions of a city's grid layer (网格版本): each applied import is one, valid from its date.
 * The latest version's number is what an import's `If-Match` names (409 when another came first).
 */
export const gridVersions = pgTable(
  'grid_versions',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    version: integer('version').notNull(),
    validFrom: date('valid_from').notNull(),
    appliedAt: ts('applied_at').notNull().defaultNow(),
    appliedBy: text('applied_by').notNull(),
    added: integer('added').notNull(),
    changed: integer('changed').notNull(),
    retired: integer('retired').notNull(),
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.city, t.version] })],
);

/**
 * Earlier shapes of re-cut grids: when an import changes a grid (or brings a retired code back), its
 * row as it was is kept here with the dates it was valid, so a case filed in it still finds the
 * grid it was filed in.
 */
export const gridHistory = pgTable(
  'grid_history',
  {
    code: text('code').notNull(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    communityCode: text('community_code').notNull(),
    name: text('name').notNull(),
    geometry: jsonb('geometry').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to').notNull(),
    /** The grid version that replaced it. */
    replacedByVersion: integer('replaced_by_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.replacedByVersion] }), index('grid_history_city_idx').on(t.city)],
);

/** Catalogue versions (e.g. v2013 and the 2026 revision) coexist; each category belongs to one. */
export const catalogueVersions = pgTable('catalogue_versions', {
  version: text('version').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull().default(''),
  active: boolean('active').notNull().default(true),
  /**
   * The first day (a city's local date) new reports may use the version's categories; null while it
   * is a draft. From that day its time limits and calendars are frozen: cases filed under it keep them.
   */
  effectiveFrom: date('effective_from'),
  /** Raised by every change; an admin's edit names the version it saw (409 when stale). */
  revision: integer('revision').notNull().default(1),
});

/** Category catalogue (部件/事件 分类): minor classes with their filing/closing conditions and limits. */
export const categories = pgTable(
  'categories',
  {
    code: text('code').primaryKey(),
    catalogueVersion: text('catalogue_version')
      .notNull()
      .references(() => catalogueVersions.version),
    kind: text('kind', { enum: ['component', 'event'] }).notNull(),
    majorCode: text('major_code').notNull(),
    minorCode: text('minor_code').notNull(),
    majorName: text('major_name').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    /** 立案条件 */
    filingCondition: text('filing_condition').notNull(),
    /** 结案条件 */
    closingCondition: text('closing_condition').notNull(),
    /** Working minutes per stage and urgency: { normal: {verify, file, dispatch, handle, check, close}, urgent: {...} }. */
    timeLimits: jsonb('time_limits').notNull(),
    /** The calendar each stage counts on ({ verify: 'patrol', handle: 'office', … }); a stage not named uses the default. */
    stageCalendars: jsonb('stage_calendars').notNull().default(sql`'{}'::jsonb`),
    /** Department code named when the responsibility matrix has no row (a fallback, never the only source). */
    defaultDepartmentCode: text('default_department_code'),
    /** Local extensions (9x classes) belong to one city; national categories have none. */
    city: text('city').references(() => cities.code),
    /** False once withdrawn (撤销): no new report or filing may use it; cases filed under it keep it. */
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('categories_version_idx').on(t.catalogueVersion, t.kind)],
);

/**
 * A city's questions (追问) of a category (Open311's service definition attributes): what a reporter
 * is asked beside the description, e.g. a manhole cover's type. One row per category and city, as
 * the city's admin writes them (an array of questions in `questions`); a category without a row
 * asks nothing. The category's code names its catalogue version.
 */
export const categoryQuestions = pgTable(
  'category_questions',
  {
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    questions: jsonb('questions').notNull().default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.categoryCode, t.city] })],
);

/** Departments (专业部门) form a tree: city bureau → district unit → team. */
export const departments = pgTable(
  'departments',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: text('parent_id'),
    /** The calendar its handling clock runs on. */
    calendarCode: text('calendar_code').notNull().default('office'),
    /** 联系人 and the office's telephone. */
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    /** The day it stopped taking cases (撤销); the matrix may no longer name it from then. */
    retiredOn: date('retired_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('departments_city_code_uq').on(t.city, t.code),
    index('departments_parent_idx').on(t.parentId),
  ],
);

/** Responsibility matrix (权责清单): category × area → department. The most specific area wins. */
export const responsibilities = pgTable(
  'responsibilities',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    areaCode: text('area_code')
      .notNull()
      .references(() => areas.code),
    departmentId: text('department_id')
      .notNull()
      .references(() => departments.id),
    /** Raised by every change of the cell; an edit names the version it saw (409 when stale). */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.categoryCode, t.areaCode] }),
    index('responsibilities_city_idx').on(t.city),
  ],
);

/**
 * Working-time calendars: weekly periods in a time zone. A calendar that follows public holidays
 * (`office`) rests on its city's holidays and works its make-up days (city_calendar_days); one
 * that does not (`patrol`, field work every day) keeps its weekly periods all year.
 */
export const calendars = pgTable(
  'calendars',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    code: text('code').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    /** { "1": [{start:"08:00", end:"12:00"}, ...], ... "7": [] } keyed by ISO weekday. */
    weekly: jsonb('weekly').notNull(),
    /**
     * Periods of a make-up working day (调休上班). An empty list is read as absent: the day keeps
     * its weekday's periods, or Monday's (packages/domain, one reading for everybody).
     */
    makeUpPeriods: jsonb('make_up_periods').notNull(),
    followsPublicHolidays: boolean('follows_public_holidays').notNull().default(true),
    /** Raised by every change of its working hours; an admin's edit names the version it saw (409 when stale). */
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('calendars_city_code_uq').on(t.city, t.code)],
);

/**
 * A city's holidays (法定节假日) and make-up working days (调休上班). `public` rows are loaded from
 * the State Council's yearly notice (through @urbangrid/reference's loader); `local` rows are the
 * city's own days and win over a public row of the same date.
 */
export const cityCalendarDays = pgTable(
  'city_calendar_days',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    day: date('day').notNull(),
    source: text('source', { enum: ['public', 'local'] }).notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    /** Raised by every change of the row; an admin's edit names the version it saw (409 when stale). */
    version: integer('version').notNull().default(1),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.city, t.day, t.source] })],
);

/**
 * The years whose public holidays a city has loaded: a calendar that follows public holidays is
 * known up to the end of the last year of an unbroken run, and only guessed (weekly rule) beyond.
 */
export const cityCalendarYears = pgTable(
  'city_calendar_years',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    year: integer('year').notNull(),
    /** Where the year came from, e.g. `chinese-days@1.5.7`. */
    source: text('source').notNull(),
    loadedAt: ts('loaded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.city, t.year] })],
);
