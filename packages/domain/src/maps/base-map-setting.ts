/**
 * A city's base map (底图) setting: a tile server it names — its `{z}/{x}/{y}` URL template (`{s}`
 * for its subdomains), attribution, the coordinate system it draws in (WGS-84, or GCJ-02 for
 * Chinese services such as 天地图 or AMap) and its deepest zoom — or `own`, the base map the system
 * draws from the city's gazetteer (demo and offline installs). A city without a setting has the
 * deployment's (BASE_MAP_TILES, else its own).
 */
import { z } from 'zod';

export const baseMapCoordinates = ['wgs84', 'gcj02'] as const;
export type BaseMapCoordinates = (typeof baseMapCoordinates)[number];

/** Tile servers serve zoom 0 … 22 at most; Leaflet's default is 18. */
export const defaultTileMaxZoom = 18;

const templateProblem = 'expected an http(s) URL template with {z}, {x} and {y}';

/** Whether `template` is an http(s) URL with `{z}`, `{x}` and `{y}` (and nothing a browser mangles). */
export function isTileUrlTemplate(template: string): boolean {
  if (!/^https?:\/\/[^\s'"<>]+$/i.test(template)) return false;
  if (!['{z}', '{x}', '{y}'].every((part) => template.includes(part))) return false;
  try {
    // Placeholders filled in, it must be a URL whose host is the template's (not in a placeholder).
    const url = new URL(template.replace(/\{s\}/g, 'a').replace(/\{[a-z]+\}/gi, '0'));
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const tileUrlTemplate = z.string().trim().max(500).refine(isTileUrlTemplate, templateProblem);

export const cityBaseMapSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('tiles'),
      tiles: tileUrlTemplate.describe('`{z}/{x}/{y}` tile URL template, `{s}` for subdomains'),
      attribution: z.string().trim().max(300).default(''),
      coordinates: z.enum(baseMapCoordinates).describe('the coordinate system the tiles are drawn in'),
      maxZoom: z.number().int().min(1).max(22).default(defaultTileMaxZoom),
    }),
    z.object({ kind: z.literal('own').describe("the base map drawn from the city's gazetteer") }),
  ])
  .meta({ id: 'CityBaseMap' });

export type CityBaseMap = z.infer<typeof cityBaseMapSchema>;
