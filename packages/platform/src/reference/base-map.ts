/**
 * The console's base map (底图). Each city chooses its own (cities.base_map, set by its admin): a
 * tile server — its URL template, attribution, whether it draws in WGS-84 or GCJ-02 (Chinese
 * services such as 天地图 or AMap, so the console shifts our WGS-84 points onto it) and its deepest
 * zoom — or the one drawn from our own data, for demo and offline installs: the gazetteer's roads
 * (each a line through its building numbers, 门牌, in order) and its named places. A city without
 * a choice has the deployment's (BASE_MAP_TILES, else our own). District, street and grid
 * outlines come from the map layers beside.
 */
import type { GazetteerMapRow } from '@urbangrid/db';
import {
  type BaseMapCoordinates,
  baseMapCoordinates,
  type CityBaseMap,
  defaultTileMaxZoom,
} from '@urbangrid/domain';
import { z } from 'zod';

export interface BaseMapConfig {
  /** `{z}/{x}/{y}` tile URL template; null: the base map drawn from our own data. */
  tiles: string | null;
  attribution: string;
  coordinates: BaseMapCoordinates;
  /** The deepest zoom the tile server serves. */
  maxZoom: number;
}

/** Our own base map: vectors in WGS-84, readable down to the building numbers. */
const ownConfig: BaseMapConfig = { tiles: null, attribution: '', coordinates: 'wgs84', maxZoom: 19 };

/** The deployment's base map (BASE_MAP_*): a city without its own setting has this one. */
export function deploymentBaseMap(config: {
  BASE_MAP_TILES?: string | undefined;
  BASE_MAP_ATTRIBUTION: string;
  BASE_MAP_COORDINATES: BaseMapCoordinates;
}): BaseMapConfig {
  if (config.BASE_MAP_TILES === undefined) return ownConfig;
  return {
    tiles: config.BASE_MAP_TILES,
    attribution: config.BASE_MAP_ATTRIBUTION,
    coordinates: config.BASE_MAP_COORDINATES,
    maxZoom: defaultTileMaxZoom,
  };
}

/** The base map a city's maps draw on: its own setting, else the deployment's. */
export function baseMapOf(setting: CityBaseMap | null, deployment: BaseMapConfig): BaseMapConfig {
  if (setting === null) return deployment;
  if (setting.kind === 'own') return ownConfig;
  return {
    tiles: setting.tiles,
    attribution: setting.attribution,
    coordinates: setting.coordinates,
    maxZoom: setting.maxZoom,
  };
}

const names = z.object({ name: z.string(), nameEn: z.string() });
const position = z.tuple([z.number(), z.number()]);

export const baseMapSchema = z.object({
  tiles: z.string().nullable().describe('`{z}/{x}/{y}` tile URL template; null: draw `roads` and `places`'),
  attribution: z.string(),
  coordinates: z.enum(baseMapCoordinates).describe('the coordinate system the tiles are drawn in'),
  maxZoom: z.number().int().describe('the deepest zoom the map offers'),
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
