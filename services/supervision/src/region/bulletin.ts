/**
 * The bulletin (排名通报) of a month or quarter: the ranking, each city's gaps to its targets, the
 * cities praised (表扬) and criticised (批评) by the region's rule — as published (frozen), with
 * today's recount beside it so a later change is seen but never rewrites what was announced; before
 * publication, the draft counted now. As page data for printing, and as an XLSX workbook.
 */
import { type DbOrTx, findRankingPublication } from '@urbangrid/db';
import type { Period } from '@urbangrid/domain';
import type { ExportTable } from '@urbangrid/platform';
import { z } from 'zod';
import { attainmentCellSchema, countRanking, type RankingCount, rankingCountSchema } from './ranking.js';

const cityLine = z.object({
  city: z.string(),
  name: z.string(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
});

export const bulletinSchema = z
  .object({
    period: z.string(),
    title: z.string(),
    published: z.boolean(),
    publishedAt: z.string().nullable(),
    publishedBy: z.string().nullable(),
    ranking: rankingCountSchema,
    gaps: z.array(cityLine.extend({ indicators: z.array(attainmentCellSchema) })),
    praised: z.array(cityLine),
    criticised: z.array(cityLine),
    /** Published bulletins only: the same period counted today, and whether any score or rank moved. */
    recount: z
      .object({
        countedAt: z.string(),
        changed: z.boolean(),
        rows: z.array(cityLine.extend({ scoreChange: z.number().nullable(), rankChanged: z.boolean() })),
      })
      .nullable(),
  })
  .meta({ id: 'RegionBulletin' });
export type Bulletin = z.infer<typeof bulletinSchema>;

export function bulletinTitle(period: Period): string {
  const when =
    period.kind === 'month'
      ? `${period.year}年${Number(period.key.slice(5))}月`
      : `${period.year}年第${period.key.slice(6)}季度`;
  return `${when}全区城市精细化管理排名通报`;
}

const line = (row: RankingCount['rows'][number]) => ({
  city: row.city,
  name: row.name,
  rank: row.rank,
  score: row.score,
});

function recountOf(frozen: RankingCount, now: RankingCount, at: Date): NonNullable<Bulletin['recount']> {
  const then = new Map(frozen.rows.map((row) => [row.city, row]));
  const rows = now.rows.map((row) => {
    const before = then.get(row.city);
    const scoreChange =
      row.score === null || before?.score == null ? null : Math.round((row.score - before.score) * 100) / 100;
    return { ...line(row), scoreChange, rankChanged: before?.rank !== row.rank };
  });
  return {
    countedAt: at.toISOString(),
    changed: rows.some((row) => row.rankChanged || (row.scoreChange !== null && row.scoreChange !== 0)),
    rows,
  };
}

/** The bulletin of `period`: the published one with its recount, else the draft counted now. */
export async function bulletinOf(db: DbOrTx, period: Period, now: Date): Promise<Bulletin> {
  const publication = await findRankingPublication(db, period.key);
  const live = await countRanking(db, period);
  const ranking = publication === null ? live : rankingCountSchema.parse(publication.bulletin);
  return {
    period: period.key,
    title: bulletinTitle(period),
    published: publication !== null,
    publishedAt: publication?.publishedAt.toISOString() ?? null,
    publishedBy: publication?.publishedBy ?? null,
    ranking,
    gaps: ranking.rows
      .map((row) => ({
        ...line(row),
        indicators: row.cells.filter((cell) => !cell.met && cell.attainment !== null),
      }))
      .filter((row) => row.indicators.length > 0),
    praised: ranking.rows.filter((row) => row.praised).map(line),
    criticised: ranking.rows.filter((row) => row.criticised).map(line),
    recount: publication === null ? null : recountOf(ranking, live, now),
  };
}

const componentHeaders = {
  targets: '目标达成',
  cases: '案件指标',
  inspections: '检查考评',
  surveys: '民意调查',
} as const;

/** The bulletin's sheets: 排名, 差距, 表扬与批评 (and 重新核算 for a published one). */
export function bulletinSheets(bulletin: Bulletin): Array<{ name: string; table: ExportTable }> {
  const state = bulletin.published ? `（${bulletin.publishedAt?.slice(0, 10)} 发布）` : '（草稿，未发布）';
  const noData = bulletin.ranking.noData.map((c) => componentHeaders[c]).join('、');
  const sheets: Array<{ name: string; table: ExportTable }> = [
    {
      name: '排名',
      table: {
        title: `${bulletin.title}${state}${noData ? `  无数据：${noData}` : ''}`,
        columns: [
          { key: 'rank', header: '名次' },
          { key: 'name', header: '城市' },
          { key: 'city', header: '代码' },
          { key: 'score', header: '综合得分' },
          { key: 'rankChange', header: '名次变化' },
          ...Object.entries(componentHeaders).map(([key, header]) => ({ key, header })),
        ],
        rows: bulletin.ranking.rows.map((row) => ({
          rank: row.rank,
          name: row.name,
          city: row.city,
          score: row.score,
          rankChange: row.rankChange,
          ...row.components,
        })),
      },
    },
    {
      name: '差距',
      table: {
        title: `${bulletin.title} 各城市与目标的差距`,
        columns: [
          { key: 'name', header: '城市' },
          { key: 'indicator', header: '指标' },
          { key: 'unit', header: '单位' },
          { key: 'target', header: '目标值' },
          { key: 'value', header: '实际值' },
          { key: 'gap', header: '差距' },
          { key: 'source', header: '来源' },
        ],
        rows: bulletin.gaps.flatMap((city) =>
          city.indicators.map((cell) => ({
            name: city.name,
            indicator: cell.name,
            unit: cell.unit,
            target: cell.target,
            value: cell.value,
            gap: cell.gap,
            source:
              cell.measuredBy === 'system'
                ? '系统计算'
                : cell.value === null
                  ? '未报送'
                  : `报送 ${cell.reportedFor}`,
          })),
        ),
      },
    },
    {
      name: '表扬与批评',
      table: {
        title: `${bulletin.title} 表扬与批评`,
        columns: [
          { key: 'kind', header: '类别' },
          { key: 'rank', header: '名次' },
          { key: 'name', header: '城市' },
          { key: 'score', header: '综合得分' },
        ],
        rows: [
          ...bulletin.praised.map((row) => ({ kind: '表扬', ...row })),
          ...bulletin.criticised.map((row) => ({ kind: '批评', ...row })),
        ],
      },
    },
  ];
  if (bulletin.recount !== null)
    sheets.push({
      name: '重新核算',
      table: {
        title: `${bulletin.title} 重新核算（${bulletin.recount.countedAt.slice(0, 10)}，不改变已发布结果）`,
        columns: [
          { key: 'name', header: '城市' },
          { key: 'rank', header: '核算名次' },
          { key: 'score', header: '核算得分' },
          { key: 'scoreChange', header: '得分变化' },
        ],
        rows: bulletin.recount.rows.map(({ rankChanged: _, ...row }) => row),
      },
    });
  return sheets;
}
