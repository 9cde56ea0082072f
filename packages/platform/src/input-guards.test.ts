import { describe, expect, test } from 'vitest';
import { findUnacceptableText, isAcceptableText } from './input-guards.js';

describe('the text rule', () => {
  test('ordinary text of every script passes, with tabs and line breaks (LF and CRLF)', () => {
    for (const text of [
      '',
      '新华大街101号 井盖缺失',
      'Müll an der Haltestelle',
      'emoji 😀 and 𠀀 (a pair of surrogates each)',
      'first line\nsecond\r\nthird\tcolumn',
      '\u00a0non-breaking, \u200bzero-width, \u2028line separator',
    ]) {
      expect(isAcceptableText(text), JSON.stringify(text)).toBe(true);
    }
  });

  test('controls (C0 but tab and line breaks, DEL, C1) and unpaired surrogates are refused', () => {
    for (const text of [
      '\u0000',
      'a\u0001b',
      '\u0008',
      '\u000b',
      '\u000c',
      '\u001b[31mred',
      '\u007f',
      '\u0085',
      '\u009f',
      '\ud800',
      'x\udfff',
      '\udc00\ud800',
      '😀'.charAt(0),
    ]) {
      expect(isAcceptableText(text), JSON.stringify(text)).toBe(false);
    }
  });

  test('a finding names the field, at any depth, in arrays and in keys', () => {
    expect(findUnacceptableText({ reporter: { name: 'Wang\ud800' } }, 'body')).toEqual({
      in: 'body',
      path: 'reporter.name',
      message: expect.stringMatching(/control character .* unpaired UTF-16 surrogate/),
    });
    expect(findUnacceptableText({ mediaIds: ['ok', 'b\u0001'] }, 'body')?.path).toBe('mediaIds.1');
    expect(findUnacceptableText({ 'bad\u0007key': 1 }, 'querystring')).toMatchObject({
      in: 'querystring',
      path: '',
      message: expect.stringMatching(/^a field name/),
    });
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 500; i++) deep = { next: deep };
    expect(findUnacceptableText(deep, 'body')?.path.split('.')).toHaveLength(500);
    expect(findUnacceptableText({ a: [1, null, true, { b: 'fine' }] }, 'body')).toBeNull();
    expect(findUnacceptableText('\u0001', 'params')).toEqual(expect.objectContaining({ path: '' }));
  });
});
