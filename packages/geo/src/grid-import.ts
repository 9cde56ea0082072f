/**
 * Planning a grid import (网格导入): a city's unit grids as a GeoJSON FeatureCollection of Polygons
 * (`properties.code` 15 digits, `properties.communityCode`, `properties.name` optional), checked and
 * compared with the grids the city has, before anything is written. The file is the city's whole
 * layer: a grid the city has and the file lacks is retired.
 *
 * Checks, each a problem naming the feature (its index in `features`) or the grids concerned:
 * - the feature is a Polygon feature with valid rings (closed, ≥ 4 positions, [lng, lat] in range:
 *   the zod schemas of geojson.ts), no spikes or crossing holes (@turf/boolean-valid), no
 *   self-intersection (@turf/kinks) and an area;
 * - the code is a valid grid code (packages/domain), unique in the file, starts with its community's
 *   code, and the community is one of the city's with the street the code names (the area
 *   hierarchy);
 * - no two grids overlap: candidates from a flatbush index over the boxes (shrunk by a centimetre,
 *   so neighbours that only share an edge of a box are not candidates), the overlap's area from
 *   @turf/intersect; more than a square metre is an overlap;
 * - gaps (warnings, which do not block): the part of a community's outline its grids leave
 *   uncovered, by area, and communities without any grid.
 * Errors block applying; warnings are only reported.
 */
import turfArea from '@turf/area';
import booleanValid from '@turf/boolean-valid';
import { featureCollection, polygon as turfPolygon } from '@turf/helpers';
import intersect from '@turf/intersect';
import kinks from '@turf/kinks';
import { CodeError, parseGridCode } from '@urbangrid/domain';
import Flatbush from 'flatbush';
import { z } from 'zod';
import {
  type Bbox,
  type GeoJsonPolygon,
  type PolygonLike,
  polygonAreaSquareMetres,
  polygonBbox,
  polygonSchema,
} from './geojson.js';

/** The envelope of an import; its features are checked one by one (a bad one is a problem, not a 400). */
export const gridImportFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()).max(100_000, 'at most 100,000 grids per import'),
});
export type GridImportFile = z.infer<typeof gridImportFileSchema>;

const featureSchema = z.object({
  type: z.literal('Feature'),
  geometry: polygonSchema,
  properties: z.object({
    code: z.string().regex(/^\d{15}$/, 'properties.code must be 15 digits'),
    communityCode: z.string().regex(/^\d{12}$/, 'properties.communityCode must be 12 digits'),
    name: z.string().trim().min(1).max(100).optional(),
  }),
});

/** A grid the city has (valid now, or retired and kept for the cases filed in it). */
export interface ExistingGrid {
  code: string;
  communityCode: string;
  name: string;
  polygon: PolygonLike;
  /** False for a retired grid (its validity ended). */
  valid: boolean;
}

/** A community (社区) of the city, with the street (街道) it belongs to and its outline, if known. */
export interface CommunityOfCity {
  code: string;
  name: string;
  streetCode: string | null;
  polygon: PolygonLike | null;
}

/** A checked grid of the file, with what the grids table keeps beside it. */
export interface PlannedGrid {
  code: string;
  districtCode: string;
  streetCode: string;
  communityCode: string;
  name: string;
  polygon: GeoJsonPolygon;
  bbox: Bbox;
  areaM2: number;
}

export const gridProblemKinds = [
  'feature',
  'geometry',
  'code',
  'community',
  'duplicate',
  'overlap',
  'gap',
] as const;
export type GridProblemKind = (typeof gridProblemKinds)[number];

export interface GridImportProblem {
  /** An error blocks applying; a warning (a gap) is only reported. */
  severity: 'error' | 'warning';
  kind: GridProblemKind;
  message: string;
  /** Index of the feature in the file. */
  feature?: number;
  code?: string;
  /** The other grid of an overlap or duplicate. */
  otherCode?: string;
  communityCode?: string;
  /** Overlapping or uncovered area. */
  areaM2?: number;
}

export interface GridImportPlan {
  /** Every grid of the file that passed its own checks. */
  grids: PlannedGrid[];
  added: string[];
  changed: string[];
  retired: string[];
  unchanged: number;
  problems: GridImportProblem[];
  /** True when any problem is an error: nothing may be applied. */
  blocked: boolean;
}

/** Below this, an overlap or a gap is rounding, not a problem. */
const toleranceM2 = 1;
/** A centimetre in degrees: boxes shrink by it, so touching neighbours are not overlap candidates. */
const boxEpsilon = 1e-7;

