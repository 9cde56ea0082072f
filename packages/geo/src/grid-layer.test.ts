import { describe, expect, it } from 'vitest';
import { createGridLayer } from './grid-layer.js';
import { InvalidGridLayerError } from './grid-locator.js';
import { syntheticGridLayer } from './synthetic-grid.js';

const before = syntheticGridLayer({ columns: 4, rows: 4, west: 111.62, north: 40.86 });
// The same area re-cut under another district code, plus one more column to the east.
const after = syntheticGridLayer({ columns: 5, rows: 4, west: 111.62, north: 40.86, adminCode: '150103' });

function centreOf(layer: typeof before, column: number, row: number): { lat: number; lng: number } {
  const lng = ((layer.meridians[column] ?? 0) + (layer.meridians[column + 1] ?? 0)) / 2;
  const lat = ((layer.parallels[row] ?? 0) + (layer.parallels[row + 1] ?? 0)) / 2;
  return { lat, lng };
}

describe('createGridLayer', () => {
  it('serves the new grids after a reload, and only them', () => {
    const layer = createGridLayer(before.grids);
    const inside = centreOf(before, 1, 1);
    const newColumn = centreOf(after, 4, 0);
    expect(layer.locate(inside.lat, inside.lng)).toBe('150102001001012');
    expect(layer.locate(newColumn.lat, newColumn.lng)).toBeNull();
    expect(layer.generation).toBe(1);

    layer.reload(after.grids);

    expect(layer.locate(inside.lat, inside.lng)).toBe('150103001001012');
    expect(layer.locate(newColumn.lat, newColumn.lng)).toBe('150103001001005');
    expect(layer.polygonOf('150102001001012')).toBeUndefined();
    expect(layer.polygonOf('150103001001012')).toBeDefined();
    expect(layer.gridOf('150103001001005')?.column).toBe(4);
    expect(layer.size).toBe(20);
    expect(layer.generation).toBe(2);
  });

  it('keeps serving the old grids when a reload is refused', () => {
    const layer = createGridLayer(before.grids);
    const duplicated = [...after.grids, ...after.grids.slice(0, 1)];
    expect(() => layer.reload(duplicated)).toThrow(InvalidGridLayerError);
    const inside = centreOf(before, 1, 1);
    expect(layer.locate(inside.lat, inside.lng)).toBe('150102001001012');
    expect(layer.generation).toBe(1);
  });

  it('lets a caller hold one consistent view across a reload', () => {
    const layer = createGridLayer(before.grids);
    const view = layer.current();
    layer.reload(after.grids);
    const inside = centreOf(before, 1, 1);
    expect(view.locate(inside.lat, inside.lng)).toBe('150102001001012');
    expect(layer.current().locate(inside.lat, inside.lng)).toBe('150103001001012');
  });

  it('starts empty when given nothing', () => {
    const layer = createGridLayer();
    expect(layer.size).toBe(0);
    expect(layer.locate(40.83, 111.67)).toBeNull();
  });
});
