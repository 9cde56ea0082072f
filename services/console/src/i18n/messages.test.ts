import { describe, expect, it } from 'vitest';
import en from './en';
import zhCN from './zh-CN';

/** Every message of a language by its dotted key (vue-i18n's path), lists by their index. */
function flatten(messages: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (messages !== null && typeof messages === 'object') {
    for (const [key, value] of Object.entries(messages)) {
      for (const [inner, leaf] of flatten(value, prefix ? `${prefix}.${key}` : key)) out.set(inner, leaf);
    }
  } else {
    out.set(prefix, messages);
  }
  return out;
}

/** The named arguments a message takes: `{n}`, `{caseNo}`… */
const argumentsOf = (message: unknown) =>
  [...new Set([...String(message).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('console messages', () => {
  const zh = flatten(zhCN);
  const english = flatten(en);

  it('have every key in both languages', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([]);
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect(zh.size).toBeGreaterThan(500);
  });

  it('are text, never empty, in both languages', () => {
    for (const messages of [zh, english]) {
      const bad = [...messages].filter(([, m]) => typeof m !== 'string' || m.trim() === '').map(([k]) => k);
      expect(bad).toEqual([]);
    }
  });

  it('take the same named arguments in both languages', () => {
    const differing = [...zh]
      .filter(([key, message]) => argumentsOf(message).join() !== argumentsOf(english.get(key)).join())
      .map(([key, message]) => `${key}: ${String(message)} / ${String(english.get(key))}`);
    expect(differing).toEqual([]);
  });
});
