/**
 * zod schemas for codes at the edge (routes, seeds, imports): each runs the parser, so the error a
 * user sees is the parser's message.
 */
import { z } from 'zod';
import { type CategoryCode, parseCategoryCode } from './category-code.js';
import { CodeError } from './code-error.js';
import { type ComponentCode, parseComponentCode } from './component-code.js';
import { type GridCode, parseGridCode } from './grid-code.js';

function parsedBy<T>(parse: (code: string) => T) {
  return z.string().transform((code, context): T => {
    try {
      return parse(code);
    } catch (error) {
      if (!(error instanceof CodeError)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
      return z.NEVER;
    }
  });
}

/** A string that must be a valid unit grid code; parses to its parts. */
export const gridCodeSchema: z.ZodType<GridCode, string> = parsedBy((code) => parseGridCode(code));

/** A string that must be a valid category code of either catalogue; parses to its parts. */
export const categoryCodeSchema: z.ZodType<CategoryCode, string> = parsedBy(parseCategoryCode);

/** A string that must be a valid component code of either catalogue; parses to its parts. */
export const componentCodeSchema: z.ZodType<ComponentCode, string> = parsedBy((code) =>
  parseComponentCode(code),
);

function validBy(parse: (code: string) => unknown) {
  return z.string().superRefine((code, context) => {
    try {
      parse(code);
    } catch (error) {
      if (!(error instanceof CodeError)) throw error;
      context.addIssue({ code: 'custom', message: error.message });
    }
  });
}

/** Same checks, keeping the string (for request bodies that store the code as is). */
export const gridCodeString = validBy((code) => parseGridCode(code));
export const categoryCodeString = validBy(parseCategoryCode);
export const componentCodeString = validBy((code) => parseComponentCode(code));
