/**
 * Roles (角色) and the actors who issue commands.
 */

/** The roles of api.md, and the region's inspectors (issue 19.4). */
export const roles = [
  'grid_officer', // 监督员 / 信息采集员
  'intake_operator', // 受理员 / 坐席员
  'shift_lead', // 值班长
  'dispatcher', // 派遣员
  'department_handler', // 专业部门 / 处置单位
  'supervisor', // 监督中心 / 考评
  'region_supervisor', // 自治区/省级平台
  'region_inspector', // 自治区检查考评组: records inspection findings (检查考评) in the cities
  'admin', // 系统管理员
] as const;

export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A signed-in person. `departmentIds` are the departments a handler acts for (may be empty). */
export interface UserActor {
  readonly kind: 'user';
  readonly username: string;
  readonly roles: readonly Role[];
  readonly departmentIds: readonly string[];
}

/** An outside system holding an API key: a hotline platform (12345/12319) or an Open311 app. */
export interface IntegrationActor {
  readonly kind: 'integration';
  readonly name: string;
}

/**
 * One of our own workers (stage queues, deadline timers). Only the system may issue the system
 * commands (assignVerification, startReview, markOverdue), and no person can impersonate it.
 */
export interface SystemActor {
  readonly kind: 'system';
  readonly worker: string;
}

export type Actor = UserActor | IntegrationActor | SystemActor;

export function userActor(
  username: string,
  actorRoles: readonly Role[],
  departmentIds: readonly string[] = [],
): UserActor {
  return { kind: 'user', username, roles: actorRoles, departmentIds };
}

export function systemActor(worker: string): SystemActor {
  return { kind: 'system', worker };
}

export function integrationActor(name: string): IntegrationActor {
  return { kind: 'integration', name };
}

export function hasAnyRole(actor: Actor, wanted: readonly Role[]): boolean {
  return actor.kind === 'user' && actor.roles.some((role) => wanted.includes(role));
}

/** A short name for reasons and logs. */
export function describeActor(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user '${actor.username}'`;
    case 'integration':
      return `integration '${actor.name}'`;
    case 'system':
      return `system worker '${actor.worker}'`;
  }
}
