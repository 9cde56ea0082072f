import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicLocation, redactPublicText } from './public-view.js';

describe('the public text rule', () => {
  it.each([
    ['青山区钢铁大街12号3单元', '青山区钢铁大街*号*单元'],
    ['新城区新华大街101号2号楼3-501室门口有垃圾', '新城区新华大街*号*号楼*室门口有垃圾'],
    ['海拉尔东路十二号院二栋一单元', '海拉尔东路*号院*栋*单元'],
    ['回民区3-2-501楼道堆物', '回民区*楼道堆物'],
    ['Unit 4, No. 12 Xinhua Street', 'Unit 4, No. * Xinhua Street'],
    ['井盖丢失，请联系13912345678', '井盖丢失，请联系***'],
    ['电话：139 1234 5678 或 +86 139-1234-5678', '电话：*** 或 ***'],
    ['座机0472-1234567，也可拨(0471)6612345', '座机***，也可拨***'],
    ['找物业6612345或400-123-4567', '找物业***或***'],
    ['举报人身份证150102199001011234', '举报人身份证***'],
  ])('%s → %s', (text, expected) => {
    expect(redactPublicText(text)).toBe(expected);
  });

  it('keeps what is no phone or door: streets, metro lines, dates, counts', () => {
    for (const text of [
      '地铁1号线新华广场站出口',
      '2026-11-25 路灯不亮',
      '三棵树倒了，约20米长',
      '中山西路与锡林南路交叉口',
    ])
      expect(redactPublicText(text)).toBe(text);
  });

  it('leaves no mobile number readable wherever it stands in a text', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/);
    const around = fc.string({ unit: fc.constantFrom(...'路口东西南北的了 ,。ab') });
    fc.assert(
      fc.property(around, mobile, around, (before, phone, after) => {
        expect(redactPublicText(`${before}${phone}${after}`)).not.toContain(phone);
      }),
    );
  });

  it('is null for null', () => {
    expect(redactPublicText(null)).toBeNull();
  });
});

describe('the public place rule', () => {
  const door = { lat: 40.818_734, lng: 111.665_212 };

  it('keeps the point of a report a citizen posted in public', () => {
    expect(publicLocation('app', door)).toEqual(door);
    expect(publicLocation('public', door)).toEqual(door);
  });

  it('rounds the point of hotline, officer and camera reports to about 100 m', () => {
    for (const source of ['hotline', 'officer', 'video'] as const) {
      const shown = publicLocation(source, door);
      expect(shown).toEqual({ lat: 40.819, lng: 111.665 });
      // Within a cell of ≈111 m × 85 m around the true point, never on it.
      expect(Math.abs(shown.lat - door.lat) * 111_195).toBeLessThan(60);
      expect(Math.abs(shown.lng - door.lng) * 111_195 * Math.cos((door.lat * Math.PI) / 180)).toBeLessThan(
        45,
      );
    }
  });
});
