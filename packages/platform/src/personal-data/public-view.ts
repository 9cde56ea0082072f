/**
 * What a case shows to everyone (the Open311 feed): the one rule for text, and the one for places.
 *
 * - Text (description, address): phone numbers and house numbers are redacted, so neither a
 *   reporter who wrote their own number nor the door of the person complained about is published.
 *   Streets, districts and landmarks stay, so the report still says where the problem is.
 * - Places: a report that a citizen posted in public themselves (an app, Open311) keeps its point;
 *   one taken by the hotline, an officer on patrol or a camera is often a caller's or a resident's
 *   own door, and is shown only to about 100 m (three decimals of a degree).
 * - Photos: what staff photographed of the site for the case (an officer's report, verification
 *   and check, the department's after-photo) and a citizen's own report photo are public; a
 *   camera's frames are not (they catch passers-by), and no photo leaves with its EXIF (time,
 *   GPS, camera).
 */
import type { ReportSource } from '@urbangrid/domain';

/** Sources whose reporter posted the report, place and all, for the public: their point stays exact. */
export const citizenPostedSources: readonly ReportSource[] = ['app', 'public'];

/** The steps (the command a photo came with) whose photos staff took of the site for everyone. */
export const publicPhotoSteps: readonly string[] = ['verify', 'complete', 'check'];
/** Sources whose report photos are public: a citizen's own, and an officer's on patrol. */
const publicReportPhotoSources: readonly ReportSource[] = [...citizenPostedSources, 'officer'];

/** Whether a photo added at `step` of a case from `source` may be shown to everyone. */
export function isPublicPhoto(source: ReportSource, step: string): boolean {
  if (step === 'report') return publicReportPhotoSources.includes(source);
  return publicPhotoSteps.includes(step);
}

/** What a redacted phone number reads as. */
export const redactedPhone = '***';
/** What a redacted house, building, unit or room number reads as. */
export const redactedNumber = '*';

const digit = '[0-9０-９]';
/**
 * Mainland phone numbers as people write them: mobiles (13912345678, 139 1234 5678, +86 139…),
 * landlines with their area code (0472-1234567, (0472)1234567, 0472 1234567), service numbers
 * (400-123-4567), local numbers alone (6612345), and any longer run of digits (an ID number).
 */
const phonePatterns: readonly RegExp[] = [
  new RegExp(`(?<!${digit})(?:\\+?86[\\s-]?)?1[3-9]${digit}(?:[\\s-]?${digit}{4}){2}(?!${digit})`, 'g'),
  new RegExp(`(?<!${digit})(?:[(（]0${digit}{2,3}[)）]|0${digit}{2,3})[\\s-]?${digit}{7,8}(?!${digit})`, 'g'),
  new RegExp(`(?<!${digit})[48]00[\\s-]?${digit}{3}[\\s-]?${digit}{4}(?!${digit})`, 'g'),
  new RegExp(`(?<!${digit})[2-9]${digit}{6,7}(?!${digit})`, 'g'),
  new RegExp(`(?<!${digit})${digit}{9,}[Xx]?(?!${digit})`, 'g'),
];

const chineseNumeral = '[零〇一二两三四五六七八九十百千]+';
/** The words after a number that make it a door: 号 (not 号线, a metro line), 栋, 单元, 室, 楼, 层… */
const doorWord = '(?:号(?!线)|號|栋|棟|幢|座|单元|單元|室|楼|樓|层|層|户|戶|弄|巷)';
const doorPatterns: readonly RegExp[] = [
  // 12号, 3单元, 501室, 3-501室, 二号楼, 十二栋
  new RegExp(`(?:${digit}+(?:[-－—]${digit}+)*|${chineseNumeral})(?=\\s*${doorWord})`, 'g'),
  // 3-2-501 written alone (building-unit-room)
  new RegExp(`(?<!${digit})${digit}{1,3}-${digit}{1,3}-${digit}{1,4}(?!${digit})`, 'g'),
  // No. 12, #12
  new RegExp(`(?<=\\b(?:No\\.?|no\\.?|NO\\.?)\\s*|#\\s*)${digit}+`, 'g'),
];

/** The text with its phone numbers (and longer runs of digits, such as ID numbers) redacted. */
export function redactPhoneNumbers(text: string): string {
  return phonePatterns.reduce((out, pattern) => out.replace(pattern, redactedPhone), text);
}

/** The text with phone numbers and house numbers redacted; null stays null. */
export function redactPublicText(text: string): string;
export function redactPublicText(text: string | null): string | null;
export function redactPublicText(text: string | null): string | null {
  if (text === null) return null;
  return doorPatterns.reduce(
    (out, pattern) => out.replace(pattern, redactedNumber),
    redactPhoneNumbers(text),
  );
}

/** ≈100 m: a thousandth of a degree (111 m of latitude; 85 m of longitude at 40° N). */
const roundedDecimals = 3;
const rounded = (degrees: number) => Number(degrees.toFixed(roundedDecimals));

/** The point of a case as the public sees it: exact for citizen-posted sources, ≈100 m otherwise. */
export function publicLocation(
  source: ReportSource,
  point: { lat: number; lng: number },
): { lat: number; lng: number } {
  if (citizenPostedSources.includes(source)) return { lat: point.lat, lng: point.lng };
  return { lat: rounded(point.lat), lng: rounded(point.lng) };
}
