import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
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
