import {
  edgeLength,
  greatCircleDistance,
  gridDisk,
  isValidCell,
  latLngToCell,
  originToDirectedEdges,
} from 'h3-js';

/**
 * "Open cases near here" with H3 cells: store each case's cell at PROXIMITY_RESOLUTION, ask for
 * the cells covering a disk around a point (`cell = ANY($cells)`, an index lookup), then keep the
 * rows whose exact distance is within the radius. The covering set may hold cells that reach past
 * the radius (a superset), never miss one that reaches into it.
 *
 * Resolution 10: hexagon edges of about 66–73 m around Hohhot (75.9 m averaged over the globe),
 * cells of ~15,000 m². That is a little smaller than a 100 m unit grid, so a cell never blurs a
 * report across many grids, while the usual radii (50 m–1 km) need k of 3–14, i.e. 37–631 cells,
 * which is a short IN list. A finer resolution multiplies the list by ~7 per step; a coarser one
 * makes the exact-distance filter do the work.
 */
export const PROXIMITY_RESOLUTION = 10;

/** Disks wider than this many rings (~30,000 cells) are refused: ask a coarser resolution. */
export const MAX_DISK_RINGS = 100;

/** Slack for the change of cell size between the origin cell and the cells k rings away. */
const DISTORTION_MARGIN = 0.1;

/** H3 cell (index as a hex string) containing the point. */
export function proximityCell(lat: number, lng: number, resolution: number = PROXIMITY_RESOLUTION): string {
  return latLngToCell(lat, lng, resolution);
}

/**
 * Number of rings k such that gridDisk(cell of the point, k) covers every point within
 * radiusMetres. Reasoning on a hexagonal lattice of edge e: a point lies within e (circumradius)
 * of its cell's centre, and centres k rings apart are at least 1.5·k·e apart. So the cell of a
 * point at distance ≤ R has centre ≤ R + 2e from the origin cell's centre, hence k ≤ (R + 2e)/(1.5e).
 * e is taken from the origin cell's own edges (H3 cells vary in size across the globe), widened by
 * DISTORTION_MARGIN in the unfavourable direction on each side.
 */
export function ringsForRadius(originCell: string, radiusMetres: number): number {
  if (!(radiusMetres >= 0) || !Number.isFinite(radiusMetres)) {
    throw new RangeError(`radius must be a finite number of metres ≥ 0, got ${radiusMetres}`);
  }
  if (!isValidCell(originCell)) throw new RangeError(`not an H3 cell: ${originCell}`);
  const edges = originToDirectedEdges(originCell).map((edge) => edgeLength(edge, 'm'));
  const longest = Math.max(...edges) * (1 + DISTORTION_MARGIN);
  const shortest = Math.min(...edges) * (1 - DISTORTION_MARGIN);
  const rings = Math.ceil((radiusMetres + 2 * longest) / (1.5 * shortest));
  if (rings > MAX_DISK_RINGS) {
    throw new RangeError(
      `radius ${radiusMetres} m needs ${rings} rings at this resolution (max ${MAX_DISK_RINGS})`,
    );
  }
  return rings;
}

/** H3 cells covering every point within radiusMetres of (lat, lng): a superset, origin first. */
export function cellsWithinRadius(
  lat: number,
  lng: number,
  radiusMetres: number,
  resolution: number = PROXIMITY_RESOLUTION,
): string[] {
  const origin = proximityCell(lat, lng, resolution);
  return gridDisk(origin, ringsForRadius(origin, radiusMetres));
}

/** Great-circle (haversine) distance in metres between two points, from h3-js. */
export function distanceMetres(fromLat: number, fromLng: number, toLat: number, toLng: number): number {
  return greatCircleDistance([fromLat, fromLng], [toLat, toLng], 'm');
}
