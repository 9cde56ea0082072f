/**
 * The evaluation report (绩效评价, domain.md §6): indicators, composite score, grade and rank of
 * every officer, intake operator, shift lead, dispatcher, department or district of a city, under
 * the city's own weights and bands. Published days are read from their frozen copy, so a ranking
 * once published does not move; where today's rollups of those days say otherwise, the row carries
 * the recount beside it (`recount`).
 */
import {
  type AnyRollupDimension,
  type Db,
  effectiveEvaluationSettings,
  type FrozenAndLiveTotalsRow,
  findCity,
  findEvaluationSettings,
  listCityDepartments,
  listDistricts,
  listEvaluatedOfficers,
  listEvaluatedStaff,
  listPublications,
  officerGridsDimension,
  type RollupCounts,
  sumFrozenAndLiveRollups,
  zeroRollupCounts,
} from '@urbangrid/db';
import {
  defaultEvaluationConfig,
  type EvaluationConfig,
  type EvaluationInput,
  evaluateSubjects,
  evaluationConfigSchema,
  type SubjectKind,
} from '@urbangrid/domain';
import { NotFoundError } from '@urbangrid/platform';
import { z } from 'zod';
import {
  areaCounts,
  departmentCounts,
  dispatcherCounts,
  intakeOperatorCounts,
  officerCounts,
  shiftLeadCounts,
} from './evaluation-counts.js';
import {
  type IndicatorColumn,
  indicatorColumnSchema,
  indicatorColumns,
  indicatorValuesSchema,
} from './indicator-values.js';
import type { ReportScope } from './report-scope.js';

/** The `subject` values of api.md and the domain's subject kinds. */
export const evaluationSubjects = {
  officer: 'officer',
  intake_operator: 'intakeOperator',
  shift_lead: 'shiftLead',
  dispatcher: 'dispatcher',
  department: 'department',
  district: 'area',
} as const satisfies Record<string, SubjectKind>;

export type EvaluationSubject = keyof typeof evaluationSubjects;

export interface EvaluationRowView {
  key: string;
  name: string;
  indicators: Record<string, number | null>;
  score: number | null;
  grade: string | null;
  rank: number | null;
  /** Today's recount of the same period, when it differs from what was published. */
  recount: {
    indicators: Record<string, number | null>;
    score: number | null;
    grade: string | null;
    rank: number | null;
  } | null;
}

export interface EvaluationReport {
  city: string;
  from: string;
  to: string;
  subject: EvaluationSubject;
  /** Days of the period whose counts are frozen (published) and the days in the period. */
  publishedDays: number;
  days: number;
  /** The indicators of the subject, in order: what the rows' `indicators` hold, labelled. */
  indicatorColumns: IndicatorColumn[];
  rows: EvaluationRowView[];
}

const outcome = {
  indicators: indicatorValuesSchema,
  score: z.number().nullable(),
  grade: z.string().nullable(),
  rank: z.number().int().nullable(),
};

export const evaluationReportSchema = z.object({
  city: z.string(),
  from: z.string(),
  to: z.string(),
  subject: z.enum(Object.keys(evaluationSubjects) as [EvaluationSubject, ...EvaluationSubject[]]),
  publishedDays: z.number().int(),
  days: z.number().int(),
  indicatorColumns: z.array(indicatorColumnSchema),
  rows: z.array(
    z.object({ key: z.string(), name: z.string(), ...outcome, recount: z.object(outcome).nullable() }),
  ),
});

/** The city's weights and bands; the defaults of domain.md §6 when it has set none (or a broken set). */
export function evaluationConfigOf(stored: unknown): EvaluationConfig {
  const parsed = evaluationConfigSchema.safeParse(stored);
  return parsed.success ? parsed.data : defaultEvaluationConfig;
}

/**
 * The settings a period is evaluated with. Published: those the period's last published day was
 * published with (a published ranking keeps its settings, whatever was set since); today's
 * recount: those in effect on the period's last day now.
 */
async function periodConfigs(
  db: Db,
  city: string,
  to: string,
  publications: ReadonlyArray<{ day: string; evaluationSettingsVersion: number | null }>,
): Promise<{ published: EvaluationConfig; live: EvaluationConfig }> {
  const current = await effectiveEvaluationSettings(db, city, to);
  const live = evaluationConfigOf(current?.config);
  const last = publications.at(-1);
  if (last === undefined) return { published: live, live };
  const version = last.evaluationSettingsVersion;
  const frozen = version === null ? null : await findEvaluationSettings(db, city, version);
  return { published: evaluationConfigOf(frozen?.config), live };
}

/** The period's rollup totals of one side, frozen (published days from their copy) or live. */
interface Totals {
  /** Per key, one map for each dimension asked, in their order. */
  of(...dimensions: AnyRollupDimension[]): Promise<Array<Map<string, RollupCounts>>>;
}

/**
 * The period's totals, frozen and live read together: each set of dimensions once, one statement
 * for both sides (the published ranking and today's recount beside it).
 */
