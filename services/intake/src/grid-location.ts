import { type DbOrTx, type GridRecord, listEndedGridsAt } from '@urbangrid/db';
import { localDay } from '@urbangrid/domain';
import { createGridLayer } from '@urbangrid/geo';
import { httpError } from '@urbangrid/platform';
import type { ReferenceData } from '@urbangrid/reference';

interface Places {
  reference: ReferenceData;
  db: DbOrTx;
}

/** The first of the grid's community, street and district retired by `day`, if any. */
async function retiredAreaOf(reference: ReferenceData, grid: GridRecord, day: string) {
  for (const code of [grid.communityCode, grid.streetCode, grid.districtCode]) {
    const retiredOn = await reference.areaRetiredOn(code);
    if (retiredOn !== null && retiredOn <= day) return { code, retiredOn };
  }
  return null;
}

/** The grid of `city` at the point: a valid one (`live`), else one that ended there, else null. */
async function gridAt(places: Places, city: string, location: { lat: number; lng: number }) {
  const layer = await places.reference.grids();
  const code = layer.locate(location.lat, location.lng);
  const grid = code === null ? undefined : layer.gridOf(code);
  if (grid?.city === city) return { grid, live: true };
  const ended = createGridLayer(await listEndedGridsAt(places.db, city, location));
  const endedCode = ended.locate(location.lat, location.lng);
  const endedGrid = endedCode === null ? undefined : ended.gridOf(endedCode);
  return endedGrid === undefined ? null : { grid: endedGrid, live: false };
}

/**
 * The unit grid (单元网格) of `city` containing a point, for a new report made at `at`:
 * CITY_RETIRED when the city is retired by its local day; AREA_RETIRED when the point lies in a
 * district, street or community retired by then (in a grid still cached, or one that ended with
 * the area); OUTSIDE_GRID when no grid contains it or the grid belongs to another city (a city's
 * staff and keys report in their own city only).
 */
export async function gridContaining(
  places: Places,
  city: string,
  location: { lat: number; lng: number },
  at: Date,
): Promise<GridRecord> {
  const info = await places.reference.city(city);
  const day = localDay(at, info.timeZone);
  if (info.retiredOn !== null && info.retiredOn <= day)
    throw httpError(
      'CITY_RETIRED',
      `city ${city} is retired from ${info.retiredOn}: it takes no new reports`,
    );
  const found = await gridAt(places, city, location);
  const retired = found === null ? null : await retiredAreaOf(places.reference, found.grid, day);
  if (retired !== null)
    throw httpError(
      'AREA_RETIRED',
      `area ${retired.code} is retired from ${retired.retiredOn}: it takes no new reports`,
    );
  if (found?.live) return found.grid;
  throw httpError('OUTSIDE_GRID', `no grid of city ${city} contains ${location.lat}, ${location.lng}`);
}
