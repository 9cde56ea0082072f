import type { GridRecord } from '@urbangrid/db';
import { httpError } from '@urbangrid/platform';
import type { ReferenceData } from '@urbangrid/reference';

/**
 * The unit grid (单元网格) of `city` containing a point; OUTSIDE_GRID when no grid contains it or
 * the grid belongs to another city (a city's staff and keys report in their own city only).
 */
export async function gridContaining(
  reference: ReferenceData,
  city: string,
  location: { lat: number; lng: number },
): Promise<GridRecord> {
  const layer = await reference.grids();
  const code = layer.locate(location.lat, location.lng);
  const grid = code === null ? undefined : layer.gridOf(code);
  if (!grid || grid.city !== city) {
    throw httpError('OUTSIDE_GRID', `no grid of city ${city} contains ${location.lat}, ${location.lng}`);
  }
  return grid;
}
