/**
 * County-level administrative division codes (行政区划代码, GB/T 2260): 2 digits province, 2 city,
 * 2 county. Only the province prefix is checked against the standard's list; the county list
 * changes yearly and belongs to reference data, not to the rules.
 */
import { CodeError, type CodeKind, isDigits } from './code-error.js';

/** Province-level prefixes of GB/T 2260 (mainland, Taiwan, Hong Kong, Macao). */
// biome-ignore format: grouped by region as in the standard
const provincePrefixes = new Set([
  '11', '12', '13', '14', '15', // 华北
  '21', '22', '23', // 东北
  '31', '32', '33', '34', '35', '36', '37', // 华东
  '41', '42', '43', '44', '45', '46', // 中南
  '50', '51', '52', '53', '54', // 西南
  '61', '62', '63', '64', '65', // 西北
  '71', '81', '82',
]);

/**
 * Checks a 6-digit county-level code. The city part may not be `00` (that is a province); a county
 * part of `00` is allowed because a few cities have no county level (e.g. Dongguan 441900).
 */
export function checkAdminCode(code: string, kind: CodeKind = 'adminCode', input: string = code): string {
  if (code.length !== 6 || !isDigits(code)) {
    throw new CodeError(kind, input, `administrative code '${code}' must be 6 digits`);
  }
  const province = code.slice(0, 2);
  if (!provincePrefixes.has(province)) {
    throw new CodeError(kind, input, `'${province}' is not a province code of GB/T 2260`);
  }
  if (code.slice(2, 4) === '00') {
    throw new CodeError(
      kind,
      input,
      `administrative code '${code}' names a province, not a county-level area`,
    );
  }
  return code;
}
