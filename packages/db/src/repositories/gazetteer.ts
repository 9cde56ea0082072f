import { and, between, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { gazetteerEntries } from '../schema/gazetteer.js';

export type GazetteerEntry = typeof gazetteerEntries.$inferSelect;

export interface GazetteerMatch {
  id: string;
  kind: GazetteerEntry['kind'];
  label: string;
  labelEn: string;
  context: string;
  lat: number;
  lng: number;
  gridCode: string;
  /** 0–1: how well the query matches (pg_trgm word similarity, 1 for a containing label). */
  score: number;
}

/** `%` and `_` are wildcards in LIKE; a query searches for them literally. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Gazetteer entries of `city` that look like `query`: a trigram word-similarity match (`<%`, which
 * tolerates typos and missing characters) or a label containing the query. Both are served by
 * the GIN trigram index. Ranked by containment first, then word similarity, then similarity of
 * the whole label, then label.
 */
export async function searchGazetteer(
  db: DbOrTx,
  options: { city: string; query: string; limit: number },
): Promise<GazetteerMatch[]> {
  const q = options.query.toLowerCase();
  const pattern = `%${likeEscaped(q)}%`;
  const contains = sql<boolean>`${gazetteerEntries.searchText} like ${pattern}`;
  const wordScore = sql<number>`word_similarity(${q}, ${gazetteerEntries.searchText})`;
  const score = sql<number>`case when ${contains} then 1 else ${wordScore} end`;
  return db
    .select({
      id: gazetteerEntries.id,
      kind: gazetteerEntries.kind,
      label: gazetteerEntries.label,
      labelEn: gazetteerEntries.labelEn,
      context: gazetteerEntries.context,
      lat: gazetteerEntries.lat,
      lng: gazetteerEntries.lng,
      gridCode: gazetteerEntries.gridCode,
      score: sql<number>`(${score})::float8`.mapWith(Number),
    })
    .from(gazetteerEntries)
    .where(
      and(
        eq(gazetteerEntries.city, options.city),
        sql`(${q} <% ${gazetteerEntries.searchText} or ${contains})`,
      ),
    )
    .orderBy(desc(score), desc(sql`similarity(${q}, ${gazetteerEntries.searchText})`), gazetteerEntries.label)
    .limit(options.limit);
}

/**
 * The building number or landmark of `city` nearest to a point, within `radiusDegrees` of it (a box
 * first, so only the entries around the point are measured): where a point picked on the map is,
 * as an address (逆地址). Null when none lies that close.
 */
export async function nearestGazetteerPlace(
  db: DbOrTx,
  options: { city: string; lat: number; lng: number; radiusDegrees: number },
): Promise<Omit<GazetteerMatch, 'score'> | null> {
  const { lat, lng, radiusDegrees: r } = options;
  // Squared distance in degrees, a longitude degree shortened by the latitude: enough to rank.
  const shrink = Math.cos((lat * Math.PI) / 180);
  const distance = sql`power(${gazetteerEntries.lat} - ${lat}, 2) + power((${gazetteerEntries.lng} - ${lng}) * ${shrink}, 2)`;
  const rows = await db
    .select({
      id: gazetteerEntries.id,
      kind: gazetteerEntries.kind,
      label: gazetteerEntries.label,
      labelEn: gazetteerEntries.labelEn,
      context: gazetteerEntries.context,
      lat: gazetteerEntries.lat,
      lng: gazetteerEntries.lng,
      gridCode: gazetteerEntries.gridCode,
    })
    .from(gazetteerEntries)
    .where(
      and(
        eq(gazetteerEntries.city, options.city),
        inArray(gazetteerEntries.kind, ['building', 'landmark']),
        between(gazetteerEntries.lat, lat - r, lat + r),
        between(gazetteerEntries.lng, lng - r / shrink, lng + r / shrink),
      ),
    )
    .orderBy(distance)
    .limit(1);
  return rows[0] ?? null;
}

/** One entry of `city` by id (Open311's `address_id`). */
export async function findGazetteerEntry(
  db: DbOrTx,
  city: string,
  id: string,
): Promise<GazetteerEntry | null> {
  const rows = await db
    .select()
    .from(gazetteerEntries)
    .where(and(eq(gazetteerEntries.city, city), eq(gazetteerEntries.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export interface GazetteerMapRow {
  kind: 'road' | 'building' | 'landmark';
  label: string;
  labelEn: string;
  lat: number;
  lng: number;
}

/** A city's roads, building numbers and landmarks: what its own base map is drawn from. */
export async function listGazetteerMapRows(db: DbOrTx, city: string): Promise<GazetteerMapRow[]> {
  return db
    .select({
      kind: sql<GazetteerMapRow['kind']>`${gazetteerEntries.kind}`,
      label: gazetteerEntries.label,
      labelEn: gazetteerEntries.labelEn,
      lat: gazetteerEntries.lat,
      lng: gazetteerEntries.lng,
    })
    .from(gazetteerEntries)
    .where(
      and(eq(gazetteerEntries.city, city), inArray(gazetteerEntries.kind, ['road', 'building', 'landmark'])),
    );
}
