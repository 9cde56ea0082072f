/**
 * The signed anchors as the region sees them (`GET /api/supervision/audit/anchors`): each city's
 * daily anchor with whether its signature holds under the configured key and whether the case
 * histories in the database still match it, naming each case that does not.
 */

import { caseIdsInDistrict, type Db } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import {
  type AuditKeys,
  anchorSignatureProblem,
  checkAnchorAgainstDatabase,
  localDay,
  readChainAnchors,
} from '@urbangrid/engine';
import { ForbiddenError, httpError, type UserActor } from '@urbangrid/platform';
import type { ReferenceData } from '@urbangrid/reference';
import { z } from 'zod';
import { reportScopeOf } from '../reports/report-scope.js';

/** Three months at most per request: each anchor is compared with the database. */
const maxDays = 92;

export const anchorQuerySchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    city: cityCodeString.optional(),
  })
  .refine(({ from, to }) => from === undefined || to === undefined || from <= to, {
    message: '`from` must not be after `to`',
    path: ['from'],
  })
  .refine(
    ({ from, to }) =>
      from === undefined || to === undefined || (Date.parse(to) - Date.parse(from)) / 86_400_000 < maxDays,
    { message: `at most ${maxDays} days at a time`, path: ['to'] },
  );

export const anchorListingSchema = z.object({
  /** The key anchors are checked with (null: none configured here, nothing can be checked). */
  keyId: z.string().nullable(),
  from: z.iso.date(),
  to: z.iso.date(),
  anchors: z.array(
    z.object({
      city: z.string(),
      day: z.string(),
      cases: z.number().int(),
      digest: z.string(),
      keyId: z.string(),
      signature: z.enum(['valid', 'invalid', 'unknown_key', 'unchecked']),
      /** Whether every anchored event still has its signed hash (null when not checked). */
      matchesDatabase: z.boolean().nullable(),
      problems: z.array(
        z.object({
          caseId: z.string().nullable(),
          seq: z.number().int().nullable(),
          kind: z.string(),
          detail: z.string(),
        }),
      ),
    }),
  ),
});

export interface AnchorSource {
  dir: string;
  keys: AuditKeys | undefined;
}

const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The last finished local day of the city, or of the region: the latest any of its cities has
 * finished (each city's days are in its own zone).
 */
async function lastFinishedDay(reference: ReferenceData, city: string | undefined, now: Date) {
  const zones =
    city === undefined
      ? (await reference.cities()).map((info) => info.timeZone)
      : [await reference.cityTimeZone(city)];
  const latest = zones
    .map((zone) => dayBefore(localDay(now, zone), 1))
    .sort()
    .at(-1);
  if (latest === undefined) throw httpError('VALIDATION_FAILED', 'the region has no city yet: name `to`');
  return latest;
}

export async function listAnchors(
  db: Db,
  reference: ReferenceData,
  source: AnchorSource | undefined,
  user: UserActor,
  query: z.infer<typeof anchorQuerySchema>,
  now: Date = new Date(),
): Promise<z.infer<typeof anchorListingSchema>> {
  // A region supervisor sees every city (or the one named); everyone else their own, and a district
  // supervisor the problems of their district's cases only.
  let city = query.city;
  let districtCode: string | null = null;
  if (!user.roles.includes('region_supervisor')) {
    if (user.city === null) throw new ForbiddenError('this account belongs to no city');
    if (city !== undefined && city !== user.city) {
      throw new ForbiddenError(`anchors of city ${city} are outside this account's jurisdiction`);
    }
    city = user.city;
    districtCode = reportScopeOf(user, city).districtCode;
  }
  const to = query.to ?? (await lastFinishedDay(reference, city, now));
  const from = query.from ?? dayBefore(to, 29);
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= maxDays) {
    throw httpError('VALIDATION_FAILED', `anchors of at most ${maxDays} days at a time`);
  }
  const keys = source?.keys;
  const found = source === undefined ? [] : await readChainAnchors(source.dir, { city, from, to });
  const anchors: z.infer<typeof anchorListingSchema>['anchors'] = [];
  for (const { anchor } of found) {
    if (anchor === null) continue;
    const base = {
      city: anchor.city,
      day: anchor.day,
      cases: anchor.cases,
      digest: anchor.digest,
      keyId: anchor.keyId,
    };
    if (keys === undefined) {
      anchors.push({ ...base, signature: 'unchecked', matchesDatabase: null, problems: [] });
      continue;
    }
    const signatureProblem = anchorSignatureProblem(anchor, keys);
    if (signatureProblem !== undefined) {
      anchors.push({
        ...base,
        signature: signatureProblem === 'anchor_unknown_key' ? 'unknown_key' : 'invalid',
        matchesDatabase: null,
        problems: [],
      });
      continue;
    }
    const all = await checkAnchorAgainstDatabase(db, anchor, keys);
    const problems = districtCode === null ? all : await ofDistrict(db, all, districtCode);
    anchors.push({
      ...base,
      signature: 'valid',
      matchesDatabase: problems.length === 0,
      problems: problems.map(({ caseId, seq, kind, detail }) => ({ caseId, seq, kind, detail })),
    });
  }
  return { keyId: keys?.keyId ?? null, from, to, anchors };
}

/** The problems a district supervisor may see: those of their district's cases and the anchor's own. */
async function ofDistrict<P extends { caseId: string | null }>(
  db: Db,
  problems: readonly P[],
  districtCode: string,
): Promise<P[]> {
  const caseIds = problems.flatMap((problem) => (problem.caseId === null ? [] : [problem.caseId]));
  const inDistrict = await caseIdsInDistrict(db, caseIds, districtCode);
  return problems.filter((problem) => problem.caseId === null || inDistrict.has(problem.caseId));
}
