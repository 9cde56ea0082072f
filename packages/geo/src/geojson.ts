import turfArea from '@turf/area';
import { z } from 'zod';

/**
 * GeoJSON geometries as this system accepts them at its edges (RFC 7946, WGS 84): positions are
 * `[longitude, latitude]` with no altitude, rings are closed and have at least four positions.
 */

export const longitudeSchema = z.number().min(-180).max(180);
export const latitudeSchema = z.number().min(-90).max(90);

/** `[lng, lat]`: GeoJSON order, the reverse of the `lat=&lng=` query parameters. */
export const positionSchema = z.tuple([longitudeSchema, latitudeSchema]);
export type Position = z.infer<typeof positionSchema>;

export const linearRingSchema = z
  .array(positionSchema)
  .min(4, 'a linear ring needs at least 4 positions')
  .refine(isClosedRing, 'a linear ring must end where it starts');

export const pointSchema = z.object({ type: z.literal('Point'), coordinates: positionSchema });
export type GeoJsonPoint = z.infer<typeof pointSchema>;

/** The first ring is the exterior; any further rings are holes. */
export const polygonSchema = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(linearRingSchema).min(1, 'a polygon needs an exterior ring'),
});
export type GeoJsonPolygon = z.infer<typeof polygonSchema>;

/**
 * A polygon as any caller may hold it (a repository row, a parsed request): structurally a GeoJSON
 * Polygon, possibly readonly, not yet checked.
 */
export interface PolygonLike {
  readonly type: 'Polygon';
  readonly coordinates: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
}

/** A validated polygon handed out for reading only (shared with the index that holds it). */
export interface ReadonlyPolygon {
  readonly type: 'Polygon';
  readonly coordinates: ReadonlyArray<ReadonlyArray<readonly [lng: number, lat: number]>>;
}

/** `[minLng, minLat, maxLng, maxLat]`, the GeoJSON bbox order. */
export type Bbox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

function isClosedRing(ring: readonly Position[]): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

/**
 * The bounding box of a polygon. Holes lie inside the exterior ring, so the exterior ring decides;
 * the box is closed: points on the polygon's boundary are inside it.
 */
export function polygonBbox(polygon: ReadonlyPolygon): Bbox {
  let minLng = Number.POSITIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLng = Number.NEGATIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  for (const [lng, lat] of polygon.coordinates[0] ?? []) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Geodesic area of a polygon in square metres (holes subtracted), from @turf/area. */
export function polygonAreaSquareMetres(polygon: GeoJsonPolygon): number {
  return turfArea(polygon);
}
