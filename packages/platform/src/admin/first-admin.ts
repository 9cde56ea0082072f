/**
 * The first admin of a deployment (`npm run admin:create`): production loads no demo accounts, so
 * someone has to exist to create the rest. The account gets a random password, shown once, which
 * must be changed at the first login (every route but the password change answers 403 until then).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type DbOrTx, insertUserAccount, type UserAccount } from '@urbangrid/db';
import { hashPassword } from '../auth/passwords.js';

export class FirstAdminError extends Error {}

export interface FirstAdmin {
  username: string;
  displayName: string;
  /** The city administered; null for a region admin (every city). */
  city: string | null;
}

/** Creates the admin; the one-time password is returned and never stored in clear. */
export async function createFirstAdmin(
  db: DbOrTx,
  admin: FirstAdmin,
): Promise<{ account: UserAccount; password: string }> {
  if (!/^[a-z0-9][a-z0-9._-]{1,63}$/.test(admin.username))
    throw new FirstAdminError('a username is 2–64 lower-case letters, digits, ".", "_" or "-"');
  const password = randomBytes(18).toString('base64url');
  const account = await insertUserAccount(db, {
    id: `user-${randomUUID()}`,
    username: admin.username,
    displayName: admin.displayName,
    passwordHash: await hashPassword(password),
    roles: ['admin'],
    city: admin.city,
    areaCode: null,
    mustChangePassword: true,
  });
  if (!account) throw new FirstAdminError(`the username ${admin.username} is taken`);
  return { account, password };
}
