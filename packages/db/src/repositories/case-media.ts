import { caseMedia } from '../schema/cases.js';
import type { WriteQuery } from './case-write.js';
import { jsonRowsInsert } from './json-rows.js';

export interface CaseMediaLink {
  caseId: string;
  mediaId: string;
  stage: string;
  eventSeq: number;
}

/** The insert of photo links with their case write, built but not run; null for none. */
export function caseMediaLinkQuery(rows: readonly CaseMediaLink[]): WriteQuery | null {
  if (rows.length === 0) return null;
  return (caseWrite) =>
    jsonRowsInsert(caseMedia, rows, { where: caseWrite.written, suffix: ' on conflict do nothing' });
}
