import type { ReadonlyPolygon } from './geojson.js';
import { createGridLocator, type GridLocator, type GridShape } from './grid-locator.js';

/**
 * The live grid layer of a process. Grids are re-cut from time to time (they carry validity
 * dates); `reload` builds a complete new locator first and only then swaps it in with a single
 * reference assignment, so a lookup sees either the whole old layer or the whole new one, and a
 * reload that fails validation leaves the old layer serving.
 */
export interface GridLayer<G extends GridShape = GridShape> extends GridLocator<G> {
  /** Replaces the layer; throws InvalidGridLayerError (keeping the current layer) on bad input. */
  reload(grids: readonly G[]): void;
  /** Increases by one on every successful reload, starting at 1. */
  readonly generation: number;
  /** The locator serving right now, for a caller that wants one consistent view over many calls. */
  current(): GridLocator<G>;
}

export function createGridLayer<G extends GridShape>(grids: readonly G[] = []): GridLayer<G> {
  let locator = createGridLocator(grids);
  let generation = 1;
  return {
    locate: (lat: number, lng: number): string | null => locator.locate(lat, lng),
    polygonOf: (code: string): ReadonlyPolygon | undefined => locator.polygonOf(code),
    gridOf: (code: string): G | undefined => locator.gridOf(code),
    get size(): number {
      return locator.size;
    },
    get generation(): number {
      return generation;
    },
    current: (): GridLocator<G> => locator,
    reload(next: readonly G[]): void {
      locator = createGridLocator(next);
      generation += 1;
    },
  };
}
