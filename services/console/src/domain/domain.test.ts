import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../api/contract';
import { aCase } from '../test-support/fake-api';
import { casePhotos, timelineAssignee, timelineNote } from './case-photos';
import { homeZone, instantOfLocal, localTimeIn } from './city-zones';
import { formatCountdown } from './countdown';
import { newIdempotencyKey } from './idempotency';
import { maskedName } from './masked-name';
import { noticeAge } from './notice-time';
import { monthToDate, onTimeClosingRate } from './period';
import { effectiveLight, sortQueue } from './queue-order';
import { canUse, homeScreenOf } from './roles';

const now = Date.parse('2026-07-01T02:00:00Z');

describe('countdown', () => {
  it('says how long is left or how long it is overdue, in Chinese and English', () => {
    expect(formatCountdown('2026-07-01T03:05:00Z', now, 'zh-CN')).toBe('剩 1小时05分');
    expect(formatCountdown('2026-06-28T23:00:00Z', now, 'zh-CN')).toBe('超时 2天3小时');
    expect(formatCountdown('2026-07-01T02:10:00Z', now, 'en')).toBe('10 min left');
  });
});

describe('queue order', () => {
  it('puts red before yellow before green, then the earliest due; a passed due moment is red', () => {
    const green = aCase({
      deadline: { stage: 'handle', due: '2026-07-01T05:00:00Z', light: 'green', beyondCalendar: false },
    });
    const passed = aCase({
      deadline: { stage: 'handle', due: '2026-07-01T01:00:00Z', light: 'green', beyondCalendar: false },
    });
    const yellow = aCase({
      deadline: { stage: 'handle', due: '2026-07-01T06:00:00Z', light: 'yellow', beyondCalendar: false },
    });
    const none = aCase({ deadline: { stage: null, due: null, light: 'green', beyondCalendar: false } });
    expect(effectiveLight(passed, now)).toBe('red');
    expect(sortQueue([none, green, yellow, passed], now).map((c) => c.id)).toEqual([
      passed.id,
      yellow.id,
      green.id,
      none.id,
    ]);
  });
});

describe('case photos', () => {
  const entry = (seq: number, command: string, data: Record<string, unknown>): TimelineEntry => ({
    seq,
    command,
    fromState: null,
    toState: 'reported',
    actor: 'x',
    at: '',
    data,
  });

  it('splits photos into before (report, verify) and after (complete, check)', () => {
    const timeline = [
      entry(1, 'report', { mediaIds: ['a'] }),
      entry(2, 'verify', { mediaIds: ['b'], note: '属实' }),
      entry(3, 'complete', { mediaIds: ['c'], note: '已修复' }),
      entry(4, 'check', { mediaIds: ['d', 7] }),
    ];
    expect(casePhotos(timeline)).toEqual({ before: ['a', 'b'], after: ['c', 'd'] });
    expect(timelineNote(timeline[2] as TimelineEntry)).toBe('已修复');
  });

  it('names the officer a step handed the task to', () => {
    expect(timelineAssignee(entry(5, 'reassign', { assignee: 'officer2', note: '病假' }))).toBe('officer2');
    expect(timelineAssignee(entry(6, 'check', { fixed: true }))).toBeNull();
  });
});

describe('roles', () => {
  it('lands each role on its own screen and keeps others out', () => {
    expect(homeScreenOf(['dispatcher'])).toBe('dispatch');
    expect(homeScreenOf(['grid_officer'])).toBe('officer');
    expect(canUse(['grid_officer'], 'dispatch')).toBe(false);
    expect(homeScreenOf(['admin'])).toBe('admin');
    expect(canUse(['admin'], 'intake')).toBe(false);
    expect(canUse(['dispatcher'], 'admin')).toBe(false);
    expect(homeScreenOf([])).toBeNull();
  });
});

describe('reports', () => {
  const shanghai = { city: '1501', timeZones: { '1501': 'Asia/Shanghai' } };
  const urumqi = { city: '6501', timeZones: { '6501': 'Asia/Urumqi' } };
  it("defaults to this month so far in the city's own zone", () => {
    const at = Date.parse('2026-06-30T17:00:00Z');
    expect(monthToDate(shanghai, at)).toEqual({ from: '2026-07-01', to: '2026-07-01' });
    // 23:00 of 30 June in Urumqi: still June there.
    expect(monthToDate(urumqi, at)).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(monthToDate({ city: '6501', timeZones: {} }, at)).toEqual({ from: '', to: '' });
  });
  it("takes a region's today from the city that reached it first, its home zone only when shared", () => {
    const region = { city: null, timeZones: { '1501': 'Asia/Shanghai', '6501': 'Asia/Urumqi' } };
    expect(monthToDate(region, Date.parse('2026-06-30T17:00:00Z')).to).toBe('2026-07-01');
    expect(homeZone(region)).toBeUndefined();
    expect(homeZone({ city: null, timeZones: { '1501': 'Asia/Shanghai', '1502': 'Asia/Shanghai' } })).toBe(
      'Asia/Shanghai',
    );
    expect(homeZone(urumqi)).toBe('Asia/Urumqi');
  });
  it("reads and writes a wall-clock time in the city's zone, whatever the browser's", () => {
    expect(instantOfLocal('2026-03-06T17:00', 'Asia/Shanghai')).toBe('2026-03-06T09:00:00.000Z');
    expect(localTimeIn(Date.parse('2026-03-06T09:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-06 17:00');
    // Across a DST change: 10:00 in New York is 14:00 UTC in summer, 15:00 in winter.
    expect(instantOfLocal('2026-07-01T10:00', 'America/New_York')).toBe('2026-07-01T14:00:00.000Z');
    expect(instantOfLocal('2026-01-05T10:00', 'America/New_York')).toBe('2026-01-05T15:00:00.000Z');
    expect(instantOfLocal('5 March', 'Asia/Shanghai')).toBeUndefined();
  });
  it('has no on-time rate when nothing closed', () => {
    expect(onTimeClosingRate({ closed: 0, closedOnTime: 0 })).toBeNull();
    expect(onTimeClosingRate({ closed: 3, closedOnTime: 2 })).toBe(66.7);
  });
});

describe('idempotency keys', () => {
  it('are version-4 UUIDs without a secure origin', () => {
    expect(newIdempotencyKey()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
  });
});

describe('notice age', () => {
  const ago = (ms: number) => new Date(now - ms).toISOString();
  it('says how long ago within a day, and leaves older ones to a date', () => {
    expect(noticeAge(ago(20_000), now, 'zh-CN')).toBe('刚刚');
    expect(noticeAge(ago(-90_000), now, 'zh-CN')).toBe('刚刚');
    expect(noticeAge(ago(59 * 60_000), now, 'zh-CN')).toBe('59 分钟前');
    expect(noticeAge(ago(23 * 3_600_000 + 59 * 60_000), now, 'zh-CN')).toBe('23 小时前');
    expect(noticeAge(ago(24 * 3_600_000), now, 'zh-CN')).toBeNull();
    expect(noticeAge(ago(20_000), now, 'en')).toBe('just now');
    expect(noticeAge(ago(5 * 60_000), now, 'en')).toBe('5 min ago');
    expect(noticeAge(ago(2 * 3_600_000), now, 'en')).toBe('2 h ago');
    expect(noticeAge('not a time', now, 'en')).toBeNull();
  });
});

describe('maskedName', () => {
  it("keeps the first character of a reporter's name and hides the rest", () => {
    expect(maskedName('张三丰')).toBe('张**');
    expect(maskedName('李')).toBe('李*');
    expect(maskedName('  ')).toBe('');
  });
});
