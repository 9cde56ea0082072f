/**
 * Signed-in sessions (user_sessions): one row per login, rotated on every refresh, revoked on
 * logout, on a replayed refresh token, and whenever the account's password, roles or activity
 * change. Queries only; the rules (token lifetimes, announcements) are the platform's.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { preparedPerDatabase } from '../prepared.js';
import { userSessions, users } from '../schema/people.js';
import { type UserIdentity, userIdentityColumns } from './users.js';

export type SessionRevocation =
  | 'logout'
  | 'refresh-token-reused'
  | 'password-changed'
  | 'roles-changed'
  | 'jurisdiction-changed'
  | 'deactivated';

export async function createUserSession(
  db: DbOrTx,
  session: { id: string; userId: string; expiresAt: Date },
): Promise<void> {
  await db.insert(userSessions).values(session);
}

export type SessionRotation =
  | { outcome: 'rotated'; userId: string; generation: number }
  /** The token was of an older generation: the session is revoked now. */
  | { outcome: 'reused'; userId: string }
  /** Unknown, revoked or expired: nothing changes. */
  | { outcome: 'refused' };

/**
 * Moves the session to its next generation when `generation` is the current one. A token of an
 * older generation revokes the whole session (reuse detection); the compare-and-set makes two
 * refreshes racing with one token end the same way (one wins, the other is a reuse).
 */
export async function rotateUserSession(
  db: DbOrTx,
  session: { id: string; generation: number; expiresAt: Date },
): Promise<SessionRotation> {
  const rotated = await db
    .update(userSessions)
    .set({
      generation: sql`${userSessions.generation} + 1`,
      refreshedAt: sql`now()`,
      expiresAt: session.expiresAt,
    })
    .where(
      and(
        eq(userSessions.id, session.id),
        eq(userSessions.generation, session.generation),
        isNull(userSessions.revokedAt),
        sql`${userSessions.expiresAt} > now()`,
      ),
    )
    .returning({ userId: userSessions.userId, generation: userSessions.generation });
  const row = rotated[0];
  if (row) return { outcome: 'rotated', ...row };
  const reused = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: 'refresh-token-reused' })
    .where(
      and(
        eq(userSessions.id, session.id),
        sql`${userSessions.generation} > ${session.generation}`,
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ userId: userSessions.userId });
  return reused[0] ? { outcome: 'reused', userId: reused[0].userId } : { outcome: 'refused' };
}

/** Revokes one session; the user it belonged to, or null when it was unknown or revoked already. */
export async function revokeUserSession(
  db: DbOrTx,
  id: string,
  reason: SessionRevocation,
): Promise<string | null> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)))
    .returning({ userId: userSessions.userId });
  return rows[0]?.userId ?? null;
}

/** Revokes every open session of a user; how many there were. */
export async function revokeUserSessions(
  db: DbOrTx,
  userId: string,
  reason: SessionRevocation,
): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length;
}

const sessionIdentity = preparedPerDatabase((db) =>
  db
    .select(userIdentityColumns)
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(
      sql`${userSessions.id} = ${sql.placeholder('id')} and ${userSessions.revokedAt} is null and ${users.active}`,
    )
    .limit(1)
    .prepare('urbangrid_session_identity'),
);

/** The identity behind an open session of an active user, or null (revoked, unknown, deactivated). */
export async function findSessionIdentity(db: DbOrTx, sessionId: string): Promise<UserIdentity | null> {
  const rows = await sessionIdentity(db).execute({ id: sessionId });
  return rows[0] ?? null;
}
