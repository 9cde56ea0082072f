import { describe, expect, it } from 'vitest';
import { type CommunityOfCity, type ExistingGrid, planGridImport } from './grid-import.js';

// Community 150102001001 of street 150102001, an outline of 2 × 1 cells of 0.001°.
const west = 111.7;
const south = 40.8;
const cell = 0.001;
const square = (col: number, row: number, size = cell) => {
  const x = west + col * cell;
  const y = south + row * cell;
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  };
};
const community: CommunityOfCity = {
  code: '150102001001',
  name: '一号社区',
  streetCode: '150102001',
  polygon: {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west + 2 * cell, south],
        [west + 2 * cell, south + cell],
        [west, south + cell],
        [west, south],
      ],
    ],
  },
};
const feature = (code: string, geometry: object, communityCode = code.slice(0, 12)) => ({
  type: 'Feature',
  geometry,
  properties: { code, communityCode },
});

const existing: ExistingGrid[] = [
  {
    code: '150102001001001',
    communityCode: community.code,
    name: '一号社区001号网格',
    polygon: square(0, 0),
    valid: true,
  },
  {
    code: '150102001001002',
    communityCode: community.code,
    name: '一号社区002号网格',
    polygon: square(1, 0),
    valid: true,
  },
  {
    code: '150102001001009',
    communityCode: community.code,
    name: '一号社区009号网格',
    polygon: square(5, 5),
    valid: true,
  },
];

describe('planGridImport', () => {
  it('says what is added, changed, retired and unchanged', () => {
    const plan = planGridImport({
      features: [
        feature('150102001001001', square(0, 0)),
        // 002 is re-cut smaller, 003 takes the rest of the community.
        feature('150102001001002', square(1, 0, cell / 2)),
        feature('150102001001003', {
          type: 'Polygon',
          coordinates: [
            [
              [west + 1.5 * cell, south],
              [west + 2 * cell, south],
              [west + 2 * cell, south + cell],
              [west + cell, south + cell],
              [west + cell, south + cell / 2],
              [west + 1.5 * cell, south + cell / 2],
              [west + 1.5 * cell, south],
            ],
          ],
        }),
      ],
      existing,
      communities: [community],
    });
    expect(plan).toMatchObject({
      added: ['150102001001003'],
      changed: ['150102001001002'],
      retired: ['150102001001009'],
      unchanged: 1,
      blocked: false,
    });
    expect(plan.problems).toEqual([]);
    expect(plan.grids.find((g) => g.code === '150102001001003')).toMatchObject({
      districtCode: '150102',
      streetCode: '150102001',
      name: '一号社区003号网格',
    });
  });

  it('finds overlaps, but not neighbours sharing an edge', () => {
    const plan = planGridImport({
      features: [
        feature('150102001001001', square(0, 0)),
        feature('150102001001002', square(1, 0)),
        feature('150102001001003', square(0.75, 0, cell / 2)),
      ],
      existing: [],
      communities: [community],
    });
    expect(plan.blocked).toBe(true);
    const overlaps = plan.problems.filter((p) => p.kind === 'overlap');
    expect(overlaps.map((p) => [p.code, p.otherCode].sort())).toEqual([
      ['150102001001001', '150102001001003'],
      ['150102001001002', '150102001001003'],
    ]);
    for (const overlap of overlaps) expect(overlap.areaM2).toBeGreaterThan(500);
  });

  it('reports gaps as warnings that do not block', () => {
    const plan = planGridImport({
      features: [feature('150102001001001', square(0, 0))],
      existing: [],
      communities: [community, { ...community, code: '150102001002', name: '二号社区' }],
    });
    expect(plan.blocked).toBe(false);
    const gaps = plan.problems.filter((p) => p.kind === 'gap');
    expect(gaps).toHaveLength(2);
    expect(gaps[0]).toMatchObject({ severity: 'warning', communityCode: '150102001001' });
    // Half the community: one cell of about 84 m × 111 m at this latitude.
    expect(gaps[0]?.areaM2).toBeGreaterThan(8_000);
    expect(gaps[0]?.areaM2).toBeLessThan(10_500);
    expect(gaps[1]?.message).toMatch(/has no grid/);
  });

  it('refuses bad geometry and codes that do not fit the area hierarchy, feature by feature', () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west + cell, south + cell],
          [west + cell, south],
          [west, south + cell],
          [west, south],
        ],
      ],
    };
    const open = {
      type: 'Polygon',
      coordinates: [
        [
          [west, south],
          [west + cell, south],
          [west, south + cell],
        ],
      ],
    };
    const plan = planGridImport({
      features: [
        feature('150102001001001', bowtie),
        feature('150102001001002', open),
        feature('15010200100100', square(0, 0)),
        feature('150102001001004', square(0, 0), '150102001002'),
        feature('150102001003005', square(0, 0)),
        feature('150102002001006', square(0, 0), '150102002001'),
        feature('150102001001001', square(1, 0)),
        { type: 'Feature', geometry: { type: 'Point', coordinates: [west, south] }, properties: {} },
      ],
      existing: [],
      communities: [community, { ...community, code: '150102002001', streetCode: '150102003' }],
    });
    expect(plan.blocked).toBe(true);
    expect(plan.grids).toEqual([]);
    expect(plan.problems.filter((p) => p.kind !== 'gap').map((p) => [p.feature, p.kind])).toEqual([
      [0, 'geometry'],
      [1, 'feature'],
      [2, 'feature'],
      [3, 'code'],
      [4, 'community'],
      [5, 'community'],
      [6, 'duplicate'],
      [7, 'feature'],
    ]);
  });
});