function periodTotals(
  db: Db,
  scope: ReportScope,
  period: { from: string; to: string },
): { frozen: Totals; live: Totals } {
  const cache = new Map<string, Promise<FrozenAndLiveTotalsRow[]>>();
  const read = (dimensions: AnyRollupDimension[]) => {
    const id = dimensions.join(',');
    let entry = cache.get(id);
    if (entry === undefined) {
      entry = sumFrozenAndLiveRollups(db, {
        city: scope.city,
        dimensions,
        fromDay: period.from,
        toDay: period.to,
      });
      cache.set(id, entry);
    }
    return entry;
  };
  const side = (name: 'frozen' | 'live'): Totals => ({
    of: async (...dimensions) => {
      const rows = await read(dimensions);
      return dimensions.map(
        (dimension) =>
          new Map(rows.filter((row) => row.dimension === dimension).map((row) => [row.key, row[name]])),
      );
    },
  });
  return { frozen: side('frozen'), live: side('live') };
}

const countsOf = (map: Map<string, RollupCounts> | undefined, key: string) =>
  map?.get(key) ?? zeroRollupCounts();

/** The inputs (key, name, counts) of every subject of a kind in the scope. */
async function subjectInputs(
  db: Db,
  scope: ReportScope,
  subject: EvaluationSubject,
  totals: Totals,
): Promise<EvaluationInput<SubjectKind>[]> {
  const city = scope.city;
  const inDistrict = (code: string) => scope.districtCode === null || code.startsWith(scope.districtCode);
  switch (subject) {
    case 'officer': {
      // Officers × days rows: an officer's own counts and those of the grids they held.
      const [[own, grids], officers] = await Promise.all([
        totals.of('officer', officerGridsDimension),
        listEvaluatedOfficers(db, { city, districtCode: scope.districtCode ?? undefined }),
      ]);
      return officers.map(({ username, displayName }) => ({
        key: username,
        name: displayName,
        counts: officerCounts(countsOf(own, username), countsOf(grids, username)),
      }));
    }
    case 'intake_operator':
    case 'shift_lead':
    case 'dispatcher': {
      const [staff] = await totals.of('staff');
      const people = await listEvaluatedStaff(db, city, subject);
      const toCounts = {
        intake_operator: intakeOperatorCounts,
        shift_lead: shiftLeadCounts,
        dispatcher: dispatcherCounts,
      }[subject];
      return people.map((person) => ({
        key: person.username,
        name: person.displayName,
        counts: toCounts(countsOf(staff, person.username)),
      }));
    }
    case 'department': {
      const [byDepartment] = await totals.of('department');
      const departments = await listCityDepartments(db, city);
      return departments.map((department) => ({
        key: department.id,
        name: department.name,
        counts: departmentCounts(countsOf(byDepartment, department.id)),
      }));
    }
    case 'district': {
      const [byDistrict] = await totals.of('district');
      const districts = (await listDistricts(db, city)).filter((district) => inDistrict(district.code));
      return districts.map((district) => ({
        key: district.code,
        name: district.name,
        counts: areaCounts(countsOf(byDistrict, district.code), district),
      }));
    }
  }
}

/** Evaluates subjects of one kind from their inputs (the pure part, domain.md §6). */
export function evaluate(
  subject: EvaluationSubject,
  inputs: EvaluationInput<SubjectKind>[],
  config: EvaluationConfig,
): Array<Omit<EvaluationRowView, 'recount'>> {
  const kind = evaluationSubjects[subject];
  // Each kind's inputs carry that kind's counts; the map above builds them per kind.
  const rows = evaluateSubjects(kind, inputs as EvaluationInput<typeof kind>[], config);
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    indicators: { ...(row.indicators as unknown as Record<string, number | null>) },
    score: row.score,
    grade: row.grade,
    rank: row.rank,
  }));
}

const sameOutcome = (a: Omit<EvaluationRowView, 'recount'>, b: Omit<EvaluationRowView, 'recount'>) =>
  JSON.stringify([a.indicators, a.score, a.grade, a.rank]) ===
  JSON.stringify([b.indicators, b.score, b.grade, b.rank]);

export async function evaluationReport(
  db: Db,
  scope: ReportScope,
  query: { from: string; to: string; subject: EvaluationSubject },
): Promise<EvaluationReport> {
  const city = await findCity(db, scope.city);
  if (city === null) throw new NotFoundError(`city ${scope.city} not found`);
  const period = { from: query.from, to: query.to };
  const publications = await listPublications(db, { city: scope.city, fromDay: query.from, toDay: query.to });
  const configs = await periodConfigs(db, city.code, query.to, publications);
  const totals = periodTotals(db, scope, period);
  const published = evaluate(
    query.subject,
    await subjectInputs(db, scope, query.subject, totals.frozen),
    configs.published,
  );
  // With nothing published in the period, the frozen and the live counts are the same.
  const live =
    publications.length === 0
      ? published
      : evaluate(query.subject, await subjectInputs(db, scope, query.subject, totals.live), configs.live);
  const liveByKey = new Map(live.map((row) => [row.key, row]));
  return {
    city: scope.city,
    from: query.from,
    to: query.to,
    subject: query.subject,
    publishedDays: publications.length,
    days: Math.round((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000) + 1,
    indicatorColumns: indicatorColumns(evaluationSubjects[query.subject], configs.published),
    rows: published.map((row) => {
      const recount = liveByKey.get(row.key);
      return {
        ...row,
        recount:
          recount === undefined || sameOutcome(row, recount)
            ? null
            : {
                indicators: recount.indicators,
                score: recount.score,
                grade: recount.grade,
                rank: recount.rank,
              },
      };
    }),
  };
}
