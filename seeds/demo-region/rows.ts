import type {
  areas,
  calendars,
  catalogueVersions,
  categories,
  cities,
  departments,
  grids,
  officerGrids,
  regionCityProfiles,
  responsibilities,
  users,
} from '@urbangrid/db';

/** The rows the demo region inserts, typed by the shared schema. */
export type CityRow = typeof cities.$inferInsert;
export type AreaRow = typeof areas.$inferInsert;
export type GridRow = typeof grids.$inferInsert;
export type CatalogueVersionRow = typeof catalogueVersions.$inferInsert;
export type CategoryRow = typeof categories.$inferInsert;
export type DepartmentRow = typeof departments.$inferInsert;
export type ResponsibilityRow = typeof responsibilities.$inferInsert;
export type CalendarRow = typeof calendars.$inferInsert;
export type OfficerGridRow = typeof officerGrids.$inferInsert;
export type CityProfileRow = typeof regionCityProfiles.$inferInsert;
/** A user before its password is hashed (hashing is the loader's job: salts differ per run). */
export type StaffMember = Omit<typeof users.$inferInsert, 'passwordHash'>;

/** Fixed creation time of seeded rows, so two seedings of empty databases give identical rows. */
export const SEEDED_AT = new Date('2026-01-01T00:00:00+08:00');
/** First day of validity of the demo grids. */
export const GRIDS_VALID_FROM = '2026-01-01';
