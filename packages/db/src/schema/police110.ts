import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { cities } from './reference.js';

/**
 * What 110 says of the cases the shift lead handed over to it (移交110), one row per update it
 * posted (signed, with its own key): its reference (接警单号) and where it stands. 110's update id
 * makes a repeated post one row. The case itself is closed (handed_to_110); this is its 110 side.
 */
export const police110Updates = pgTable(
  'police110_updates',
  {
    city: text('city')
      .notNull()
      .references(() => cities.code),
    /** 110's id of the update. */
    updateId: text('update_id').notNull(),
    caseId: text('case_id').notNull(),
    /** 110's reference of the case (接警单号). */
    reference: text('reference').notNull(),
    /** accepted, dispatched, resolved or declined (domain police110Statuses). */
    status: text('status').notNull(),
    note: text('note'),
    /** When it happened at 110. */
    occurredAt: ts('occurred_at').notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    /** The key 110 posted it with. */
    apiKeyId: text('api_key_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.city, t.updateId] }),
    index('police110_updates_case_idx').on(t.caseId, t.occurredAt),
  ],
);
