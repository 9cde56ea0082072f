/**
 * Unit grid codes (单元网格编码, GB/T 30428.1): 15 digits = 6-digit county-level administrative
 * code + 3-digit street/town (街道) + 3-digit community (社区) + 3-digit grid sequence, numbered
 * west to east, north to south from 001.
 */
import { checkAdminCode } from './admin-code.js';
import { CodeError, describeShape, isDigits } from './code-error.js';

export interface GridCode {
  readonly code: string;
  /** 6 digits, e.g. 150102 (Hohhot Xincheng district). */
  readonly districtCode: string;
  /** 9 digits: district + street. */
  readonly streetCode: string;
  /** 12 digits: district + street + community. */
  readonly communityCode: string;
  /** The last 3 digits. */
  readonly sequence: string;
}

export interface GridCodeOptions {
  /** When given, the code must lie in this district (its first 6 digits). */
  readonly districtCode?: string;
}

export function parseGridCode(code: string, options: GridCodeOptions = {}): GridCode {
  if (code.length !== 15 || !isDigits(code)) {
    throw new CodeError('gridCode', code, `must be 15 digits, got ${describeShape(code)}`);
  }
  const districtCode = checkAdminCode(code.slice(0, 6), 'gridCode', code);
  const parts = { street: code.slice(6, 9), community: code.slice(9, 12), sequence: code.slice(12, 15) };
  for (const [part, digits] of Object.entries(parts)) {
    if (digits === '000')
      throw new CodeError('gridCode', code, `${part} number 000 is not allowed (numbering starts at 001)`);
  }
  if (options.districtCode !== undefined && options.districtCode !== districtCode) {
    throw new CodeError(
      'gridCode',
      code,
      `lies in district ${districtCode}, expected ${options.districtCode}`,
    );
  }
  return {
    code,
    districtCode,
    streetCode: code.slice(0, 9),
    communityCode: code.slice(0, 12),
    sequence: parts.sequence,
  };
}
