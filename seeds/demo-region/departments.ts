import type { CityPlan } from './city-plans.js';
import type { CategoryRow, DepartmentRow, ResponsibilityRow } from './rows.js';

/**
 * Departments (专业部门): the same city bureaus in every city (so a category's default department
 * code means something everywhere), a team under the municipal office, and district units
 * (环卫所, 城管执法大队, 交警大队) under the bureaus that have them. Codes are short and safe in
 * usernames: `sanitation`, `sanitation-150102`.
 */

export const bureauCodes = [
  'enforcement',
  'municipal',
  'street-lighting',
  'landscaping',
  'sanitation',
  'housing',
  'traffic-police',
  'gas',
  'water-supply',
  'drainage',
  'ecology',
] as const;
export type BureauCode = (typeof bureauCodes)[number];

interface BureauSpec {
  readonly code: BureauCode;
  /** Name after the city's name, e.g. 呼和浩特市 + 城市管理综合执法局. */
  readonly name: string;
  readonly nameEn: string;
  readonly parent?: BureauCode;
  /** The district unit's name after the district's name, when the bureau has one per district. */
  readonly districtUnit?: { readonly name: string; readonly nameEn: string };
}

const bureaus: readonly BureauSpec[] = [
  {
    code: 'enforcement',
    name: '城市管理综合执法局',
    nameEn: 'Urban Management and Law Enforcement Bureau',
    districtUnit: { name: '城管执法大队', nameEn: 'Urban Management Enforcement Brigade' },
  },
  { code: 'municipal', name: '市政管理处', nameEn: 'Municipal Facilities Administration' },
  { code: 'street-lighting', name: '路灯管理所', nameEn: 'Street Lighting Office', parent: 'municipal' },
  { code: 'landscaping', name: '园林局', nameEn: 'Landscaping Bureau' },
  {
    code: 'sanitation',
    name: '环境卫生服务中心',
    nameEn: 'Environmental Sanitation Centre',
    districtUnit: { name: '环卫所', nameEn: 'Sanitation Station' },
  },
  { code: 'housing', name: '住房和城乡建设局', nameEn: 'Housing and Urban-Rural Development Bureau' },
  {
    code: 'traffic-police',
    name: '公安局交通管理支队',
    nameEn: 'Traffic Police Detachment',
    districtUnit: { name: '交警大队', nameEn: 'Traffic Police Brigade' },
  },
  { code: 'gas', name: '燃气公司', nameEn: 'Gas Company' },
  { code: 'water-supply', name: '供水公司', nameEn: 'Water Supply Company' },
  { code: 'drainage', name: '排水管理处', nameEn: 'Drainage Administration' },
  { code: 'ecology', name: '生态环境局', nameEn: 'Ecology and Environment Bureau' },
];

export const departmentId = (city: string, code: string) => `dept-${city}-${code}`;
export const districtUnitCode = (bureau: BureauCode, district: string) => `${bureau}-${district}`;

export function buildDepartments(plan: CityPlan): DepartmentRow[] {
  const rows: DepartmentRow[] = [];
  for (const bureau of bureaus) {
    rows.push({
      id: departmentId(plan.code, bureau.code),
      city: plan.code,
      code: bureau.code,
      name: `${plan.name}${bureau.name}`,
      nameEn: `${plan.nameEn} ${bureau.nameEn}`,
      parentId: bureau.parent ? departmentId(plan.code, bureau.parent) : null,
      calendarCode: 'office',
    });
    const unit = bureau.districtUnit;
    if (!unit) continue;
    for (const district of plan.districts) {
      rows.push({
        id: departmentId(plan.code, districtUnitCode(bureau.code, district.code)),
        city: plan.code,
        code: districtUnitCode(bureau.code, district.code),
        name: `${district.name}${unit.name}`,
        nameEn: `${district.nameEn} ${unit.nameEn}`,
        parentId: departmentId(plan.code, bureau.code),
        calendarCode: 'office',
      });
    }
  }
  return rows;
}

/**
 * The responsibility matrix (权责清单) at district level: for every category the city uses
 * (national ones and its own 9x extensions) and every district, the district unit of the
 * category's bureau where one exists, else the bureau itself.
 */
export function buildResponsibilities(
  plan: CityPlan,
  categories: readonly CategoryRow[],
  departments: readonly DepartmentRow[],
): ResponsibilityRow[] {
  const ids = new Set(departments.map((d) => d.id));
  const rows: ResponsibilityRow[] = [];
  for (const category of categories) {
    if (category.city != null && category.city !== plan.code) continue;
    const bureau = category.defaultDepartmentCode;
    if (!bureau) throw new Error(`category ${category.code} names no department`);
    for (const district of plan.districts) {
      const unitId = departmentId(plan.code, `${bureau}-${district.code}`);
      const departmentIdForArea = ids.has(unitId) ? unitId : departmentId(plan.code, bureau);
      if (!ids.has(departmentIdForArea)) {
        throw new Error(`category ${category.code}: no department ${bureau} in city ${plan.code}`);
      }
      rows.push({
        city: plan.code,
        categoryCode: category.code,
        areaCode: district.code,
        departmentId: departmentIdForArea,
      });
    }
  }
  return rows;
}
