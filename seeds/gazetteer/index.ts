import { type DbOrTx, gazetteerEntries } from '@urbangrid/db';
import { buildCityAreas } from '../demo-region/areas.js';
import { type CityPlan, cityPlans, hohhot } from '../demo-region/city-plans.js';
import { blockBounds, type Lattice } from '../demo-region/lattice.js';
import type { AreaRow, GridRow } from '../demo-region/rows.js';
import { hohhotLandmarks, hohhotRoads, type RoadHalf, type RoadPlan } from './places.js';

/**
 * The demo address gazetteer (地名地址库): for every city its subdistricts and communities, and for
 * Hohhot its main roads, every building number along them (门牌, one per unit grid the road crosses,
 * odd numbers outwards from where the numbering starts) and its landmarks. Pure and deterministic:
 * the same rows on every call, each point inside a seeded grid and labelled with that grid's code.
 */

export type GazetteerRow = typeof gazetteerEntries.$inferInsert;
type Kind = GazetteerRow['kind'];

interface Cell {
  readonly row: number;
  readonly col: number;
}

const UNITS = 10_000;

/** How many area levels name where an entry lies (a community lies in a subdistrict of a district). */
const contextDepth: Record<Kind, number> = {
  subdistrict: 1,
  community: 2,
  road: 3,
  building: 3,
  landmark: 3,
};
const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** Centre of a lattice cell, away from every grid edge. */
function cellCentre(lattice: Lattice, cell: Cell): { lat: number; lng: number } {
  const b = blockBounds(lattice, {
    rowStart: cell.row,
    rowEnd: cell.row + 1,
    colStart: cell.col,
    colEnd: cell.col + 1,
  });
  return { lat: round6((b.minLat + b.maxLat) / 2), lng: round6((b.minLng + b.maxLng) / 2) };
}

/** The cell a point lies in (points on an edge are never produced here). */
function cellOf(lattice: Lattice, lat: number, lng: number): Cell {
  const northUnits = lattice.southUnits + lattice.rows * lattice.latStepUnits;
  return {
    row: Math.floor((northUnits - lat * UNITS) / lattice.latStepUnits),
    col: Math.floor((lng * UNITS - lattice.westUnits) / lattice.lngStepUnits),
  };
}

const cellKey = (lattice: Lattice, cell: Cell) => {
  const b = blockBounds(lattice, {
    rowStart: cell.row,
    rowEnd: cell.row + 1,
    colStart: cell.col,
    colEnd: cell.col + 1,
  });
  return `${b.minLat}|${b.minLng}`;
};

/** The city's grids and areas, and how to name where a cell lies. */
function cityIndex(plan: CityPlan) {
  const { areas, grids } = buildCityAreas(plan);
  const gridByCell = new Map<string, GridRow>(grids.map((g) => [`${g.minLat}|${g.minLng}`, g]));
  const areaByCode = new Map<string, AreaRow>(areas.map((a) => [a.code, a]));
  const gridAt = (cell: Cell): GridRow => {
    const grid = gridByCell.get(cellKey(plan.lattice, cell));
    if (!grid) throw new Error(`no grid of ${plan.code} at row ${cell.row}, column ${cell.col}`);
    return grid;
  };
  /** The areas above an entry: district, subdistrict, community, as deep as `depth`. */
  const context = (grid: GridRow, depth: number): string =>
    [grid.districtCode, grid.streetCode, grid.communityCode]
      .slice(0, depth)
      .map((code) => areaByCode.get(code)?.name ?? code)
      .join(' ');
  return { areas, gridAt, context };
}

function entry(
  plan: CityPlan,
  index: ReturnType<typeof cityIndex>,
  kind: Kind,
  serial: number,
  names: { label: string; labelEn: string },
  cell: Cell,
  point: { lat: number; lng: number } = cellCentre(plan.lattice, cell),
): GazetteerRow {
  const grid = index.gridAt(cell);
  return {
    id: `gaz-${plan.code}-${kind}-${String(serial).padStart(4, '0')}`,
    city: plan.code,
    kind,
    label: names.label,
    labelEn: names.labelEn,
    context: index.context(grid, contextDepth[kind]),
    searchText: `${names.label} ${names.labelEn.toLowerCase()}`,
    lat: point.lat,
    lng: point.lng,
    gridCode: grid.code,
  };
}

