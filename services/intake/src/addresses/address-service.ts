/**
 * Address search (地址查询) for hotline operators: the caller says "by No. 15 Hailar East Road" and
 * the operator needs a point on a grid. The seeded gazetteer is searched with pg_trgm, so a
 * misspelt or partial name still finds the place.
 */
import { findGazetteerEntry, nearestGazetteerPlace, searchGazetteer } from '@urbangrid/db';
import { distanceMetres } from '@urbangrid/geo';
import type { IntakeContext } from '../intake-context.js';

export interface AddressHit {
  id: string;
  label: string;
  labelEn: string;
  kind: string;
  context: string;
  lat: number;
  lng: number;
  gridCode: string;
  districtCode: string;
  /** 0–1, best first. */
  score: number;
}

async function districtOf(ctx: IntakeContext, gridCode: string): Promise<string> {
  const grid = (await ctx.reference.grids()).gridOf(gridCode);
  // A gazetteer point on a grid that was re-cut still names its district by the code's prefix.
  return grid?.districtCode ?? gridCode.slice(0, 6);
}

export async function searchAddresses(
  ctx: IntakeContext,
  query: { city: string; q: string; limit: number },
): Promise<AddressHit[]> {
  const matches = await searchGazetteer(ctx.db, {
    city: query.city,
    query: query.q.trim(),
    limit: query.limit,
  });
  return Promise.all(
    matches.map(async (m) => ({
      id: m.id,
      label: m.label,
      labelEn: m.labelEn,
      kind: m.kind,
      context: m.context,
      lat: m.lat,
      lng: m.lng,
      gridCode: m.gridCode,
      districtCode: await districtOf(ctx, m.gridCode),
      score: Math.round(m.score * 1000) / 1000,
    })),
  );
}

/** The best place for a free-text address, if the match is good enough to report at. */
export async function placeAddress(
  ctx: IntakeContext,
  city: string,
  text: string,
  minScore = 0.6,
): Promise<{ lat: number; lng: number; label: string } | null> {
  const [best] = await searchGazetteer(ctx.db, { city, query: text.trim(), limit: 1 });
  return best && best.score >= minScore ? { lat: best.lat, lng: best.lng, label: best.label } : null;
}

/** A gazetteer entry by id (Open311 `address_id`). */
export async function addressById(
  ctx: IntakeContext,
  city: string,
  id: string,
): Promise<{ lat: number; lng: number; label: string } | null> {
  const entry = await findGazetteerEntry(ctx.db, city, id);
  return entry ? { lat: entry.lat, lng: entry.lng, label: entry.label } : null;
}

/** How far from a picked point its address may lie: about a city block. */
export const nearestAddressMetres = 200;

/**
 * 逆地址: the building number or landmark nearest a point picked on the map (within
 * `nearestAddressMetres`), as a hit with its distance; null when nothing of the gazetteer is near.
 */
export async function nearestAddress(
  ctx: IntakeContext,
  query: { city: string; lat: number; lng: number },
): Promise<(Omit<AddressHit, 'score'> & { distanceMeters: number }) | null> {
  const place = await nearestGazetteerPlace(ctx.db, {
    ...query,
    radiusDegrees: nearestAddressMetres / 111_000,
  });
  if (place === null) return null;
  const distanceMeters = Math.round(distanceMetres(query.lat, query.lng, place.lat, place.lng));
  if (distanceMeters > nearestAddressMetres) return null;
  return { ...place, districtCode: await districtOf(ctx, place.gridCode), distanceMeters };
}
