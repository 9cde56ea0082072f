import { timestamp } from 'drizzle-orm/pg-core';

/** An instant (timestamptz): every time the model keeps is one, read back as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });
