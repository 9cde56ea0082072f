import type { CommunityCells } from './areas.js';
import type { CityPlan } from './city-plans.js';
import { type DepartmentRow, type OfficerGridRow, SEEDED_AT, type StaffMember } from './rows.js';

/**
 * Demo staff (api.md "Demo data"): desk staff of the command centre, two grid officers (监督员) per
 * community who split its grids (so every grid has one and every officer has a colleague in the same
 * street for fallback), and one handler per department named `handler-<departmentCode>`. The second
 * city's usernames carry the `bt-` prefix because usernames are unique across the region.
 */

export const userId = (username: string) => `user-${username}`;

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const givenNames = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
];
/** Mongolian names, common in Inner Mongolia, are written without a Han surname. */
const mongolianNames = [
  '巴特尔',
  '其其格',
  '乌日娜',
  '苏和',
  '额尔敦',
  '萨仁',
  '宝音',
  '娜仁花',
  '阿拉坦',
  '斯琴',
];

/** A deterministic, varied Chinese name for the n-th person (n ≥ 1). */
export function personName(n: number): string {
  if (n % 5 === 3) return mongolianNames[Math.floor(n / 5) % mongolianNames.length] ?? '巴特尔';
  const surname = surnames[n % surnames.length] ?? '王';
  const given = givenNames[(n * 7 + Math.floor(n / surnames.length)) % givenNames.length] ?? '伟';
  return `${surname}${given}`;
}

interface Member {
  readonly username: string;
  readonly displayName: string;
  readonly roles: readonly string[];
  readonly city: string | null;
  readonly departmentId?: string;
  readonly areaCode?: string;
}

export function staffMember(member: Member): StaffMember {
  return {
    id: userId(member.username),
    city: member.city,
    username: member.username,
    displayName: member.displayName,
    roles: [...member.roles],
    departmentId: member.departmentId ?? null,
    areaCode: member.areaCode ?? null,
    active: true,
    createdAt: SEEDED_AT,
  };
}

export interface CityStaff {
  readonly users: StaffMember[];
  readonly officerGrids: OfficerGridRow[];
}

/** The command centre's desk staff of a city: operator, shift lead, dispatcher, city supervisor. */
function deskStaff(plan: CityPlan, prefix: string, names: readonly string[]): StaffMember[] {
  const desks = [
    ['operator1', 'intake_operator'],
    ['shiftlead1', 'shift_lead'],
    ['dispatcher1', 'dispatcher'],
    ['supervisor1', 'supervisor'],
  ] as const;
  return desks.map(([username, role], i) =>
    staffMember({
      username: `${prefix}${username}`,
      displayName: names[i] ?? username,
      roles: [role],
      city: plan.code,
    }),
  );
}

/** Two officers per community: the first takes the first half of its grids (by sequence), the second the rest. */
function gridOfficers(plan: CityPlan, prefix: string, communities: readonly CommunityCells[]): CityStaff {
  const users: StaffMember[] = [];
  const officerGrids: OfficerGridRow[] = [];
  for (const community of communities) {
    const half = Math.ceil(community.gridCodes.length / 2);
    const shares = [community.gridCodes.slice(0, half), community.gridCodes.slice(half)];
    for (const share of shares) {
      const n = users.length + 1;
      const officer = staffMember({
        username: `${prefix}officer${n}`,
        displayName: personName(n + (prefix ? 500 : 0)),
        roles: ['grid_officer'],
        city: plan.code,
      });
      users.push(officer);
      for (const gridCode of share) officerGrids.push({ officerId: officer.id, gridCode });
    }
  }
  return { users, officerGrids };
}

function handlers(plan: CityPlan, prefix: string, departments: readonly DepartmentRow[]): StaffMember[] {
  return departments
    .filter((d) => d.city === plan.code)
    .map((d) =>
      staffMember({
        username: `${prefix}handler-${d.code}`,
        displayName: `${d.name}处置员`,
        roles: ['department_handler'],
        city: plan.code,
        departmentId: d.id,
      }),
    );
}

export function buildCityStaff(
  plan: CityPlan,
  options: { prefix: string; deskNames: readonly string[] },
  departments: readonly DepartmentRow[],
  communities: readonly CommunityCells[],
): CityStaff {
  const officers = gridOfficers(plan, options.prefix, communities);
  return {
    users: [
      ...deskStaff(plan, options.prefix, options.deskNames),
      ...officers.users,
      ...handlers(plan, options.prefix, departments),
    ],
    officerGrids: officers.officerGrids,
  };
}
