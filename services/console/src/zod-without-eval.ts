/**
 * zod compiles fast object parsers with `new Function` unless told not to, and its probe for that
 * (`new Function('')`, caught) is itself a Content-Security-Policy violation on every page, since
 * the console is served with `script-src 'self'` (no 'unsafe-eval'). Imported first by main.ts,
 * before any module builds a schema (the setting is read when a schema is made).
 */
import { z } from 'zod';

z.config({ jitless: true });
