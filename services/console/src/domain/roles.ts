/** Which screens each role works in (domain.md §2), and where a user lands after signing in. */
import type { Role } from '../api/contract';

export type Screen =
  | 'officer'
  | 'intake'
  | 'shift-lead'
  | 'dispatch'
  | 'department'
  | 'supervision'
  | 'region'
  /** 检查考评: the region inspector's phone. */
  | 'inspection'
  /** 排名通报: the region's targets, the cities' reports, ranking and bulletins. */
  | 'region-desk'
  /** 指标报送: a city's supervision centre reports the plan's indicators. */
  | 'city-reports'
  | 'admin'
  /** 大屏: the command centre's wall. */
  | 'screen'
  /** 案件查询: every role searches what it may see. */
  | 'search';

export const screenRoles: Record<Screen, readonly Role[]> = {
  officer: ['grid_officer'],
  intake: ['intake_operator'],
  'shift-lead': ['shift_lead'],
  dispatch: ['dispatcher'],
  department: ['department_handler'],
  supervision: ['supervisor'],
  region: ['region_supervisor'],
  inspection: ['region_inspector'],
  'region-desk': ['region_supervisor'],
  'city-reports': ['supervisor'],
  admin: ['admin'],
  screen: ['supervisor', 'shift_lead', 'region_supervisor'],
  search: [
    'grid_officer',
    'intake_operator',
    'shift_lead',
    'dispatcher',
    'department_handler',
    'supervisor',
    'region_supervisor',
    'admin',
  ],
};

/** Screen order decides the landing page of a user with several roles. */
export const screenOrder: readonly Screen[] = [
  'admin',
  'intake',
  'shift-lead',
  'dispatch',
  'department',
  'officer',
  'supervision',
  'region',
  'inspection',
  'region-desk',
  'city-reports',
  // Last: nobody lands on the wall or the search.
  'screen',
  'search',
];

/** A role works in its own screens only: an admin administers, and lands on 系统管理. */
export function canUse(roles: readonly Role[], screen: Screen): boolean {
  return screenRoles[screen].some((role) => roles.includes(role));
}

export function screensOf(roles: readonly Role[]): Screen[] {
  return screenOrder.filter((screen) => canUse(roles, screen));
}

export function homeScreenOf(roles: readonly Role[]): Screen | null {
  return screensOf(roles)[0] ?? null;
}
