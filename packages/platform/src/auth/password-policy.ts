/**
 * The password policy for every password a person chooses or an admin sets (not the demo seed's):
 * at least `minLength` characters, and not guessable by zxcvbn-ts (its dictionary of common
 * passwords, keyboard walks, dates, repeats, l33t) with the account's own names and the product's
 * name counted as known words. Answered as 400 VALIDATION_FAILED naming the field.
 */
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { validationFailed } from '../errors.js';

export const passwordPolicy = {
  minLength: 10,
  maxLength: 256,
  /** zxcvbn's score (0–4): 3 is "safely unguessable" for an online attack, which login throttling slows further. */
  minScore: 3,
} as const;

let estimator: ZxcvbnFactory | undefined;
const zxcvbn = () => {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
};

const productWords = ['urbangrid', 'chengguan', 'shuzichengguan'];

/** Why `password` is refused, or null when it passes. */
export function passwordProblem(password: string, knownWords: readonly string[] = []): string | null {
  const length = [...password].length;
  if (length < passwordPolicy.minLength)
    return `a password needs at least ${passwordPolicy.minLength} characters`;
  if (length > passwordPolicy.maxLength)
    return `a password has at most ${passwordPolicy.maxLength} characters`;
  const words = [...knownWords, ...productWords].filter((w) => w.length > 0);
  const result = zxcvbn().check(password, words);
  if (result.score >= passwordPolicy.minScore) return null;
  const why = result.feedback.warning ? ` (${result.feedback.warning})` : '';
  return `this password is too easy to guess${why}: use a longer phrase of unrelated words, not a common password, a name or a keyboard pattern`;
}

/** Throws 400 VALIDATION_FAILED on `field` when the password breaks the policy. */
export function checkPassword(password: string, field: string, knownWords: readonly string[] = []): void {
  const problem = passwordProblem(password, knownWords);
  if (problem !== null) throw validationFailed(problem, [{ in: 'body', path: field, message: problem }]);
}
