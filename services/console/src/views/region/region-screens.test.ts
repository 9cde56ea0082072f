import { describe, expect, it } from 'vitest';
import type { RegionReport } from '../../api/contract';
import type { RegionAttainment, RegionRanking } from '../../api/region-map-api';
import { classColours, colourScale, noValueColour } from './colour-scale';
import { crumbsOf, drillOf, into, levelOf, queryOf, rankArrow, upTo } from './region-drill';
import { formatValue, measuresOf, valuesOf } from './region-measures';
import { daysOf, periodHolding, periodsUpTo } from './region-periods';

const best = classColours[classColours.length - 1];
const worst = classColours[0];

describe('the map colour scale', () => {
  it('colours the highest score green and the lowest red, a city without a value grey', () => {
    const scale = colourScale([90, 50, 70, null], 'higher');
    expect(scale.colourOf(90)).toBe(best);
    expect(scale.colourOf(50)).toBe(worst);
    expect(scale.colourOf(70)).toBe(classColours[2]);
    expect(scale.colourOf(null)).toBe(noValueColour);
    // The legend: five classes, best first, from the lowest to the highest value.
    expect(scale.classes).toHaveLength(5);
    expect(scale.classes[0]).toMatchObject({ to: 90, colour: best });
    expect(scale.classes.at(-1)).toMatchObject({ from: 50, colour: worst });
  });

  it('turns round where lower is better (a leakage rate)', () => {
    const scale = colourScale([8, 14, 20], 'lower');
    expect(scale.colourOf(8)).toBe(best);
    expect(scale.colourOf(20)).toBe(worst);
    expect(scale.classes[0]?.from).toBe(8);
  });

  it('one value or all equal: every city best, one class; none: all grey', () => {
    expect(colourScale([5, 5], 'higher').colourOf(5)).toBe(best);
    expect(colourScale([5, 5], 'higher').classes).toHaveLength(1);
    const empty = colourScale([null, undefined], 'higher');
    expect(empty.classes).toEqual([]);
    expect(empty.colourOf(3)).toBe(noValueColour);
  });
});

describe('the drill-down state', () => {
  it('reads the level, the period and the measure from the address and writes them back', () => {
    const region = drillOf({}, '2026-11');
    expect(region).toEqual({ period: '2026-11', measure: 'score', city: null, district: null });
    expect(levelOf(region)).toBe('region');
    const city = into({ ...region, period: '2026-Q3', measure: 'case:onTimeClosingRate' }, '1502');
    expect(levelOf(city)).toBe('city');
    const district = into(city, '150203');
    expect(levelOf(district)).toBe('district');
    expect(queryOf(district)).toEqual({
      period: '2026-Q3',
      measure: 'case:onTimeClosingRate',
      city: '1502',
      district: '150203',
    });
    expect(drillOf(queryOf(district) as never, '2026-11')).toEqual(district);
    // Back up: the period and the measure stay.
    expect(upTo(district, 'city')).toEqual({ ...district, district: null });
    expect(upTo(district, 'region')).toMatchObject({ period: '2026-Q3', city: null, district: null });
  });

  it('ignores a bad period or code and a district without a city', () => {
    expect(drillOf({ period: '2026-13', city: 'x', district: '150203' }, '2026-11')).toEqual({
      period: '2026-11',
      measure: 'score',
      city: null,
      district: null,
    });
    expect(drillOf({ district: '150203' }, '2026-11').district).toBeNull();
  });

  it('names the breadcrumbs region → city → district', () => {
    const state = into(into(drillOf({}, '2026-11'), '1501'), '150102');
    const names: Record<string, string> = { '1501': '呼和浩特市', '150102': '新城区' };
    const crumbs = crumbsOf(state, { region: '全区', nameOf: (code) => names[code] ?? code });
    expect(crumbs.map((c) => c.label)).toEqual(['全区', '呼和浩特市', '新城区']);
    expect(levelOf(crumbs[0]?.state ?? state)).toBe('region');
    expect(crumbs[1]?.state).toMatchObject({ city: '1501', district: null, period: '2026-11' });
  });

  it('shows a rank change with an arrow', () => {
    expect(rankArrow(2)).toEqual({ arrow: '▲2', trend: 'up' });
    expect(rankArrow(-3)).toEqual({ arrow: '▼3', trend: 'down' });
    expect(rankArrow(0).trend).toBe('same');
    expect(rankArrow(null).arrow).toBe('');
  });
});

describe('periods', () => {
  it('gives a month’s and a quarter’s days, stopping at today', () => {
    expect(daysOf('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(daysOf('2026-Q4')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(daysOf('2026-Q4', '2026-12-03')).toEqual({ from: '2026-10-01', to: '2026-12-03' });
    expect(periodHolding('quarter', '2026-12-03')).toBe('2026-Q4');
    expect(periodsUpTo('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(periodsUpTo('2026-Q1', 3)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
  });
});

describe('what the map is coloured by', () => {
  const ranking = {
    period: '2026-11',
    published: false,
    publishedAt: null,
    noData: [],
    rows: [
      { city: '1501', name: '呼和浩特市', score: 80, rank: 1, rankChange: 1 },
      { city: '1502', name: '包头市', score: 60, rank: 2, rankChange: -1 },
    ],
  } as unknown as RegionRanking;
  const cell = (code: string, value: number | null, direction = 'atMost') => ({
    code,
    name: '供水管网漏损率',
    unit: '%',
    direction,
    value,
  });
  const attainment = {
    period: '2026-11',
    published: false,
    rows: [
      { city: '1501', name: '呼和浩特市', cells: [cell('WATER_LEAKAGE', 9)] },
      { city: '1502', name: '包头市', cells: [cell('WATER_LEAKAGE', null)] },
    ],
  } as unknown as RegionAttainment;
  const report = {
    from: '2026-11-01',
    to: '2026-11-30',
    indicatorColumns: [
      {
        key: 'onTimeClosingRate',
        label: { 'zh-CN': '按时结案率', en: 'On-time closing rate' },
        format: 'share',
        direction: 'higher',
        weight: 1,
      },
    ],
    rows: [
      { key: '1501', indicators: { onTimeClosingRate: 0.9 } },
      { key: '1502', indicators: { onTimeClosingRate: 0.5 } },
    ],
  } as unknown as RegionReport;
  const sources = { ranking, attainment, report };

  it('offers the score, each target and each case indicator, each the right way round', () => {
    const measures = measuresOf(sources, 'en', {
      score: 'Composite score',
      englishName: (code) => (code === 'WATER_LEAKAGE' ? 'Water network leakage' : undefined),
    });
    expect(measures.map((m) => [m.key, m.label, m.better])).toEqual([
      ['score', 'Composite score', 'higher'],
      ['target:WATER_LEAKAGE', 'Water network leakage', 'lower'],
      ['case:onTimeClosingRate', 'On-time closing rate', 'higher'],
    ]);
    expect(formatValue(measures[2], 0.905, 'en')).toBe('90.5%');
    expect(formatValue(measures[1], 9, 'en')).toBe('9 %');
    expect(formatValue(measures[1], null, 'en')).toBe('—');
  });

  it("reads each city's value of the measure, null where it has none", () => {
    expect([...valuesOf('score', sources)]).toEqual([
      ['1501', 80],
      ['1502', 60],
    ]);
    expect(valuesOf('target:WATER_LEAKAGE', sources).get('1502')).toBeNull();
    expect(valuesOf('case:onTimeClosingRate', sources).get('1502')).toBe(0.5);
  });
});
