import { createHash } from 'node:crypto';
import type { CityPlan, DistrictPlan, NamePair } from './city-plans.js';
import {
  blockBounds,
  boundsPolygon,
  type CellBlock,
  type Lattice,
  rectangleAreaM2,
  splitRange,
} from './lattice.js';
import { type AreaRow, GRIDS_VALID_FROM, type GridRow } from './rows.js';

/** A community and the lattice cells it covers, in the order its grids are numbered. */
export interface CommunityCells {
  readonly code: string;
  readonly streetCode: string;
  readonly districtCode: string;
  readonly gridCodes: readonly string[];
}

export interface CityAreas {
  readonly areas: AreaRow[];
  readonly grids: GridRow[];
  readonly communities: CommunityCells[];
}

const MAX_GRID_SEQUENCE = 999;
const pad3 = (n: number) => String(n).padStart(3, '0');
const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** A deterministic number from a code (no Math.random), for populations that look varied. */
function stableNumber(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

/** 8,000–24,900 residents, a plausible range for an urban community (社区). */
const communityPopulation = (code: string) => 8_000 + (stableNumber(code) % 170) * 100;

function areaRow(
  plan: CityPlan,
  level: AreaRow['level'],
  code: string,
  parentCode: string | null,
  names: NamePair,
  block: CellBlock,
  population: number,
): AreaRow {
  const bounds = blockBounds(plan.lattice, block);
  return {
    code,
    city: plan.code,
    level,
    parentCode,
    name: names.name,
    nameEn: names.nameEn,
    geometry: boundsPolygon(bounds),
    areaKm2: round(rectangleAreaM2(bounds) / 1e6, 4),
    population,
  };
}

/** Numbers a community's cells west to east, north to south: the last 3 digits of the grid code. */
function communityGrids(
  plan: CityPlan,
  ids: { district: string; street: string; community: string },
  names: NamePair,
  block: CellBlock,
): GridRow[] {
  const rows: GridRow[] = [];
  for (let row = block.rowStart; row < block.rowEnd; row++) {
    for (let col = block.colStart; col < block.colEnd; col++) {
      const sequence = rows.length + 1;
      if (sequence > MAX_GRID_SEQUENCE) {
        throw new Error(`community ${ids.community} has more than ${MAX_GRID_SEQUENCE} grids`);
      }
      const bounds = blockBounds(plan.lattice, {
        rowStart: row,
        rowEnd: row + 1,
        colStart: col,
        colEnd: col + 1,
      });
      rows.push({
        code: `${ids.community}${pad3(sequence)}`,
        city: plan.code,
        districtCode: ids.district,
        streetCode: ids.street,
        communityCode: ids.community,
        name: `${names.name}${pad3(sequence)}号网格`,
        geometry: boundsPolygon(bounds),
        ...bounds,
        areaM2: round(rectangleAreaM2(bounds), 2),
        validFrom: GRIDS_VALID_FROM,
        validTo: null,
      });
    }
  }
  return rows;
}

function assertInside(lattice: Lattice, district: DistrictPlan): void {
  const b = district.block;
  if (b.rowStart < 0 || b.colStart < 0 || b.rowEnd > lattice.rows || b.colEnd > lattice.cols) {
    throw new Error(`district ${district.code} lies outside its city's lattice`);
  }
}

/**
 * Districts, streets and communities with outlines, and the unit grids that partition them.
 * Streets are bands of the district from north to south; communities strips of the street from
 * west to east; so each grid belongs to exactly one community.
 */
export function buildCityAreas(plan: CityPlan): CityAreas {
  const areas: AreaRow[] = [];
  const grids: GridRow[] = [];
  const communities: CommunityCells[] = [];
  for (const district of plan.districts) {
    assertInside(plan.lattice, district);
    const { block } = district;
    const bands = splitRange(block.rowStart, block.rowEnd, district.streets.length);
    let districtPopulation = 0;
    const streetRows: AreaRow[] = [];
    district.streets.forEach((street, s) => {
      const [rowStart, rowEnd] = bands[s] ?? [0, 0];
      const streetCode = `${district.code}${pad3(s + 1)}`;
      const strips = splitRange(block.colStart, block.colEnd, street.communities.length);
      let streetPopulation = 0;
      const communityRows: AreaRow[] = [];
      street.communities.forEach((community, c) => {
        const [colStart, colEnd] = strips[c] ?? [0, 0];
        const cells = { rowStart, rowEnd, colStart, colEnd };
        const code = `${streetCode}${pad3(c + 1)}`;
        const population = communityPopulation(code);
        streetPopulation += population;
        communityRows.push(areaRow(plan, 'community', code, streetCode, community, cells, population));
        const ids = { district: district.code, street: streetCode, community: code };
        const communityGridRows = communityGrids(plan, ids, community, cells);
        grids.push(...communityGridRows);
        communities.push({
          code,
          streetCode,
          districtCode: district.code,
          gridCodes: communityGridRows.map((g) => g.code),
        });
      });
      districtPopulation += streetPopulation;
      const streetBlock = { rowStart, rowEnd, colStart: block.colStart, colEnd: block.colEnd };
      streetRows.push(
        areaRow(plan, 'street', streetCode, district.code, street, streetBlock, streetPopulation),
      );
      streetRows.push(...communityRows);
    });
    // Districts hang under the city, which lives in `cities`, not in `areas`.
    areas.push(areaRow(plan, 'district', district.code, null, district, block, districtPopulation));
    areas.push(...streetRows);
  }
  return { areas, grids, communities };
}
