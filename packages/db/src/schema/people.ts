import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { areas, cities, departments, grids } from './reference.js';

/**
 * Staff accounts. `roles` use the role names of packages/domain; the jurisdiction is the department
 * (handlers), the area (district or city supervisors) and, for officers, their grids (officer_grids).
 * Region supervisors have no city.
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    city: text('city').references(() => cities.code),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    /** A work telephone, shown to colleagues; masked in the admin audit log. */
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    departmentId: text('department_id').references(() => departments.id),
    areaCode: text('area_code').references(() => areas.code),
    active: boolean('active').notNull().default(true),
    /** Set for an account made or reset by an admin: every route but the password change answers 403 until it is changed. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Raised by every admin edit of the profile (name, phone, jurisdiction, grids); 409 when stale. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('users_city_idx').on(t.city), index('users_department_idx').on(t.departmentId)],
);

/** The grids an officer (监督员) is responsible for. */
export const officerGrids = pgTable(
  'officer_grids',
  {
    officerId: text('officer_id')
      .notNull()
      .references(() => users.id),
    gridCode: text('grid_code')
      .notNull()
      .references(() => grids.code),
  },
  (t) => [primaryKey({ columns: [t.officerId, t.gridCode] }), index('officer_grids_grid_idx').on(t.gridCode)],
);

/**
 * Who held each grid when (officer_grids keeps the present only): a holding opens when a grid is
 * given to an officer and ends when it is taken from them; `held_from` null is "since before any
 * change was recorded" (the seeded grids, and those held when this table came). The recount gives
 * an event's counts for the officers of its grid to those holding it at the event's time, as the
 * kept rollups did when it happened.
 */
export const officerGridHoldings = pgTable(
  'officer_grid_holdings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    officerId: text('officer_id')
      .notNull()
      .references(() => users.id),
    gridCode: text('grid_code')
      .notNull()
      .references(() => grids.code),
    heldFrom: timestamp('held_from', { withTimezone: true }),
    heldUntil: timestamp('held_until', { withTimezone: true }),
  },
  (t) => [index('officer_grid_holdings_grid_idx').on(t.gridCode, t.heldFrom)],
);

/** On-duty shifts: verification and check tasks go to the officer on duty for the grid. */
export const dutyShifts = pgTable(
  'duty_shifts',
  {
    id: text('id').primaryKey(),
    city: text('city')
      .notNull()
      .references(() => cities.code),
    officerId: text('officer_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('duty_shifts_officer_idx').on(t.officerId, t.startsAt)],
);

/** Integration keys (hotline systems, Open311 apps, video analytics): stored as SHA-256, scoped to a city. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  city: text('city')
    .notNull()
    .references(() => cities.code),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  /** e.g. ["report:create", "report:read"] */
  scopes: text('scopes').array().notNull(),
  /** The source its reports carry (public, video, hotline). */
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Requests per minute the key may make to the routes it reports through. */
  rateLimitPerMinute: integer('rate_limit_per_minute').notNull().default(10),
  /** When the key was last used (kept to the minute, so a busy key does not write every request). */
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  /**
   * The secret a key's requests are signed with (HMAC-SHA256, as our webhooks are), sealed under
   * WEBHOOK_SECRET; only a 110 key has one (its requests carry X-Urbangrid-Signature).
   */
  signingSecretSealed: text('signing_secret_sealed'),
  /** Raised by every change (its rate); an admin's edit names the version it saw (409 when stale). */
  version: integer('version').notNull().default(1),
});

/**
 * A signed-in session (one login): the family of refresh tokens rotated from it. Each refresh
 * moves `generation` on by one and only the token of the current generation is accepted; a token
 * of an older generation is a stolen copy replayed (or the thief's copy outran the owner), so the
 * whole session is revoked. Access tokens carry the session's id and die with it.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    generation: integer('generation').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the current refresh token expires; each rotation moves it on. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** logout, refresh-token-reused, password-changed, roles-changed, deactivated, … */
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);
