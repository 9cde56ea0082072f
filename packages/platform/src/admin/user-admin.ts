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
  findUserAccount,
  insertUserAccount,
  isDistrictOf,
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
import type { RecordChange } from './calendar-admin.js';

/** Roles only a region admin (an admin without a city) may grant. */
const regionRoles: readonly Role[] = ['region_supervisor'];

/** What the audit log keeps of an account: never its password hash. */
const accountState = (account: UserAccount | null) =>
  account === null
    ? null
    : {
        username: account.username,
        displayName: account.displayName,
        roles: account.roles,
        city: account.city,
        areaCode: account.areaCode,
        active: account.active,
        mustChangePassword: account.mustChangePassword,
      };

/** The account of `username` if `admin` may manage it: 404 when unknown, 403 in another city. */
async function managedAccount(db: DbOrTx, admin: UserActor, username: string, forUpdate = false) {
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
  mustChangePassword?: boolean;
}

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
      mustChangePassword: input.mustChangePassword ?? false,
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

type AccountChange = { roles: Role[] } | { active: false } | { password: string };

const revocationOf = (change: AccountChange): SessionRevocation =>
  'roles' in change ? 'roles-changed' : 'active' in change ? 'deactivated' : 'password-changed';

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
  if ('active' in change && username === admin.username)
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
    await revokeUserSessions(tx, before.id, revocationOf(change));
    const action = 'roles' in change ? 'roles' : 'active' in change ? 'deactivate' : 'reset-password';
    await record(tx, {
      city: before.city,
      entity: 'user',
      entityKey: username,
      action,
      before: accountState(before),
      after: accountState(after),
    });
    return after;
  });
}
