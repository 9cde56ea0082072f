import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { users } from '../schema/people.js';

/** Who a signed-in person is and where they act: what authentication and jurisdiction need. */
export interface UserIdentity {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  /** Null only for region-level staff. */
  city: string | null;
  departmentId: string | null;
  areaCode: string | null;
  /** The grids of an officer (officer_grids), empty for everyone else. */
  gridCodes: string[];
  /** Until the password is changed, only the password change is open to them. */
  mustChangePassword: boolean;
}

export interface UserCredentials extends UserIdentity {
  passwordHash: string;
  active: boolean;
}

const gridCodes = sql<string[]>`coalesce(
  (select array_agg(og.grid_code order by og.grid_code) from officer_grids og where og.officer_id = ${users.id}),
  '{}'::text[]
)`;

/** The columns of a UserIdentity, for the reads that join users to something else. */
export const userIdentityColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  city: users.city,
  departmentId: users.departmentId,
  areaCode: users.areaCode,
  gridCodes,
  mustChangePassword: users.mustChangePassword,
};

/** The account behind a login attempt, active or not (the caller answers both the same way). */
export async function findUserCredentials(db: DbOrTx, username: string): Promise<UserCredentials | null> {
  const rows = await db
    .select({ ...userIdentityColumns, passwordHash: users.passwordHash, active: users.active })
    .from(users)
    .where(eq(users.username, username))
    .limit(1);
  return rows[0] ?? null;
}

/** An active user's identity, read fresh on every request so a deactivation or re-assignment counts at once. */
const activeIdentityById = preparedPerDatabase((db) =>
  db
    .select(userIdentityColumns)
    .from(users)
    .where(sql`${users.id} = ${sql.placeholder('id')} and ${users.active}`)
    .limit(1)
    .prepare('urbangrid_active_identity_by_id'),
);

/** Read on every authenticated request: an account deactivated stops working at once. */
export async function findActiveUserIdentity(db: DbOrTx, id: string): Promise<UserIdentity | null> {
  const rows = await activeIdentityById(db).execute({ id });
  return rows[0] ?? null;
}
