/**
 * Who may read which reports (考评 / 排名): a supervisor their city or district, an admin their
 * city, a region supervisor any city of the region (naming it with `city`). Periods are inclusive
 * ranges of local days.
 */
import { cityCodeString } from '@urbangrid/domain';
import { ForbiddenError, httpError, type UserActor } from '@urbangrid/platform';
import { z } from 'zod';

export const reportRoles = ['supervisor', 'region_supervisor', 'admin'] as const;

export interface ReportScope {
  city: string;
  /** A district supervisor sees their district only. */
  districtCode: string | null;
}

const day = z.iso.date();
/** Three years at most: a report period, not an archive scan. */
const maxDays = 3 * 366;

export const periodQuery = z
  .object({
    from: day,
    to: day,
    /** A region supervisor names the city; others may repeat their own. */
    city: cityCodeString.optional(),
  })
  .refine(({ from, to }) => from <= to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine(({ from, to }) => (Date.parse(to) - Date.parse(from)) / 86_400_000 < maxDays, {
    message: `a period covers at most ${maxDays} days`,
    path: ['to'],
  });

export function reportScopeOf(user: UserActor, requestedCity: string | undefined): ReportScope {
  if (user.roles.includes('region_supervisor')) {
    if (requestedCity === undefined) {
      throw httpError('VALIDATION_FAILED', 'a region supervisor names the city: add `city=<code>`');
    }
    return { city: requestedCity, districtCode: null };
  }
  if (user.city === null) throw new ForbiddenError('this account belongs to no city');
  if (requestedCity !== undefined && requestedCity !== user.city) {
    throw new ForbiddenError(`reports of city ${requestedCity} are outside this account's jurisdiction`);
  }
  const districtSupervisor = !user.roles.includes('admin') && user.areaCode !== null;
  return { city: user.city, districtCode: districtSupervisor ? user.areaCode : null };
}