const round2 = (value: number) => Math.round(value * 100) / 100;

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'feature'}: ${issue.message}`)
    .join('; ');
}

function geometryProblem(polygon: GeoJsonPolygon): string | null {
  const feature = turfPolygon(polygon.coordinates);
  if (!booleanValid(feature)) return 'the polygon is not valid (a spike, or a hole crossing its outline)';
  if (kinks(feature).features.length > 0) return 'the polygon crosses itself';
  return null;
}

const sameGeometry = (a: PolygonLike, b: PolygonLike) =>
  JSON.stringify(a.coordinates) === JSON.stringify(b.coordinates);

/** Checks a file's features against the city's areas and compares them with its grids. */
export function planGridImport(input: {
  features: readonly unknown[];
  existing: readonly ExistingGrid[];
  communities: readonly CommunityOfCity[];
}): GridImportPlan {
  const problems: GridImportProblem[] = [];
  const communities = new Map(input.communities.map((community) => [community.code, community]));
  const seen = new Map<string, number>();
  const grids: PlannedGrid[] = [];

  input.features.forEach((raw, feature) => {
    const parsed = featureSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ severity: 'error', kind: 'feature', feature, message: issuesText(parsed.error) });
      return;
    }
    const { geometry, properties } = parsed.data;
    const { code, communityCode } = properties;
    const error = (kind: GridProblemKind, message: string, extra: Partial<GridImportProblem> = {}) =>
      problems.push({ severity: 'error', kind, feature, code, message, ...extra });

    try {
      parseGridCode(code);
    } catch (codeError) {
      if (!(codeError instanceof CodeError)) throw codeError;
      error('code', codeError.message);
      return;
    }
    const first = seen.get(code);
    if (first !== undefined) {
      error('duplicate', `grid ${code} is in the file twice (features ${first} and ${feature})`);
      return;
    }
    seen.set(code, feature);
    if (!code.startsWith(communityCode)) {
      error(
        'code',
        `grid ${code} does not lie in community ${communityCode} (its first 12 digits name ${code.slice(0, 12)})`,
        {
          communityCode,
        },
      );
      return;
    }
    const community = communities.get(communityCode);
    if (community === undefined) {
      error('community', `community ${communityCode} is not one of the city's`, { communityCode });
      return;
    }
    if (community.streetCode !== code.slice(0, 9)) {
      error(
        'community',
        `community ${communityCode} belongs to street ${community.streetCode}, not ${code.slice(0, 9)}`,
        {
          communityCode,
        },
      );
      return;
    }
    const shape = geometryProblem(geometry);
    const areaM2 = polygonAreaSquareMetres(geometry);
    if (shape !== null || areaM2 < toleranceM2) {
      error('geometry', shape ?? 'the polygon has no area');
      return;
    }
    grids.push({
      code,
      districtCode: code.slice(0, 6),
      streetCode: code.slice(0, 9),
      communityCode,
      name: properties.name ?? `${community.name}${code.slice(12)}号网格`,
      polygon: geometry,
      bbox: polygonBbox(geometry),
      areaM2: round2(areaM2),
    });
  });

  problems.push(...overlaps(grids, seen), ...gaps(grids, input.communities));

  const existing = new Map(input.existing.map((grid) => [grid.code, grid]));
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const grid of grids) {
    const before = existing.get(grid.code);
    if (before === undefined || !before.valid) added.push(grid.code);
    else if (
      before.communityCode !== grid.communityCode ||
      before.name !== grid.name ||
      !sameGeometry(before.polygon, grid.polygon)
    )
      changed.push(grid.code);
    else unchanged += 1;
  }
  const incoming = new Set(seen.keys());
  const retired = input.existing
    .filter((grid) => grid.valid && !incoming.has(grid.code))
    .map((grid) => grid.code);
  return {
    grids,
    added,
    changed,
    retired,
    unchanged,
    problems,
    blocked: problems.some((problem) => problem.severity === 'error'),
  };
}

function overlaps(grids: readonly PlannedGrid[], features: ReadonlyMap<string, number>): GridImportProblem[] {
  if (grids.length < 2) return [];
  const index = new Flatbush(grids.length);
  for (const { bbox } of grids) index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
  index.finish();
  const problems: GridImportProblem[] = [];
  grids.forEach((grid, i) => {
    const [minLng, minLat, maxLng, maxLat] = grid.bbox;
    const candidates = index.search(
      minLng + boxEpsilon,
      minLat + boxEpsilon,
      maxLng - boxEpsilon,
      maxLat - boxEpsilon,
    );
    for (const j of candidates) {
      const other = grids[j];
      if (j <= i || other === undefined) continue;
      const shared = intersect(
        featureCollection([turfPolygon(grid.polygon.coordinates), turfPolygon(other.polygon.coordinates)]),
      );
      if (shared === null) continue;
      const total = turfArea(shared);
      if (total < toleranceM2) continue;
      problems.push({
        severity: 'error',
        kind: 'overlap',
        feature: features.get(grid.code),
        code: grid.code,
        otherCode: other.code,
        areaM2: round2(total),
        message: `grids ${grid.code} and ${other.code} overlap by ${round2(total)} m²`,
      });
    }
  });
  return problems;
}

function gaps(grids: readonly PlannedGrid[], communities: readonly CommunityOfCity[]): GridImportProblem[] {
  const covered = new Map<string, number>();
  for (const grid of grids)
    covered.set(grid.communityCode, (covered.get(grid.communityCode) ?? 0) + grid.areaM2);
  const problems: GridImportProblem[] = [];
  for (const community of communities) {
    const outline = polygonSchema.safeParse(community.polygon);
    if (!outline.success) continue;
    const inside = covered.get(community.code);
    const uncovered = polygonAreaSquareMetres(outline.data) - (inside ?? 0);
    if (uncovered < toleranceM2 * 10) continue;
    problems.push({
      severity: 'warning',
      kind: 'gap',
      communityCode: community.code,
      areaM2: round2(uncovered),
      message:
        inside === undefined
          ? `community ${community.code} (${community.name}) has no grid`
          : `${round2(uncovered)} m² of community ${community.code} (${community.name}) lie in no grid`,
    });
  }
  return problems;
}
