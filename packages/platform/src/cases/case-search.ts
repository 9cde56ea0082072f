/**
 * Case search (案件检索, api.md "Additions of the second wave"): the query fields of
 * `GET /api/cases` beyond the plain filters — `q` (case number, address, description, and the
 * phone of the reporter or of an attached caller, for intake operators), `caseNo` and `address`
 * (part of one field), `phone` (operators only), category, district and the period `from`/`to` —
 * as `CaseFilter` fields.
 */
import type { CaseFilter } from '@urbangrid/db';
import { categoryCodeString, endOfLocalDay, startOfLocalDay } from '@urbangrid/domain';
import { z } from 'zod';
import type { Actor } from '../auth/actor.js';
import { ForbiddenError, httpError } from '../errors.js';
import { maySeeFullPhone, phoneSearchHash } from '../personal-data/phone.js';

/** A local day (the caller's city's) or an instant with its offset. */
const dayOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const caseSearchQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  phone: z.string().trim().min(5).max(30).optional(),
  caseNo: z.string().trim().min(1).max(40).optional(),
  address: z.string().trim().min(1).max(100).optional(),
  categoryCode: categoryCodeString.optional(),
  districtCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'a 6-digit district code')
    .optional(),
  from: dayOrInstant.optional(),
  to: dayOrInstant.optional(),
});

export type CaseSearchQuery = z.infer<typeof caseSearchQuery>;

/** Only digits and the marks people write in phone numbers: a `q` that may be a phone. */
const phoneShaped = /^\+?[\d\s-]{5,30}$/;

/** An instant as given, or where a local day starts (`from`) or ends (`to`) in the zone. */
function boundOf(
  value: string | undefined,
  timeZone: string,
  dayEdge: (day: string, timeZone: string) => Date,
): Date | undefined {
  if (value === undefined) return undefined;
  return value.length === 10 ? dayEdge(value, timeZone) : new Date(value);
}

/**
 * The search as filter fields. `timeZone` places the days of `from` and `to` (both inclusive);
 * `phoneKey` makes the phone's blind index.
 */
export function caseSearchFilter(
  actor: Actor,
  query: CaseSearchQuery,
  phoneKey: Buffer,
  timeZone: string,
): Partial<CaseFilter> {
  const operator = maySeeFullPhone(actor);
  if (query.phone !== undefined && !operator) {
    throw new ForbiddenError('only intake operators may search by a caller’s phone');
  }
  const phoneHash = query.phone === undefined ? undefined : phoneSearchHash(phoneKey, query.phone);
  if (phoneHash === null) throw httpError('VALIDATION_FAILED', '`phone` must hold at least 5 digits');
  const createdFrom = boundOf(query.from, timeZone, startOfLocalDay);
  const createdBefore = boundOf(query.to, timeZone, endOfLocalDay);
  if (createdFrom !== undefined && createdBefore !== undefined && createdFrom >= createdBefore) {
    throw httpError('VALIDATION_FAILED', '`from` must be before `to`');
  }
  return {
    search:
      query.q === undefined
        ? undefined
        : {
            text: query.q,
            phoneHash: operator && phoneShaped.test(query.q) ? phoneSearchHash(phoneKey, query.q) : null,
          },
    phoneHash,
    caseNoContains: query.caseNo,
    addressContains: query.address,
    categoryCode: query.categoryCode,
    districtCode: query.districtCode,
    createdFrom,
    createdBefore,
  };
}
