/**
 * vue-i18n set-up: zh-CN by default, English as the switch, the choice kept in localStorage.
 */
import { createI18n } from 'vue-i18n';
import type { ConsoleLocale } from '../domain/countdown';
import en from './en';
import zhCN, { type ConsoleMessages } from './zh-CN';

export const locales: readonly ConsoleLocale[] = ['zh-CN', 'en'];
const storageKey = 'urbangrid.locale';

export function savedLocale(): ConsoleLocale {
  const saved = globalThis.localStorage?.getItem(storageKey);
  return saved === 'en' ? 'en' : 'zh-CN';
}

export function saveLocale(locale: ConsoleLocale): void {
  globalThis.localStorage?.setItem(storageKey, locale);
  if (globalThis.document) document.documentElement.lang = locale;
}

/** Times are shown in the cities' own zone (composables/local-time.ts), whatever the browser's. */
const long = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
} as const;

let active: { global: { locale: { value: ConsoleLocale } } } | null = null;

/**
 * The language the console shows now, for what is read outside a component (the reference store's
 * names): reactive, so a name shown through it follows the language switch.
 */
export function activeLocale(): ConsoleLocale {
  return active?.global.locale.value ?? savedLocale();
}

export function createConsoleI18n(locale: ConsoleLocale = savedLocale()) {
  const i18n = createI18n<[ConsoleMessages], ConsoleLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': zhCN, en },
    datetimeFormats: { 'zh-CN': { long }, en: { long } },
    missingWarn: false,
    fallbackWarn: false,
  });
  active = i18n;
  return i18n;
}

export type ConsoleI18n = ReturnType<typeof createConsoleI18n>;
