import { doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';
import { cities } from './reference.js';

/**
 * The address gazetteer (地名地址库) hotline operators search while a caller describes where the
 * problem is: roads, subdistricts, communities, landmarks and building numbers (门牌), each with a
 * point and the unit grid that point lies in. `searchText` holds every spelling worth matching
 * (Chinese label, English label, lower-cased) behind a GIN trigram index (pg_trgm, migration
 * 0003), so a misspelt or partial name still finds its place.
 */
export const gazetteerEntries = pgTable(
  'gazetteer_entries',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    kind: text('kind', { enum: ['road', 'subdistrict', 'community', 'landmark', 'building'] }).notNull(),
    /** As an operator reads it out, e.g. 海拉尔东路15号. */
    label: text('label').notNull(),
    labelEn: text('label_en').notNull(),
    /** Where it lies, e.g. 新城区 海拉尔东路街道 (shown beside the label). */
    context: text('context').notNull(),
    searchText: text('search_text').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    gridCode: text('grid_code').notNull(),
  },
  (t) => [
    index('gazetteer_city_idx').on(t.city, t.kind),
    index('gazetteer_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
