/**
 * People administration (人员管理): create an account, change its roles, reset its password,
 * deactivate it. A change of roles, password or activity ends every session of the account in the
 * same transaction (and the caller announces it, so every process drops the sessions and closes the
 * account's live sockets); each change is audited in its transaction.
 */
import { randomUUID } from 'node:crypto';
import {
  type Db,
  type DbOrTx,
  findCityGrids,
  findDepartmentRecord,
  findUserAccount,
  insertUserAccount,
  isDistrictOf,
  listOfficerGridCodes,
  replaceOfficerGrids,
  revokeUserSessions,
  type SessionRevocation,
  type UserAccount,
  updateUserAccount,
} from '@urbangrid/db';
import type { Role } from '@urbangrid/domain';
import type { UserActor } from '../auth/actor.js';
import { checkPassword } from '../auth/password-policy.js';
import { hashPassword } from '../auth/passwords.js';
import { ConflictError, ForbiddenError, NotFoundError, validationFailed } from '../errors.js';
import { maskPhone } from '../personal-data/phone.js';
import { checkVersion } from './admin-changes.js';
import type { RecordChange } from './calendar-admin.js';

/** Roles only a region admin (an admin without a city) may grant. */
const regionRoles: readonly Role[] = ['region_supervisor', 'region_inspector'];

/** What the audit log keeps of an account: never its password hash, its telephone masked. */
const accountState = (account: UserAccount | null, grids?: readonly string[]) =>
  account === null
    ? null
    : {
        username: account.username,
        displayName: account.displayName,
        roles: account.roles,
        city: account.city,
        areaCode: account.areaCode,
        departmentId: account.departmentId,
        phone: account.phone === null ? null : maskPhone(account.phone),
        active: account.active,
        mustChangePassword: account.mustChangePassword,
        version: account.version,
        ...(grids === undefined ? {} : { grids }),
      };

/** The account of `username` if `admin` may manage it: 404 when unknown, 403 in another city. */
export async function managedAccount(db: DbOrTx, admin: UserActor, username: string, forUpdate = false) {
  const account = await findUserAccount(db, username, { forUpdate });
  if (!account) throw new NotFoundError(`user ${username} does not exist`);
  if (admin.city !== null && account.city !== admin.city)
    throw new ForbiddenError(`you administer city ${admin.city}; ${username} is not of it`);
  return account;
}

function checkGrantable(admin: UserActor, roles: readonly Role[]): void {
  const refused = roles.filter((role) => regionRoles.includes(role));
  if (admin.city !== null && refused.length > 0)
    throw new ForbiddenError(`only a region admin may grant ${refused.join(', ')}`);
}

export interface NewAccount {
  username: string;
  displayName: string;
  roles: Role[];
  city: string;
  districtCode?: string;
  password: string;
}

/**
 * Creates a staff account in a city with the password the admin gave it, which the person must
 * replace at their first login (PASSWORD_CHANGE_REQUIRED until then): an admin never knows a
 * password in use.
 */
export async function createAccount(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  input: NewAccount,
): Promise<UserAccount> {
  checkGrantable(admin, input.roles);
  checkPassword(input.password, 'password', [input.username, input.displayName]);
  if (input.districtCode !== undefined && !(await isDistrictOf(db, input.city, input.districtCode))) {
    const message = `${input.districtCode} is not a district of city ${input.city}`;
    throw validationFailed(message, [{ in: 'body', path: 'districtCode', message }]);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const created = await insertUserAccount(tx, {
      id: `user-${randomUUID()}`,
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      roles: input.roles,
      city: input.city,
      areaCode: input.districtCode ?? null,
      // The admin chose this password and knows it: the person replaces it at the first login.
      mustChangePassword: true,
    });
    if (!created) throw new ConflictError(`the username ${input.username} is taken`);
    await record(tx, {
      city: input.city,
      entity: 'user',
      entityKey: input.username,
      action: 'create',
      before: null,
      after: accountState(created),
    });
    return created;
  });
}

type AccountChange = { roles: Role[] } | { active: boolean } | { password: string };

/** The sessions a change ends, and why; none when an account comes back (it has none). */
const revocationOf = (change: AccountChange): SessionRevocation | null =>
  'roles' in change
    ? 'roles-changed'
    : 'active' in change
      ? change.active
        ? null
        : 'deactivated'
      : 'password-changed';

const actionOf = (change: AccountChange) =>
  'roles' in change
    ? 'roles'
    : 'active' in change
      ? change.active
        ? 'reactivate'
        : 'deactivate'
      : 'reset-password';

/**
 * Changes roles, resets the password (forced change at next login) or deactivates; every session
 * of the account ends in the same transaction. The caller announces `userId`'s revocation.
 */
