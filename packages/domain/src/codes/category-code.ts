/**
 * Category codes (分类代码) as this system stores them: a letter that makes the kind unambiguous,
 * then the major and minor class digits.
 *
 * | version | kind      | shape           | example  |
 * |---------|-----------|-----------------|----------|
 * | 2013    | component | C + 2 + 2       | C0101 water manhole cover (上水井盖) |
 * | 2013    | event     | E + 2 + 2       | E0501 unlicensed vending (无照经营游商) |
 * | 2026    | component | C + 2 + 3       | C01001   |
 * | 2026    | matter    | M + 2 + 3       | M05001 (事项; kind `event`) |
 */
import {
  type CatalogueVersion,
  type CategoryKind,
  isLocalMajorClass,
  majorClassProblem,
} from './catalogue-classes.js';
import { CodeError, isDigits } from './code-error.js';

export interface CategoryCode {
  readonly code: string;
  readonly version: CatalogueVersion;
  readonly kind: CategoryKind;
  readonly major: string;
  readonly minor: string;
  /** A city's own extension (major class 9x). */
  readonly local: boolean;
}

const shapes: Readonly<
  Record<
    string,
    { readonly kind: CategoryKind; readonly versions: Readonly<Record<number, CatalogueVersion>> }
  >
> = {
  C: { kind: 'component', versions: { 4: '2013', 5: '2026' } },
  E: { kind: 'event', versions: { 4: '2013' } },
  M: { kind: 'event', versions: { 5: '2026' } },
};

export function parseCategoryCode(code: string): CategoryCode {
  const letter = code.charAt(0);
  const shape = shapes[letter];
  if (shape === undefined) {
    throw new CodeError(
      'categoryCode',
      code,
      'must start with C (component), E (event, catalogue 2013) or M (matter, catalogue 2026)',
    );
  }
  const digits = code.slice(1);
  const version = shape.versions[digits.length];
  if (!isDigits(digits) || version === undefined) {
    const expected =
      letter === 'C'
        ? '4 digits (catalogue 2013) or 5 digits (catalogue 2026)'
        : letter === 'E'
          ? '4 digits'
          : '5 digits';
    throw new CodeError('categoryCode', code, `${letter} must be followed by ${expected}`);
  }
  const major = digits.slice(0, 2);
  const minor = digits.slice(2);
  const problem = majorClassProblem(version, shape.kind, major);
  if (problem !== null) throw new CodeError('categoryCode', code, problem);
  if (/^0+$/.test(minor))
    throw new CodeError('categoryCode', code, `minor class ${minor} does not exist (numbering starts at 1)`);
  return { code, version, kind: shape.kind, major, minor, local: isLocalMajorClass(major) };
}

/** The category code of a component class in a given catalogue version. */
export function componentCategoryCode(major: string, minor: string): string {
  return `C${major}${minor}`;
}

/**
 * The code a catalogue 2013 category has in the 2026 revision's shape: the minor class widened to 3
 * digits, events becoming matters (C0101 → C01001, E0505 → M05005). A 2026 code has no wider shape.
 */
export function widenCategoryCode(code: string): string {
  const parsed = parseCategoryCode(code);
  if (parsed.version !== '2013')
    throw new CodeError('categoryCode', code, 'is a catalogue 2026 code already (no wider shape)');
  return `${parsed.kind === 'component' ? 'C' : 'M'}${parsed.major}0${parsed.minor}`;
}
