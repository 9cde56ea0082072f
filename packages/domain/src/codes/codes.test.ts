import { describe, expect, it } from 'vitest';
import { categoryDefinitionSchema, defaultStageLimits, stageLimitMinutes } from './catalogue.js';
import { parseCategoryCode, widenCategoryCode } from './category-code.js';
import { CodeError } from './code-error.js';
import { categoryCodeSchema, gridCodeSchema, gridCodeString } from './code-schemas.js';
import { parseComponentCode } from './component-code.js';
import { parseGridCode } from './grid-code.js';
import { isUrgency, urgencySchema } from './urgency.js';

function errorOf(parse: () => unknown): CodeError {
  try {
    parse();
  } catch (error) {
    if (error instanceof CodeError) return error;
    throw error;
  }
  throw new Error('expected a CodeError');
}

describe('unit grid codes (单元网格编码)', () => {
  it('splits a 15-digit code into district, street, community and sequence', () => {
    expect(parseGridCode('150102003004012')).toEqual({
      code: '150102003004012',
      districtCode: '150102',
      streetCode: '150102003',
      communityCode: '150102003004',
      sequence: '012',
    });
  });

  it('checks the district when one is given', () => {
    expect(parseGridCode('150102003004012', { districtCode: '150102' }).districtCode).toBe('150102');
    expect(errorOf(() => parseGridCode('150103003004012', { districtCode: '150102' })).message).toBe(
      "grid code '150103003004012': lies in district 150103, expected 150102",
    );
  });

  it.each([
    ['15010200300401', /must be 15 digits, got 14 digits/],
    ['15010200300401A', /must be 15 digits, got 15 characters including non-digits/],
    ['', /must be 15 digits, got 0 digits/],
    ['990102003004012', /'99' is not a province code/],
    ['150002003004012', /names a province/],
    ['150102000004012', /street number 000/],
    ['150102003000012', /community number 000/],
    ['150102003004000', /sequence number 000/],
  ])('rejects %s', (code, message) => {
    const error = errorOf(() => parseGridCode(code));
    expect(error.kind).toBe('gridCode');
    expect(error.input).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('accepts cities without a county level (Dongguan 441900)', () => {
    expect(parseGridCode('441900001001001').districtCode).toBe('441900');
  });
});

describe('component codes (部件编码)', () => {
  it('parses the 16-digit code of catalogue 2013 (domain.md example)', () => {
    expect(parseComponentCode('3205080101000001')).toEqual({
      code: '3205080101000001',
      version: '2013',
      adminCode: '320508',
      major: '01',
      minor: '01',
      serial: '000001',
      categoryCode: 'C0101',
    });
  });

  it('parses the 17-digit code of catalogue 2026 with a 3-digit minor class', () => {
    expect(parseComponentCode('15010201001000042')).toMatchObject({
      version: '2026',
      major: '01',
      minor: '001',
      serial: '000042',
      categoryCode: 'C01001',
    });
  });

  it('accepts local extension classes 9x', () => {
    expect(parseComponentCode('1501029101000001').major).toBe('91');
  });

  it.each([
    ['320508010100001', /16 digits \(catalogue 2013\) or 17 digits/],
    ['3205080701000001', /major class 07 is not a component class of catalogue 2013/],
    ['3205080100000001', /minor class 00 does not exist/],
    ['3205080101000000', /serial 000000/],
    ['0005080101000001', /'00' is not a province code/],
  ])('rejects %s', (code, message) => {
    expect(errorOf(() => parseComponentCode(code)).message).toMatch(message);
  });

  it('checks the district when one is given', () => {
    expect(() => parseComponentCode('3205080101000001', { districtCode: '150102' })).toThrow(
      /registered in 320508, expected 150102/,
    );
  });
});

describe('category codes (分类代码)', () => {
  it.each([
    ['C0101', { version: '2013', kind: 'component', major: '01', minor: '01', local: false }],
    ['C0118', { version: '2013', kind: 'component', major: '01', minor: '18', local: false }],
    ['E0501', { version: '2013', kind: 'event', major: '05', minor: '01', local: false }],
    ['E9101', { version: '2013', kind: 'event', major: '91', minor: '01', local: true }],
    ['C01001', { version: '2026', kind: 'component', major: '01', minor: '001', local: false }],
    ['M05001', { version: '2026', kind: 'event', major: '05', minor: '001', local: false }],
  ])('parses %s', (code, parts) => {
    expect(parseCategoryCode(code)).toEqual({ code, ...parts });
  });

  it.each([
    ['0101', /must start with C \(component\), E \(event, catalogue 2013\) or M/],
    ['c0101', /must start with C/],
    ['C010', /C must be followed by 4 digits \(catalogue 2013\) or 5 digits \(catalogue 2026\)/],
    ['E05001', /E must be followed by 4 digits/],
    ['M0501', /M must be followed by 5 digits/],
    ['C01A1', /C must be followed by/],
    ['E0701', /major class 07 is not an event class of catalogue 2013/],
    ['C0001', /major class 00 does not exist/],
    ['C0100', /minor class 00 does not exist/],
  ])('rejects %s', (code, message) => {
    expect(errorOf(() => parseCategoryCode(code)).message).toMatch(message);
  });

  it.each([
    ['C0101', 'C01001'],
    ['E0505', 'M05005'],
    ['E9101', 'M91001'],
  ])('widens %s to the 2026 shape %s', (code, wide) => {
    expect(widenCategoryCode(code)).toBe(wide);
    expect(parseCategoryCode(wide).version).toBe('2026');
  });

  it('has no wider shape for a 2026 code', () => {
    expect(errorOf(() => widenCategoryCode('C01001')).message).toMatch(/catalogue 2026 code already/);
  });

  it('keeps the kinds unambiguous: the same digits are a component with C and an event with E', () => {
    expect(parseCategoryCode('C0301').kind).toBe('component');
    expect(parseCategoryCode('E0301').kind).toBe('event');
  });
});

describe('zod schemas at the edge', () => {
  it('reports the parser message as the issue', () => {
    const result = gridCodeSchema.safeParse('123');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/must be 15 digits/);
    expect(categoryCodeSchema.parse('E0501').kind).toBe('event');
    expect(gridCodeString.parse('150102003004012')).toBe('150102003004012');
  });

  it('validates a category definition and picks the limit of each stage', () => {
    const category = categoryDefinitionSchema.parse({
      code: 'E0101',
      name: '暴露垃圾 exposed garbage',
      handlingLimitMinutes: { normal: 240, urgent: 120 },
    });
    expect(stageLimitMinutes('handle', category, 'urgent')).toBe(120);
    expect(stageLimitMinutes('verify', category, 'normal')).toBe(defaultStageLimits.verify);
    expect(
      categoryDefinitionSchema.safeParse({
        code: 'E0101',
        name: 'x',
        handlingLimitMinutes: { normal: 60, urgent: 90 },
      }).success,
    ).toBe(false);
  });
});

describe('urgency', () => {
  it('is normal or urgent', () => {
    expect(isUrgency('urgent')).toBe(true);
    expect(isUrgency('high')).toBe(false);
    expect(urgencySchema.safeParse('normal').success).toBe(true);
  });
});