export async function changeAccount(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  username: string,
  change: AccountChange,
): Promise<UserAccount> {
  await managedAccount(db, admin, username);
  if ('roles' in change) checkGrantable(admin, change.roles);
  if ('active' in change && !change.active && username === admin.username)
    throw new ConflictError('you cannot deactivate your own account');
  if ('password' in change) checkPassword(change.password, 'password', [username]);
  const update =
    'password' in change
      ? { passwordHash: await hashPassword(change.password), mustChangePassword: true }
      : change;
  return db.transaction(async (tx) => {
    const before = await managedAccount(tx, admin, username, true);
    const after = await updateUserAccount(tx, before.id, update);
    if (!after) throw new NotFoundError(`user ${username} does not exist`);
    const revocation = revocationOf(change);
    if (revocation !== null) await revokeUserSessions(tx, before.id, revocation);
    await record(tx, {
      city: before.city,
      entity: 'user',
      entityKey: username,
      action: actionOf(change),
      before: accountState(before),
      after: accountState(after),
    });
    return after;
  });
}

/** What an admin edits of an account (人员信息): the whole profile, as the editor's form holds it. */
export interface AccountEdit {
  displayName: string;
  roles: Role[];
  /** The city of the jurisdiction; only a region admin moves an account to another city. */
  city: string;
  districtCode: string | null;
  departmentId: string | null;
  phone: string | null;
  /** An officer's grids (单元网格) and streets (街道, every grid of each); ignored for other roles. */
  grids: string[];
  streets: string[];
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
}

const bodyProblem = (path: string, message: string) =>
  validationFailed(message, [{ in: 'body', path, message }]);

/** The officer grids an edit names, all valid grids of the city: unknown codes are refused. */
async function officerGridsOf(db: DbOrTx, edit: AccountEdit): Promise<string[]> {
  if (!edit.roles.includes('grid_officer')) return [];
  const found = await findCityGrids(db, edit.city, { codes: edit.grids, streetCodes: edit.streets });
  const codes = new Set(found.map((grid) => grid.code));
  const streets = new Set(found.map((grid) => grid.streetCode));
  const unknownGrids = edit.grids.filter((code) => !codes.has(code));
  if (unknownGrids.length > 0)
    throw bodyProblem('grids', `no valid grid ${unknownGrids.join(', ')} in city ${edit.city}`);
  const unknownStreets = edit.streets.filter((code) => !streets.has(code));
  if (unknownStreets.length > 0)
    throw bodyProblem('streets', `no street with grids ${unknownStreets.join(', ')} in city ${edit.city}`);
  return [...codes].sort();
}

async function checkJurisdiction(db: DbOrTx, admin: UserActor, edit: AccountEdit): Promise<void> {
  if (admin.city !== null && edit.city !== admin.city)
    throw new ForbiddenError(`you administer city ${admin.city}, not ${edit.city}`);
  if (edit.districtCode !== null && !(await isDistrictOf(db, edit.city, edit.districtCode)))
    throw bodyProblem('districtCode', `${edit.districtCode} is not a district of city ${edit.city}`);
  if (edit.departmentId !== null) {
    const department = await findDepartmentRecord(db, edit.departmentId);
    if (department === null || department.city !== edit.city || department.retiredOn !== null)
      throw bodyProblem('departmentId', `no department ${edit.departmentId} in service in city ${edit.city}`);
  }
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i]);

/**
 * Edits an account's profile: display name, roles, jurisdiction (city, district, department), an
 * officer's grids and the telephone, version-checked. A change of roles or jurisdiction ends every
 * session of the account in the same transaction (the caller announces `revoked`): what they were
 * signed in with is no longer theirs.
 */
export async function editAccount(
  db: Db,
  admin: UserActor,
  record: RecordChange,
  username: string,
  edit: AccountEdit,
): Promise<{ account: UserAccount; grids: string[]; revoked: boolean }> {
  await managedAccount(db, admin, username);
  checkGrantable(admin, edit.roles);
  await checkJurisdiction(db, admin, edit);
  const grids = await officerGridsOf(db, edit);
  return db.transaction(async (tx) => {
    const before = await managedAccount(tx, admin, username, true);
    checkVersion(before.version, edit.expectedVersion, `user ${username}`);
    const gridsBefore = await listOfficerGridCodes(tx, before.id);
    const after = await updateUserAccount(tx, before.id, {
      displayName: edit.displayName,
      roles: edit.roles,
      city: edit.city,
      areaCode: edit.districtCode,
      departmentId: edit.departmentId,
      phone: edit.phone,
    });
    if (!after) throw new NotFoundError(`user ${username} does not exist`);
    const gridsChanged = !sameList(gridsBefore, grids);
    if (gridsChanged) await replaceOfficerGrids(tx, before.id, grids);
    const rolesChanged = !sameList(before.roles, after.roles);
    const jurisdictionChanged =
      before.city !== after.city ||
      before.areaCode !== after.areaCode ||
      before.departmentId !== after.departmentId ||
      gridsChanged;
    if (rolesChanged || jurisdictionChanged)
      await revokeUserSessions(tx, before.id, rolesChanged ? 'roles-changed' : 'jurisdiction-changed');
    await record(tx, {
      city: after.city,
      entity: 'user',
      entityKey: username,
      action: 'update',
      before: accountState(before, gridsBefore),
      after: accountState(after, grids),
    });
    return { account: after, grids, revoked: rolesChanged || jurisdictionChanged };
  });
}
