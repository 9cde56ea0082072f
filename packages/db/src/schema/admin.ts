import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * The admin audit log (管理操作日志): every change an administrator makes to reference data (calendar
 * days, grids, users, …) with who made it, when, what it touched and the record before and after.
 * Written in the change's own transaction, so a change without its entry never commits; append-only
 * (migration 0009's trigger refuses UPDATE, DELETE and TRUNCATE).
 */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorUsername: text('actor_username').notNull(),
    /** The city whose data changed; null for a region-wide change. */
    city: text('city'),
    /** What kind of record: `calendar_day`, `calendar_year`, `grids`, `user`, … */
    entity: text('entity').notNull(),
    /** Which record of that kind, e.g. `1501:2026-03-02`. */
    entityKey: text('entity_key').notNull(),
    /** `create`, `update`, `delete`, `load`, `apply`, … */
    action: text('action').notNull(),
    /** The record before the change (null when it did not exist). */
    before: jsonb('before'),
    /** The record after the change (null when it was removed). */
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('admin_audit_log_city_at_idx').on(t.city, t.at), index('admin_audit_log_at_idx').on(t.at)],
);
