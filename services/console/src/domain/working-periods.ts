/**
 * A day's working periods (工作时段) as an admin types them — `08:30-12:00, 13:30-17:30` — and back.
 * The server checks order and overlap (one rule, packages/domain); here only the shape.
 */
export type Periods = Array<{ start: string; end: string }>;

const time = '([01]\\d|2[0-4]):([0-5]\\d)';
const period = new RegExp(`^${time}\\s*[-–~至]\\s*${time}$`);

/** The periods of a text (empty for none); null when a part is not `HH:mm-HH:mm`. */
export function parsePeriods(text: string): Periods | null {
  const parts = text
    .split(/[,，;；、]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const periods: Periods = [];
  for (const part of parts) {
    const match = period.exec(part);
    if (match === null) return null;
    periods.push({ start: `${match[1]}:${match[2]}`, end: `${match[3]}:${match[4]}` });
  }
  return periods;
}

/** The text of periods, as parsePeriods reads it. */
export function periodsText(periods: ReadonlyArray<{ start: string; end: string }>): string {
  return periods.map((p) => `${p.start}-${p.end}`).join(', ');
}
