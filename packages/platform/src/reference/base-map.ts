/**
 * The console's base map (底图). Either a tile server the deployment names (BASE_MAP_TILES, its
 * attribution, and whether it draws in WGS-84 or GCJ-02 — Chinese services such as 天地图 or AMap —
 * so the console shifts our WGS-84 points onto it), or, for demo and offline installs, one drawn
 * from our own data: the gazetteer's roads (each a line through its building numbers, 门牌, in
 * order) and its named places. District, street and grid outlines come from the map layers beside.
 */
import type { GazetteerMapRow } from '@urbangrid/db';
import { z } from 'zod';

export const baseMapCoordinates = ['wgs84', 'gcj02'] as const;
export type BaseMapCoordinates = (typeof baseMapCoordinates)[number];

export interface BaseMapConfig {
  /** `{z}/{x}/{y}` tile URL template; null: the base map drawn from our own data. */
  tiles: string | null;
  attribution: string;
  coordinates: BaseMapCoordinates;
}

const names = z.object({ name: z.string(), nameEn: z.string() });
const position = z.tuple([z.number(), z.number()]);

export const baseMapSchema = z.object({
  tiles: z.string().nullable().describe('`{z}/{x}/{y}` tile URL template; null: draw `roads` and `places`'),
  attribution: z.string(),
  coordinates: z.enum(baseMapCoordinates).describe('the coordinate system the tiles are drawn in'),
  roads: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(position) }),
        properties: names,
      }),
    ),
  }),
  places: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.literal('Point'), coordinates: position }),
        properties: names.extend({ kind: z.enum(['road', 'landmark']) }),
      }),
    ),
  }),
});

export type BaseMap = z.infer<typeof baseMapSchema>;

/** "新华大街12号" → road 新华大街, number 12. */
const buildingNumber = /^(.+?)(\d+)号$/;

/** The base map drawn from a city's gazetteer rows: one line per road, a point per named place. */
export function ownBaseMap(rows: readonly GazetteerMapRow[]): Pick<BaseMap, 'roads' | 'places'> {
  const roads = rows.filter((row) => row.kind === 'road');
  const numbered = new Map<string, Array<{ n: number; at: [number, number] }>>();
  for (const row of rows) {
    if (row.kind !== 'building') continue;
    const match = buildingNumber.exec(row.label);
    if (!match?.[1] || !match[2]) continue;
    const list = numbered.get(match[1]) ?? [];
    list.push({ n: Number(match[2]), at: [row.lng, row.lat] });
    numbered.set(match[1], list);
  }
  return {
    roads: {
      type: 'FeatureCollection',
      features: roads.flatMap((road) => {
        const numbers = (numbered.get(road.label) ?? []).sort((a, b) => a.n - b.n);
        if (numbers.length < 2) return [];
        return [
          {
            type: 'Feature' as const,
            geometry: { type: 'LineString' as const, coordinates: numbers.map((b) => b.at) },
            properties: { name: road.label, nameEn: road.labelEn },
          },
        ];
      }),
    },
    places: {
      type: 'FeatureCollection',
      features: rows
        .filter((row) => row.kind === 'road' || row.kind === 'landmark')
        .map((row) => ({
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: [row.lng, row.lat] as [number, number] },
          properties: { name: row.label, nameEn: row.labelEn, kind: row.kind as 'road' | 'landmark' },
        })),
    },
  };
}
