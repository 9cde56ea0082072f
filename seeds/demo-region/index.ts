import type { RegionIndicator } from '@urbangrid/domain';
import { buildApiKeys, type DemoApiKey } from './api-keys.js';
import { buildCityAreas } from './areas.js';
import { buildCalendars } from './calendars.js';
import { catalogueVersions, categories } from './catalogue.js';
import { baotou, type CityPlan, cityPlans, hohhot } from './city-plans.js';
import { buildDepartments, buildResponsibilities } from './departments.js';
import { planCities } from './plan-cities.js';
import { caseIndicatorTargets, planTargets } from './plan-targets.js';
import {
  type AreaRow,
  type CalendarRow,
  type CatalogueVersionRow,
  type CategoryRow,
  type CityProfileRow,
  type CityRow,
  type DepartmentRow,
  type GridRow,
  type OfficerGridRow,
  type ResponsibilityRow,
  SEEDED_AT,
  type StaffMember,
} from './rows.js';
import { type DemoServiceQuestions, demoServiceQuestions } from './service-questions.js';
import { buildCityStaff, personName, staffMember } from './staff.js';

export { demoApiKeys } from './api-keys.js';
export { baotou, cityPlans, hohhot } from './city-plans.js';
export { planCities } from './plan-cities.js';
export type * from './rows.js';

/** Everything the demo region inserts, in foreign-key order; users still without password hashes. */
export interface DemoRegion {
  cities: CityRow[];
  areas: AreaRow[];
  grids: GridRow[];
  catalogueVersions: CatalogueVersionRow[];
  categories: CategoryRow[];
  departments: DepartmentRow[];
  responsibilities: ResponsibilityRow[];
  calendars: CalendarRow[];
  users: StaffMember[];
  officerGrids: OfficerGridRow[];
  /** Created through the admin's createApiKey (seeds/admin-changes.ts). */
  apiKeys: DemoApiKey[];
  /** The region plan's class and urban population of each city. */
  cityProfiles: CityProfileRow[];
  /** The action plan's targets, added through the admin's addRegionTargets. */
  regionIndicators: RegionIndicator[];
  /** Questions (追问) of a few categories in every city, through the admin's saveServiceQuestions. */
  serviceQuestions: Array<DemoServiceQuestions & { city: string }>;
}

const cityRow = (plan: CityPlan): CityRow => ({
  code: plan.code,
  name: plan.name,
  nameEn: plan.nameEn,
  regionCode: plan.regionCode,
  timeZone: plan.timeZone,
  createdAt: SEEDED_AT,
});

/** Staff who are not a city's desk, officers or handlers: the admin, a district supervisor, the region. */
const regionStaff: StaffMember[] = [
  staffMember({ username: 'admin', displayName: '系统管理员', roles: ['admin'], city: hohhot.code }),
  staffMember({
    username: 'supervisor-150102',
    displayName: '陈静（新城区监督）',
    roles: ['supervisor'],
    city: hohhot.code,
    areaCode: '150102',
  }),
  staffMember({ username: 'region-admin', displayName: '自治区平台管理员', roles: ['admin'], city: null }),
  staffMember({
    username: 'region1',
    displayName: '巴特尔（自治区平台）',
    roles: ['region_supervisor'],
    city: null,
  }),
  staffMember({
    username: 'inspector1',
    displayName: '乌云（自治区检查考评组）',
    roles: ['region_inspector'],
    city: null,
  }),
];

const cityStaffPlans: Record<string, { prefix: string; deskNames: string[] }> = {
  [hohhot.code]: { prefix: '', deskNames: ['王芳', '李建国', '张丽', '刘明'] },
  [baotou.code]: { prefix: 'bt-', deskNames: ['赵敏', '孙强', '周洁', '吴刚'] },
};

/** The desk staff and username prefix of a city: Hohhot's and Baotou's as api.md names them, the others' by code. */
function staffPlanOf(plan: CityPlan, n: number): { prefix: string; deskNames: string[] } {
  return (
    cityStaffPlans[plan.code] ?? {
      prefix: `${plan.code}-`,
      deskNames: [1, 2, 3, 4].map((i) => personName(1_000 + n * 10 + i)),
    }
  );
}

export interface DemoRegionOptions {
  /**
   * All 21 cities of the action plan, not only Hohhot and Baotou: what `npm start` loads. The test
   * template keeps the two cities, so every test file's database stays as small as it was.
   */
  wholeRegion?: boolean;
}

/** Builds the demo region: a pure function, the same rows (ids, codes, geometry) on every call. */
export function buildDemoRegion(options: DemoRegionOptions = {}): DemoRegion {
  const plans = options.wholeRegion ? [...cityPlans, ...planCities] : cityPlans;
  const region: DemoRegion = {
    cities: plans.map(cityRow),
    areas: [],
    grids: [],
    catalogueVersions,
    categories,
    departments: [],
    responsibilities: [],
    calendars: [],
    users: [...regionStaff],
    officerGrids: [],
    apiKeys: buildApiKeys(hohhot.code),
    cityProfiles: plans.map((plan) => ({
      city: plan.code,
      cityClass: plan.cityClass,
      population: plan.urbanPopulation,
    })),
    regionIndicators: [...planTargets, ...caseIndicatorTargets],
    serviceQuestions: plans.flatMap((plan) => demoServiceQuestions.map((q) => ({ ...q, city: plan.code }))),
  };
  plans.forEach((plan, n) => {
    const { areas, grids, communities } = buildCityAreas(plan);
    const departments = buildDepartments(plan);
    const staff = buildCityStaff(plan, staffPlanOf(plan, n), departments, communities);
    region.areas.push(...areas);
    region.grids.push(...grids);
    region.departments.push(...departments);
    region.responsibilities.push(...buildResponsibilities(plan, categories, departments));
    region.calendars.push(...buildCalendars(plan));
    region.users.push(...staff.users);
    region.officerGrids.push(...staff.officerGrids);
  });
  return region;
}
