import type { Bbox, GeoJsonPolygon } from './geojson.js';

/**
 * A synthetic layer of square unit grids (单元网格) for tests and benchmarks. The demo layer comes
 * from the seeds; this one only has to look like it: ~100 m cells with 15-digit codes.
 */

export interface SyntheticGridOptions {
  /** Cells from west to east. */
  readonly columns: number;
  /** Cells from north to south. */
  readonly rows: number;
  /** Longitude of the layer's western edge. */
  readonly west: number;
  /** Latitude of the layer's northern edge. */
  readonly north: number;
  /** Side of a cell in metres (default 100). */
  readonly cellMetres?: number;
  /** 6-digit county-level administrative code (default 150102, Hohhot Xincheng). */
  readonly adminCode?: string;
}

export interface SyntheticGrid {
  readonly code: string;
  readonly polygon: GeoJsonPolygon;
  /** 0-based, west to east. */
  readonly column: number;
  /** 0-based, north to south. */
  readonly row: number;
}

export interface SyntheticGridLayer {
  readonly grids: SyntheticGrid[];
  readonly bbox: Bbox;
  /** Longitudes of the columns' edges, west to east (columns + 1 values). */
  readonly meridians: readonly number[];
  /** Latitudes of the rows' edges, north to south (rows + 1 values). */
  readonly parallels: readonly number[];
}

/** A community (社区) of the synthetic layer is a block of COMMUNITY_SIDE × COMMUNITY_SIDE cells. */
const COMMUNITY_SIDE = 10;
const COMMUNITIES_PER_STREET = 100;
const METRES_PER_DEGREE_LATITUDE = (6_371_008.8 * Math.PI) / 180;

/**
 * Builds columns × rows square cells starting at the north-west corner (west, north). Neighbouring
 * cells share their edges bit for bit (every edge coordinate is computed once), so points on edges
 * and corners are exactly representable. Codes: admin (6) + street (3) + community (3) + sequence
 * (3); communities are 10×10 blocks numbered west to east, north to south, 100 to a street; the
 * sequence numbers a block's cells west to east, north to south.
 */
export function syntheticGridLayer(options: SyntheticGridOptions): SyntheticGridLayer {
  const { columns, rows, west, north, cellMetres = 100, adminCode = '150102' } = options;
  if (!/^\d{6}$/.test(adminCode)) throw new RangeError(`adminCode must be 6 digits, got ${adminCode}`);
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1) {
    throw new RangeError('columns and rows must be positive integers');
  }
  const communitiesPerRow = Math.ceil(columns / COMMUNITY_SIDE);
  const communityCount = communitiesPerRow * Math.ceil(rows / COMMUNITY_SIDE);
  if (communityCount > 999 * COMMUNITIES_PER_STREET) throw new RangeError('too many cells for 3-digit codes');

  const latitudeStep = cellMetres / METRES_PER_DEGREE_LATITUDE;
  const south = north - rows * latitudeStep;
  const middleLatitude = ((north + south) / 2) * (Math.PI / 180);
  const longitudeStep = latitudeStep / Math.cos(middleLatitude);
  const meridians = Array.from({ length: columns + 1 }, (_, i) => west + i * longitudeStep);
  const parallels = Array.from({ length: rows + 1 }, (_, j) => north - j * latitudeStep);

  const grids: SyntheticGrid[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      grids.push({
        code: syntheticGridCode(adminCode, column, row, communitiesPerRow),
        polygon: cellPolygon(meridians, parallels, column, row),
        column,
        row,
      });
    }
  }
  const east = meridians[columns] ?? west;
  return { grids, bbox: [west, south, east, north], meridians, parallels };
}

function syntheticGridCode(
  adminCode: string,
  column: number,
  row: number,
  communitiesPerRow: number,
): string {
  const community =
    Math.floor(row / COMMUNITY_SIDE) * communitiesPerRow + Math.floor(column / COMMUNITY_SIDE);
  const street = Math.floor(community / COMMUNITIES_PER_STREET) + 1;
  const communityInStreet = (community % COMMUNITIES_PER_STREET) + 1;
  const sequence = (row % COMMUNITY_SIDE) * COMMUNITY_SIDE + (column % COMMUNITY_SIDE) + 1;
  return adminCode + pad3(street) + pad3(communityInStreet) + pad3(sequence);
}

function pad3(value: number): string {
  return String(value).padStart(3, '0');
}

/** Exterior ring counter-clockwise, as RFC 7946 asks. */
function cellPolygon(
  meridians: readonly number[],
  parallels: readonly number[],
  column: number,
  row: number,
): GeoJsonPolygon {
  const west = edge(meridians, column);
  const east = edge(meridians, column + 1);
  const north = edge(parallels, row);
  const south = edge(parallels, row + 1);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

function edge(edges: readonly number[], index: number): number {
  const value = edges[index];
  if (value === undefined) throw new RangeError(`no edge ${index}`);
  return value;
}
