import { describe, expect, it } from 'vitest';
import { coarseOverMetres, failureOf, fixWarning, isAtFix, staleAfterMs } from './position-fix';

describe('a report’s GPS fix', () => {
  const takenAt = Date.UTC(2026, 11, 3, 1, 0);
  const fix = { lat: 40.83, lng: 111.67, accuracy: 12, takenAt };

  it('is fine while fresh and precise, stale once older than the limit, coarse past the precision', () => {
    expect(fixWarning(null, takenAt)).toBeNull();
    expect(fixWarning(fix, takenAt + staleAfterMs)).toBeNull();
    expect(fixWarning(fix, takenAt + staleAfterMs + 60_001)).toEqual({ kind: 'stale', minutes: 6 });
    expect(fixWarning({ ...fix, accuracy: coarseOverMetres + 0.4 }, takenAt)).toEqual({
      kind: 'coarse',
      metres: 100,
    });
    // Old and coarse: taking it again comes first.
    expect(fixWarning({ ...fix, accuracy: 900 }, takenAt + 2 * staleAfterMs)?.kind).toBe('stale');
  });

  it('names why the device gave none from the browser’s error code', () => {
    expect([1, 2, 3, 99].map(failureOf)).toEqual(['denied', 'unavailable', 'timeout', 'unavailable']);
  });

  it('knows a place is the fix’s own point by value', () => {
    expect(isAtFix(fix, { lat: 40.83, lng: 111.67 })).toBe(true);
    expect(isAtFix(fix, { lat: 40.831, lng: 111.67 })).toBe(false);
    expect(isAtFix(null, { lat: 40.83, lng: 111.67 })).toBe(false);
  });
});
