import { date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { cities } from './reference.js';

/**
 * The region's plan targets (packages/domain region/plan-targets.ts): an indicator of the action
 * plan with its unit, direction and the cities it applies to; its target values by year in
 * region_indicator_targets. A year once set is kept (a later plan adds later years).
 */
export const regionIndicators = pgTable('region_indicators', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  unit: text('unit').notNull(),
  direction: text('direction').notNull(),
  /** AppliesTo (domain): classes, cities, exceptCities, population bounds; {} = every city. */
  appliesTo: jsonb('applies_to').notNull(),
  /** The plan (document) that last defined it, e.g. 内政办发〔2018〕60号. */
  plan: text('plan').notNull(),
  /** How often cities report it (报送周期): month, quarter or year (domain periods.ts). */
  periodKind: text('period_kind').notNull().default('quarter'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  createdBy: text('created_by').notNull(),
});

export const regionIndicatorTargets = pgTable(
  'region_indicator_targets',
  {
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => regionIndicators.code),
    year: integer('year').notNull(),
    value: doublePrecision('value').notNull(),
    /** The plan that set this year's value. */
    plan: text('plan').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.indicatorCode, t.year] })],
);

/**
 * What the region's plan knows of each city: its class (prefecture-level or county-level) and its
 * urban population (城区人口), which decide the targets that apply to it.
 */
export const regionCityProfiles = pgTable(
  'region_city_profiles',
  {
    city: text('city')
      .primaryKey()
      .references(() => cities.code),
    cityClass: text('city_class').notNull(),
    population: integer('population').notNull(),
  },
  (t) => [index('region_city_profiles_class_idx').on(t.cityClass)],
);

/**
 * A city's report of one indicator for one period (指标报送), as it stands now: submitted, accepted
 * or returned by the region. Every submission and decision is a row of
 * region_indicator_report_versions, which are only ever inserted (migration trigger).
 */
export const regionIndicatorReports = pgTable(
  'region_indicator_reports',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => regionIndicators.code),
    /** `2026-Q4`, `2026-11` or `2026` (domain periods.ts). */
    period: text('period').notNull(),
    /** submitted | accepted | returned */
    state: text('state').notNull(),
    version: integer('version').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    /** Media ids of the evidence (佐证材料): photos and scanned documents of the city. */
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    /** The region's reason when it returned the report (退回原因). */
    returnReason: text('return_reason'),
    submittedBy: text('submitted_by').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.city, t.indicatorCode, t.period] }),
    index('region_indicator_reports_period_idx').on(t.period, t.state),
  ],
);

/** Each step of a report (submit, resubmit, accept, return) as it was: the value's whole history. */
export const regionIndicatorReportVersions = pgTable(
  'region_indicator_report_versions',
  {
    city: text('city').notNull(),
    indicatorCode: text('indicator_code').notNull(),
    period: text('period').notNull(),
    version: integer('version').notNull(),
    /** submit | resubmit | accept | return */
    action: text('action').notNull(),
    /** The report's state after the step. */
    state: text('state').notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    evidence: jsonb('evidence').$type<string[]>().notNull(),
    reason: text('reason'),
    actor: text('actor').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.city, t.indicatorCode, t.period, t.version] })],
);

/** The region's ranking settings (排名设置: weights, praise and criticism), versions effective from a date. */
export const regionRankingSettings = pgTable('region_ranking_settings', {
  version: integer('version').primaryKey(),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  /** RankingConfig (domain ranking-score.ts). */
  config: jsonb('config').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/**
 * A published ranking and its bulletin (排名通报), frozen as it was announced: inserted once per
 * period, never changed (migration trigger); a later recount is shown beside it, never over it.
 */
export const regionRankingPublications = pgTable('region_ranking_publications', {
  period: text('period').primaryKey(),
  kind: text('kind').notNull(),
  publishedAt: ts('published_at').notNull(),
  /** A username, or `system` for the scheduled publication. */
  publishedBy: text('published_by').notNull(),
  /** The ranking settings version it was computed with; null: the defaults. */
  settingsVersion: integer('settings_version'),
  /** The bulletin as published (services/supervision region/bulletin.ts). */
  bulletin: jsonb('bulletin').notNull(),
});

/**
 * Supervision orders (督办) the region issues to a city: on one of its cases, or on a target it
 * lags behind in a period. Only ever inserted; the city's supervisors are notified.
 */
export const regionSupervisionOrders = pgTable(
  'region_supervision_orders',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    /** case | target */
    subject: text('subject').notNull(),
    caseId: text('case_id'),
    caseNo: text('case_no'),
    indicatorCode: text('indicator_code'),
    period: text('period'),
    reason: text('reason').notNull(),
    /** What the region knew when it issued it, e.g. the value, target and gap. */
    facts: jsonb('facts'),
    issuedBy: text('issued_by').notNull(),
    issuedAt: ts('issued_at').notNull(),
  },
  (t) => [index('region_supervision_orders_city_idx').on(t.city, t.issuedAt)],
);
