/**
 * What the region map can be coloured by (着色指标): the composite score of the ranking, each plan
 * target's value as the cities reported it (GET /api/region/attainment), and the case indicators
 * of the region report (on-time closing, …). Each measure says which way is better and how its
 * value reads.
 */
import type { IndicatorColumn, RegionReport } from '../../api/contract';
import type { RegionAttainment, RegionRanking } from '../../api/region-map-api';
import type { Better } from './colour-scale';

export interface Measure {
  key: string;
  label: string;
  better: Better;
  /** `share`: a fraction shown as a percentage; `score`: 0–100; else the unit shown after it. */
  format: 'share' | 'score' | 'number';
  unit: string;
  group: 'score' | 'target' | 'case';
}

export interface MeasureSources {
  ranking: RegionRanking | null;
  attainment: RegionAttainment | null;
  report: RegionReport | null;
}

type Lang = 'zh-CN' | 'en';

export function measuresOf(
  sources: MeasureSources,
  lang: Lang,
  labels: { score: string; englishName: (code: string) => string | undefined },
): Measure[] {
  const measures: Measure[] = [
    { key: 'score', label: labels.score, better: 'higher', format: 'score', unit: '', group: 'score' },
  ];
  const seen = new Set<string>();
  for (const row of sources.attainment?.rows ?? [])
    for (const cell of row.cells) {
      if (seen.has(cell.code)) continue;
      seen.add(cell.code);
      measures.push({
        key: `target:${cell.code}`,
        label: lang === 'en' ? (labels.englishName(cell.code) ?? cell.name) : cell.name,
        better: cell.direction === 'atMost' ? 'lower' : 'higher',
        format: 'number',
        unit: cell.unit,
        group: 'target',
      });
    }
  for (const column of sources.report?.indicatorColumns ?? []) measures.push(caseMeasure(column, lang));
  return measures;
}

function caseMeasure(column: IndicatorColumn, lang: Lang): Measure {
  return {
    key: `case:${column.key}`,
    label: column.label[lang],
    better: column.direction === 'lower' ? 'lower' : 'higher',
    format: column.format === 'share' ? 'share' : 'number',
    unit: '',
    group: 'case',
  };
}

/** Each city's value of the measure; null where it has none (not reported, nothing to measure). */
export function valuesOf(measure: string, sources: MeasureSources): Map<string, number | null> {
  const values = new Map<string, number | null>();
  if (measure === 'score') {
    for (const row of sources.ranking?.rows ?? []) values.set(row.city, row.score);
  } else if (measure.startsWith('target:')) {
    const code = measure.slice('target:'.length);
    for (const row of sources.attainment?.rows ?? [])
      values.set(row.city, row.cells.find((cell) => cell.code === code)?.value ?? null);
  } else if (measure.startsWith('case:')) {
    const key = measure.slice('case:'.length) as keyof RegionReport['rows'][number]['indicators'];
    for (const row of sources.report?.rows ?? []) values.set(row.key, row.indicators[key] ?? null);
  }
  return values;
}

export function formatValue(
  measure: Measure | undefined,
  value: number | null | undefined,
  locale: string,
): string {
  if (value === null || value === undefined) return '—';
  if (measure?.format === 'share') return `${(value * 100).toFixed(1)}%`;
  const number = value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return measure?.unit && measure.unit !== 'yes-no' ? `${number} ${measure.unit}` : number;
}
