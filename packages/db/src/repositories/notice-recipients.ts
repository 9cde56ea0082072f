import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { users } from '../schema/people.js';

/**
 * Usernames of the active staff of a city holding a role (who hears a desk's notices); with a grid,
 * only those whose jurisdiction holds it (no area: the whole city; an area: grids under its code).
 */
const staffWithRole = preparedPerDatabase((db) =>
  db
    .select({ username: users.username })
    .from(users)
    .where(
      and(
        eq(users.city, sql.placeholder('city')),
        eq(users.active, true),
        sql`${users.roles} @> array[${sql.placeholder('role')}]::text[]`,
        sql`(${users.areaCode} is null or ${sql.placeholder('gridCode')}::text is null
          or starts_with(${sql.placeholder('gridCode')}::text, ${users.areaCode}))`,
      ),
    )
    .orderBy(asc(users.username))
    .prepare('urbangrid_staff_with_role_in'),
);

export async function listStaffWithRole(
  db: DbOrTx,
  city: string,
  role: string,
  gridCode: string | null = null,
): Promise<string[]> {
  const rows = await staffWithRole(db).execute({ city, role, gridCode });
  return rows.map((row) => row.username);
}

/** Usernames of the active members of a department (its handlers). */
const departmentStaff = preparedPerDatabase((db) =>
  db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.departmentId, sql.placeholder('departmentId')), eq(users.active, true)))
    .orderBy(asc(users.username))
    .prepare('urbangrid_department_staff'),
);

export async function listDepartmentStaff(db: DbOrTx, departmentId: string): Promise<string[]> {
  const rows = await departmentStaff(db).execute({ departmentId });
  return rows.map((row) => row.username);
}
