import type { BureauCode } from './departments.js';

/** One minor class of the catalogue as the demo writes it down; catalogue.ts turns it into a row. */
export interface CategorySpec {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  readonly department: BureauCode;
  /** Handling limit in working minutes: [normal, urgent]. */
  readonly handle: readonly [number, number];
  readonly filing: string;
  readonly closing: string;
  /** Set for a local extension (9x class), which belongs to one city. */
  readonly city?: string;
}

/** One working day on the office calendar (08:00–12:00, 14:00–18:00). */
export const DAY = 480;

export const manhole = (filingWhat: string) => ({
  handle: [240, 120] as const,
  filing: `${filingWhat}井盖缺失、破损、移位或明显高于/低于路面，影响通行安全`,
  closing: '井盖已补齐或更换，安装平稳牢固，与路面基本齐平',
});
