/** What kind of code failed to parse, so callers can name the field in their error. */
export type CodeKind = 'adminCode' | 'gridCode' | 'componentCode' | 'categoryCode';

/** A code that does not follow its standard; the message says what exactly is wrong. */
export class CodeError extends Error {
  override readonly name = 'CodeError';

  constructor(
    readonly kind: CodeKind,
    readonly input: string,
    problem: string,
  ) {
    super(`${describeKind(kind)} '${input}': ${problem}`);
  }
}

function describeKind(kind: CodeKind): string {
  switch (kind) {
    case 'adminCode':
      return 'administrative code';
    case 'gridCode':
      return 'grid code';
    case 'componentCode':
      return 'component code';
    case 'categoryCode':
      return 'category code';
  }
}

export const isDigits = (value: string): boolean => /^[0-9]+$/.test(value);

/** How a malformed code looks, for error messages. */
export function describeShape(code: string): string {
  return isDigits(code) || code === ''
    ? `${code.length} digits`
    : `${code.length} characters including non-digits`;
}
