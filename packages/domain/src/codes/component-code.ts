/**
 * Component codes (部件编码, GB/T 30428.2): administrative code 6 + major class 2 + minor class +
 * serial 6. Catalogue 2013 has a 2-digit minor class (16 digits, e.g. 3205080101000001 = admin
 * 320508, class 01 public facilities, 01 water manhole cover, serial 1); catalogue 2026 widens the
 * minor class to 3 digits (17 digits).
 */
import { checkAdminCode } from './admin-code.js';
import { type CatalogueVersion, majorClassProblem, minorDigits } from './catalogue-classes.js';
import { componentCategoryCode } from './category-code.js';
import { CodeError, describeShape, isDigits } from './code-error.js';

export interface ComponentCode {
  readonly code: string;
  readonly version: CatalogueVersion;
  readonly adminCode: string;
  readonly major: string;
  readonly minor: string;
  readonly serial: string;
  /** The category code of this component's class, e.g. C0101. */
  readonly categoryCode: string;
}

export interface ComponentCodeOptions {
  /** When given, the component must be registered in this district. */
  readonly districtCode?: string;
}

export function parseComponentCode(code: string, options: ComponentCodeOptions = {}): ComponentCode {
  const version: CatalogueVersion | undefined =
    code.length === 16 ? '2013' : code.length === 17 ? '2026' : undefined;
  if (!isDigits(code) || version === undefined) {
    throw new CodeError(
      'componentCode',
      code,
      `must be 16 digits (catalogue 2013) or 17 digits (catalogue 2026), got ${describeShape(code)}`,
    );
  }
  const adminCode = checkAdminCode(code.slice(0, 6), 'componentCode', code);
  const major = code.slice(6, 8);
  const minorEnd = 8 + minorDigits[version];
  const minor = code.slice(8, minorEnd);
  const serial = code.slice(minorEnd);
  const problem = majorClassProblem(version, 'component', major);
  if (problem !== null) throw new CodeError('componentCode', code, problem);
  if (/^0+$/.test(minor)) throw new CodeError('componentCode', code, `minor class ${minor} does not exist`);
  if (serial === '000000')
    throw new CodeError('componentCode', code, 'serial 000000 is not allowed (numbering starts at 1)');
  if (options.districtCode !== undefined && options.districtCode !== adminCode) {
    throw new CodeError(
      'componentCode',
      code,
      `is registered in ${adminCode}, expected ${options.districtCode}`,
    );
  }
  return {
    code,
    version,
    adminCode,
    major,
    minor,
    serial,
    categoryCode: componentCategoryCode(major, minor),
  };
}