/** Cells of a road half from its No. 1 outwards. */
function roadCells(road: RoadPlan, part: RoadHalf): Cell[] {
  const step = part.to >= part.from ? 1 : -1;
  const cells: Cell[] = [];
  for (let at = part.from; at !== part.to + step; at += step) {
    cells.push(road.along === 'row' ? { row: road.line, col: at } : { row: at, col: road.line });
  }
  return cells;
}

function areaEntries(plan: CityPlan, index: ReturnType<typeof cityIndex>): GazetteerRow[] {
  const rows: GazetteerRow[] = [];
  const counters = { subdistrict: 0, community: 0 };
  for (const area of index.areas) {
    if (area.level === 'district') continue;
    const kind = area.level === 'street' ? 'subdistrict' : 'community';
    // The cell holding the area's centre (an area is a block of whole cells).
    const ring = (area.geometry as { coordinates: number[][][] }).coordinates[0] ?? [];
    const lats = ring.map((p) => p[1] ?? 0);
    const lngs = ring.map((p) => p[0] ?? 0);
    const lat = (Math.min(...lats) + Math.max(...lats)) / 2;
    const lng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
    // Nudge off a possible grid line so the centre falls inside one cell.
    const cell = cellOf(plan.lattice, lat - 1e-7, lng + 1e-7);
    counters[kind] += 1;
    rows.push(entry(plan, index, kind, counters[kind], { label: area.name, labelEn: area.nameEn }, cell));
  }
  return rows;
}

function roadEntries(plan: CityPlan, index: ReturnType<typeof cityIndex>): GazetteerRow[] {
  const rows: GazetteerRow[] = [];
  let roads = 0;
  let buildings = 0;
  for (const road of hohhotRoads) {
    for (const part of road.halves) {
      const cells = roadCells(road, part);
      const middle = cells[Math.floor(cells.length / 2)];
      if (!middle) continue;
      roads += 1;
      rows.push(entry(plan, index, 'road', roads, { label: part.name, labelEn: part.nameEn }, middle));
      cells.forEach((cell, k) => {
        const number = 2 * k + 1;
        buildings += 1;
        rows.push(
          entry(
            plan,
            index,
            'building',
            buildings,
            { label: `${part.name}${number}号`, labelEn: `No. ${number} ${part.nameEn}` },
            cell,
          ),
        );
      });
    }
  }
  return rows;
}

function landmarkEntries(plan: CityPlan, index: ReturnType<typeof cityIndex>): GazetteerRow[] {
  return hohhotLandmarks.map((landmark, i) =>
    entry(
      plan,
      index,
      'landmark',
      i + 1,
      { label: landmark.name, labelEn: landmark.nameEn },
      cellOf(plan.lattice, landmark.lat, landmark.lng),
      { lat: landmark.lat, lng: landmark.lng },
    ),
  );
}

/** Every gazetteer row of the demo region. */
export function buildGazetteer(): GazetteerRow[] {
  const rows: GazetteerRow[] = [];
  for (const plan of cityPlans) {
    const index = cityIndex(plan);
    rows.push(...areaEntries(plan, index));
    if (plan.code === hohhot.code) {
      rows.push(...roadEntries(plan, index), ...landmarkEntries(plan, index));
    }
  }
  return rows;
}

const BATCH_SIZE = 1_000;

/**
 * Loads the demo gazetteer (insert … on conflict do nothing, so a seeded database is unchanged).
 * Called inside seedDemoRegion's transaction, after the cities exist.
 */
export async function seedGazetteer(db: DbOrTx): Promise<number> {
  const rows = buildGazetteer();
  let inserted = 0;
  for (let at = 0; at < rows.length; at += BATCH_SIZE) {
    const result = await db
      .insert(gazetteerEntries)
      .values(rows.slice(at, at + BATCH_SIZE))
      .onConflictDoNothing();
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}
