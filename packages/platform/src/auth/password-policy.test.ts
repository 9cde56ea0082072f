import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('the password policy', () => {
  it('refuses short, common and personal passwords', () => {
    expect(passwordProblem('Ab1!xyz')).toMatch(/at least 10/);
    expect(passwordProblem('password123')).toMatch(/too easy/);
    expect(passwordProblem('1qaz2wsx3edc')).toMatch(/too easy/);
    expect(passwordProblem('urbangrid2026')).toMatch(/too easy/);
    expect(passwordProblem('wangxiaoming2026', ['wangxiaoming'])).toMatch(/too easy/);
  });

  it('accepts a long passphrase and a random password', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
    expect(passwordProblem('K7#vq9-Lm2pX')).toBeNull();
  });
});
