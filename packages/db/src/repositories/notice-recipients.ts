import { and, arrayContains, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { users } from '../schema/people.js';

/** Usernames of the active staff of a city holding a role (who hears a desk's notices). */
export async function listStaffWithRole(db: DbOrTx, city: string, role: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.city, city), eq(users.active, true), arrayContains(users.roles, [role])))
    .orderBy(asc(users.username));
  return rows.map((row) => row.username);
}

/** Usernames of the active members of a department (its handlers). */
export async function listDepartmentStaff(db: DbOrTx, departmentId: string): Promise<string[]> {
  const rows = await db
    .select({ username: users.username })
    .from(users)
    .where(and(eq(users.departmentId, departmentId), eq(users.active, true)))
    .orderBy(asc(users.username));
  return rows.map((row) => row.username);
}
