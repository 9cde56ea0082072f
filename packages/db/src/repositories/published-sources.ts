/**
 * Which report sources a city's public feeds show at all (`cities.published_sources`), with the
 * version its edit names in If-Match.
 */
import type { ReportSource } from '@urbangrid/domain';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { cities } from '../schema/reference.js';

export interface PublishedSourcesRow {
  city: string;
  sources: ReportSource[];
  version: number;
}

const columns = {
  city: cities.code,
  sources: cities.publishedSources,
  version: cities.publicationVersion,
};

const asRow = (row: { city: string; sources: string[]; version: number }): PublishedSourcesRow => ({
  ...row,
  sources: row.sources as ReportSource[],
});

/** The city's setting; null for an unknown city. `forUpdate` locks the row for an edit. */
export async function findPublishedSources(
  db: DbOrTx,
  city: string,
  options: { forUpdate?: boolean } = {},
): Promise<PublishedSourcesRow | null> {
  const query = db.select(columns).from(cities).where(eq(cities.code, city));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row === undefined ? null : asRow(row);
}

/** Replaces the city's published sources and counts its version up; the stored row. */
export async function setPublishedSources(
  tx: DbOrTx,
  city: string,
  sources: readonly ReportSource[],
): Promise<PublishedSourcesRow> {
  const [row] = await tx
    .update(cities)
    .set({ publishedSources: [...sources], publicationVersion: sql`${cities.publicationVersion} + 1` })
    .where(eq(cities.code, city))
    .returning(columns);
  if (row === undefined) throw new Error(`city ${city} does not exist`);
  return asRow(row);
}
