/**
 * The lattice the demo unit grids (单元网格) are cut from. Edges are computed from integer indices
 * in units of 1e-4 degree, never by adding float steps, so two grids that share an edge carry
 * exactly the same coordinates.
 *
 * Step sizes at Hohhot (~40.83 N): one degree of latitude is ~111.0 km, so 0.0009° ≈ 99.9 m; one
 * degree of longitude is 111.32 km × cos(40.83°) ≈ 84.2 km, so 0.0012° ≈ 101.1 m. Cells are thus
 * about 100 m × 101 m ≈ 10,100 m² (the "ten-thousand-square-metre grid").
 */

/** Coordinates are integers in this unit (1e-4 degree) until the last moment. */
const UNITS_PER_DEGREE = 10_000;

export interface Lattice {
  /** Southern edge of the lattice, in 1e-4 degree. */
  readonly southUnits: number;
  /** Western edge of the lattice, in 1e-4 degree. */
  readonly westUnits: number;
  readonly latStepUnits: number;
  readonly lngStepUnits: number;
  /** Rows, numbered 0 at the north edge. */
  readonly rows: number;
  /** Columns, numbered 0 at the west edge. */
  readonly cols: number;
}

/** A half-open block of lattice cells: rows [rowStart, rowEnd) from the north, cols [colStart, colEnd) from the west. */
export interface CellBlock {
  readonly rowStart: number;
  readonly rowEnd: number;
  readonly colStart: number;
  readonly colEnd: number;
}

export interface Bounds {
  readonly minLng: number;
  readonly minLat: number;
  readonly maxLng: number;
  readonly maxLat: number;
}

export interface GeoJsonPolygon {
  readonly type: 'Polygon';
  readonly coordinates: [number, number][][];
}

/** Latitude of the horizontal line `line` (0 = the lattice's north edge). */
function parallel(lattice: Lattice, line: number): number {
  return (lattice.southUnits + (lattice.rows - line) * lattice.latStepUnits) / UNITS_PER_DEGREE;
}

/** Longitude of the vertical line `line` (0 = the lattice's west edge). */
function meridian(lattice: Lattice, line: number): number {
  return (lattice.westUnits + line * lattice.lngStepUnits) / UNITS_PER_DEGREE;
}

export function blockBounds(lattice: Lattice, block: CellBlock): Bounds {
  return {
    minLng: meridian(lattice, block.colStart),
    maxLng: meridian(lattice, block.colEnd),
    minLat: parallel(lattice, block.rowEnd),
    maxLat: parallel(lattice, block.rowStart),
  };
}

/** The block's outline as a closed, counter-clockwise GeoJSON ring ([lng, lat]): SW, SE, NE, NW, SW. */
export function boundsPolygon(b: Bounds): GeoJsonPolygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [b.minLng, b.minLat],
        [b.maxLng, b.minLat],
        [b.maxLng, b.maxLat],
        [b.minLng, b.maxLat],
        [b.minLng, b.minLat],
      ],
    ],
  };
}

/** The mean Earth radius, as @turf/area (v7) uses, so both give the same square metres. */
const EARTH_RADIUS_M = 6_371_008.8;
const toRadians = (deg: number) => (deg * Math.PI) / 180;

/**
 * Exact area on the sphere of a latitude/longitude rectangle: R² · Δλ · (sin φn − sin φs). For such
 * a rectangle the ring formula of @turf/area, R²/2 · Σ (λ[i+1] − λ[i−1]) · sin φ[i], reduces to the
 * same expression.
 */
export function rectangleAreaM2(b: Bounds): number {
  const dLng = toRadians(b.maxLng - b.minLng);
  return (
    EARTH_RADIUS_M * EARTH_RADIUS_M * dLng * (Math.sin(toRadians(b.maxLat)) - Math.sin(toRadians(b.minLat)))
  );
}

/** Cuts [start, end) into `parts` consecutive ranges whose lengths differ by at most one (larger first). */
export function splitRange(start: number, end: number, parts: number): [number, number][] {
  const length = end - start;
  if (parts < 1 || length < parts) throw new Error(`cannot split ${length} cells into ${parts} parts`);
  const base = Math.floor(length / parts);
  const extra = length % parts;
  const ranges: [number, number][] = [];
  let at = start;
  for (let i = 0; i < parts; i++) {
    const size = base + (i < extra ? 1 : 0);
    ranges.push([at, at + size]);
    at += size;
  }
  return ranges;
}
