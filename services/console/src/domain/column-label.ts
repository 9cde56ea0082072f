/**
 * A report's label (a column's, a section's) in the console's language. Reports name their columns
 * and sections with labels in both languages (the server owns them: the screen and the export show
 * the same columns), so the console keeps no copy of them.
 */
export interface BilingualLabel {
  'zh-CN': string;
  en: string;
}

export const columnLabel = (label: BilingualLabel, locale: string): string =>
  locale === 'en' ? label.en : label['zh-CN'];
