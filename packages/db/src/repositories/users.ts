import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { officerGridHoldings, officerGrids, users } from '../schema/people.js';
import { areas, grids } from '../schema/reference.js';

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

/** A staff account as administration sees it (no password hash). */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  city: string | null;
  areaCode: string | null;
  departmentId: string | null;
  /** A work telephone: personal data, masked in the audit log and never logged. */
  phone: string | null;
  active: boolean;
  mustChangePassword: boolean;
  /** Raised by every admin change of the account; an edit names the version it saw (409 when stale). */
  version: number;
}

const accountColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  roles: users.roles,
  city: users.city,
  areaCode: users.areaCode,
  departmentId: users.departmentId,
  phone: users.phone,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
};

/** The account of `username`, locked for the caller's transaction when `forUpdate`. */
export async function findUserAccount(
  db: DbOrTx,
  username: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserAccount | null> {
  const query = db.select(accountColumns).from(users).where(eq(users.username, username)).limit(1);
  const rows = options.forUpdate ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export interface NewUserAccount {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  roles: string[];
  city: string | null;
  areaCode: string | null;
  mustChangePassword: boolean;
}

/** Inserts an account; null when the username is taken. */
export async function insertUserAccount(db: DbOrTx, account: NewUserAccount): Promise<UserAccount | null> {
  const rows = await db
    .insert(users)
    .values(account)
    .onConflictDoNothing({ target: users.username })
    .returning(accountColumns);
  return rows[0] ?? null;
}

export type UserAccountChange = Partial<{
  displayName: string;
  roles: string[];
  city: string | null;
  areaCode: string | null;
  departmentId: string | null;
  phone: string | null;
  active: boolean;
  passwordHash: string;
  mustChangePassword: boolean;
}>;

/**
 * Changes an account and raises its version; the caller revokes its sessions in the same
 * transaction when the change takes away what they were signed in with.
 */
export async function updateUserAccount(
  db: DbOrTx,
  id: string,
  change: UserAccountChange,
): Promise<UserAccount | null> {
  const rows = await db
    .update(users)
    .set({ ...change, version: sql`${users.version} + 1` })
    .where(eq(users.id, id))
    .returning(accountColumns);
  return rows[0] ?? null;
}

/** A city's accounts (every account for `all`), by username. */
export async function listUserAccounts(
  db: DbOrTx,
  cities: readonly string[] | 'all',
): Promise<UserAccount[]> {
  const query = db.select(accountColumns).from(users);
  return (cities === 'all' ? query : query.where(inArray(users.city, [...cities]))).orderBy(users.username);
}

/** The grids an officer is responsible for, by code. */
export async function listOfficerGridCodes(db: DbOrTx, officerId: string): Promise<string[]> {
  const rows = await db
    .select({ code: officerGrids.gridCode })
    .from(officerGrids)
    .where(eq(officerGrids.officerId, officerId))
    .orderBy(officerGrids.gridCode);
  return rows.map((row) => row.code);
}

/**
 * Makes `codes` the officer's grids (those not named are let go) from `at` on: the holdings of the
 * grids let go end then, those of the grids given begin then (officer_grid_holdings).
 */
export async function replaceOfficerGrids(
  db: DbOrTx,
  officerId: string,
  codes: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  const before = await listOfficerGridCodes(db, officerId);
  const letGo = before.filter((code) => !codes.includes(code));
  const given = [...new Set(codes)].filter((code) => !before.includes(code));
  await db.delete(officerGrids).where(eq(officerGrids.officerId, officerId));
  if (codes.length > 0)
    await db.insert(officerGrids).values(codes.map((gridCode) => ({ officerId, gridCode })));
  if (letGo.length > 0)
    await db
      .update(officerGridHoldings)
      .set({ heldUntil: at })
      .where(
        and(
          eq(officerGridHoldings.officerId, officerId),
          inArray(officerGridHoldings.gridCode, letGo),
          isNull(officerGridHoldings.heldUntil),
        ),
      );
  if (given.length > 0)
    await db
      .insert(officerGridHoldings)
      .values(given.map((gridCode) => ({ officerId, gridCode, heldFrom: at })));
}

/**
 * Every grid an officer holds without a holding on record is held "since before any change was
 * recorded" (held_from null): the seeded grids. Migration 0044 did the same for the grids of its day.
 */
export async function recordUntimedHoldings(db: DbOrTx): Promise<void> {
  await db.execute(sql`
    insert into ${officerGridHoldings} (officer_id, grid_code, held_from)
    select og.officer_id, og.grid_code, null from ${officerGrids} og
    where not exists (
      select 1 from ${officerGridHoldings} h
      where h.officer_id = og.officer_id and h.grid_code = og.grid_code and h.held_until is null
    )`);
}

/** The grids of a city valid today among `codes`, and those of its streets `streetCodes`. */
export async function findCityGrids(
  db: DbOrTx,
  city: string,
  selection: { codes: readonly string[]; streetCodes: readonly string[] },
): Promise<Array<{ code: string; streetCode: string }>> {
  if (selection.codes.length === 0 && selection.streetCodes.length === 0) return [];
  return db
    .select({ code: grids.code, streetCode: grids.streetCode })
    .from(grids)
    .where(
      and(
        eq(grids.city, city),
        sql`(${grids.validTo} is null or ${grids.validTo} > current_date)`,
        or(
          selection.codes.length > 0 ? inArray(grids.code, [...selection.codes]) : undefined,
          selection.streetCodes.length > 0
            ? inArray(grids.streetCode, [...selection.streetCodes])
            : undefined,
        ),
      ),
    )
    .orderBy(grids.code);
}

/** Whether `code` is a district (区) of `city`. */
export async function isDistrictOf(db: DbOrTx, city: string, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: areas.code })
    .from(areas)
    .where(and(eq(areas.code, code), eq(areas.city, city), eq(areas.level, 'district')))
    .limit(1);
  return rows.length > 0;
}
