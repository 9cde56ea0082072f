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

/**
 * Every view of a reporter's full phone number by staff (号码查看记录): who, when, which case, by
 * which route. Append-only for the app (migration 0018 grants it SELECT and INSERT only); read and
 * exported by supervisors.
 */
export const phoneAccessLog = pgTable(
  'phone_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    actorUsername: text('actor_username').notNull(),
    /** The case's city and district, so a supervisor reads their own. */
    city: text('city').notNull(),
    districtCode: text('district_code').notNull(),
    caseId: text('case_id').notNull(),
    caseNo: text('case_no').notNull(),
    /** `GET /api/cases/:id`: the method and route pattern that answered the number. */
    route: text('route').notNull(),
    requestId: text('request_id'),
  },
  (t) => [
    index('phone_access_log_city_at_idx').on(t.city, t.at),
    index('phone_access_log_case_idx').on(t.caseId),
  ],
);
