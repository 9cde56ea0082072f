/**
 * What the simulated people know about the demo city (seeds/, api.md "Demo data"): who works
 * there, which grids each officer patrols, and what goes wrong in a city street. Officers' grids
 * come from `/api/auth/me`, a grid's shape from `/api/grids/:code`; when a route is not there the
 * simulator still runs, placing reports anywhere in the demo box for the system to locate.
 */

import type { Random } from '@urbangrid/domain';
import { z } from 'zod';
import type { ApiClient } from './api-client.js';

export interface Problem {
  categoryCode: string;
  /** How common it is, relative to the others. */
  weight: number;
  descriptions: readonly string[];
}

/**
 * Street problems and how often they come up. Events far outnumber broken components in deployed
 * systems (98 % in Beijing Xicheng), and garbage and street order lead the events.
 */
export const streetProblems: readonly Problem[] = [
  {
    categoryCode: 'E0101',
    weight: 18,
    descriptions: ['路边暴露垃圾一堆', '垃圾袋堆在人行道上', '小区门口垃圾未清运'],
  },
  { categoryCode: 'E0103', weight: 10, descriptions: ['道路不洁，有油污', '人行道上散落杂物'] },
  { categoryCode: 'E0102', weight: 6, descriptions: ['积存渣土未清理', '建筑垃圾堆放路边'] },
  { categoryCode: 'E0201', weight: 12, descriptions: ['电线杆上贴满小广告', '墙面喷涂小广告'] },
  { categoryCode: 'E0505', weight: 10, descriptions: ['机动车占用人行道停放', '消防通道有车辆违停'] },
  { categoryCode: 'E0506', weight: 7, descriptions: ['共享单车乱停放堵住盲道', '非机动车堆放路口'] },
  { categoryCode: 'E0504', weight: 8, descriptions: ['商户店外经营占道', '饭店桌椅摆到人行道'] },
  { categoryCode: 'E0501', weight: 6, descriptions: ['无照游商占道经营', '流动摊贩堵路'] },
  { categoryCode: 'E0302', weight: 4, descriptions: ['工地扬尘严重', '工地未覆盖裸土'] },
  { categoryCode: 'E0301', weight: 3, descriptions: ['夜间施工噪音扰民'] },
  { categoryCode: 'E0404', weight: 2, descriptions: ['路面积水过不去人'] },
  { categoryCode: 'E0401', weight: 1, descriptions: ['路面出现塌陷坑'] },
  { categoryCode: 'C0101', weight: 3, descriptions: ['上水井盖缺失', '井盖破损松动'] },
  { categoryCode: 'C0118', weight: 4, descriptions: ['路灯不亮', '路灯杆倾斜'] },
  { categoryCode: 'C0305', weight: 4, descriptions: ['垃圾箱破损', '垃圾箱满溢'] },
  { categoryCode: 'C0402', weight: 2, descriptions: ['行道树枯死', '行道树枝条遮挡信号灯'] },
];

/** api.md: the demo grids cover at least this box. */
export const demoBox = { south: 40.8, north: 40.86, west: 111.62, east: 111.72 } as const;

export interface Point {
  lat: number;
  lng: number;
}

export interface CityModel {
  /** Grid officers who can report (those with grids). */
  readonly officers: readonly string[];
  readonly problems: readonly Problem[];
  pickProblem(random: Random): { categoryCode: string; description: string };
  /** A point on the officer's patrol: inside one of their grids. */
  patrolPoint(officer: string, random: Random): Promise<Point>;
  /** A point anywhere in the city (a caller's address). */
  cityPoint(random: Random): Point;
}

const meSchema = z.looseObject({ gridCodes: z.array(z.string()).nullish() });
const gridSchema = z.looseObject({
  geometry: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
});
const categoriesSchema = z.array(z.looseObject({ code: z.string() }));

export interface CityModelOptions {
  /** officer1 … officerN. */
  officerCount: number;
  /** Who reads the catalogue. */
  reader: string;
}

export async function loadCityModel(api: ApiClient, options: CityModelOptions): Promise<CityModel> {
  const officers = Array.from({ length: options.officerCount }, (_, i) => `officer${i + 1}`);
  let problems = streetProblems;
  const catalogue = await api.get(options.reader, '/api/categories');
  const parsed = categoriesSchema.safeParse(catalogue.body);
  if (catalogue.status === 200 && parsed.success) {
    const known = new Set(parsed.data.map((c) => c.code));
    const inCatalogue = streetProblems.filter((p) => known.has(p.categoryCode));
    if (inCatalogue.length > 0) problems = inCatalogue;
  }
  const totalWeight = problems.reduce((sum, p) => sum + p.weight, 0);

  const gridsOf = new Map<string, Promise<string[]>>();
  const shapes = new Map<string, Promise<number[][] | null>>();
  const officerGrids = (officer: string) => {
    let grids = gridsOf.get(officer);
    if (grids === undefined) {
      grids = api.get(officer, '/api/auth/me').then((answer) => meSchema.parse(answer.body).gridCodes ?? []);
      grids.catch(() => gridsOf.delete(officer));
      gridsOf.set(officer, grids);
    }
    return grids;
  };
  const ringOf = (officer: string, code: string) => {
    let ring = shapes.get(code);
    if (ring === undefined) {
      ring = api.get(officer, `/api/grids/${code}`).then((answer) => {
        const grid = gridSchema.safeParse(answer.body);
        return answer.status === 200 && grid.success ? (grid.data.geometry.coordinates[0] ?? null) : null;
      });
      ring.catch(() => shapes.delete(code));
      shapes.set(code, ring);
    }
    return ring;
  };
  const cityPoint = (random: Random): Point => ({
    lat: random.between(demoBox.south, demoBox.north),
    lng: random.between(demoBox.west, demoBox.east),
  });

  return {
    officers,
    problems,
    pickProblem(random) {
      let left = random.next() * totalWeight;
      const problem =
        problems.find((p) => {
          left -= p.weight;
          return left < 0;
        }) ?? problems[0];
      if (problem === undefined) throw new Error('no street problems in the catalogue');
      return { categoryCode: problem.categoryCode, description: random.pick(problem.descriptions) };
    },
    async patrolPoint(officer, random) {
      const grids = await officerGrids(officer);
      if (grids.length === 0) return cityPoint(random);
      const ring = await ringOf(officer, random.pick(grids));
      if (ring === null) return cityPoint(random);
      // Grids are near-rectangles: a point in the middle 80 % of the box is inside.
      const lngs = ring.map((p) => p[0] ?? 0);
      const lats = ring.map((p) => p[1] ?? 0);
      const [west, east, south, north] = [
        Math.min(...lngs),
        Math.max(...lngs),
        Math.min(...lats),
        Math.max(...lats),
      ];
      return {
        lat: south + (north - south) * random.between(0.1, 0.9),
        lng: west + (east - west) * random.between(0.1, 0.9),
      };
    },
    cityPoint,
  };
}
