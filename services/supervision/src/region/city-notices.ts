/**
 * What the region tells a city (returned reports, supervision orders 督办): a notice to the city's
 * supervision centre (its supervisors without a district) in the bell, written in the caller's
 * transaction; the id makes a repeat write nothing.
 */
import { cityLevelUsernames, type DbOrTx, storeNotice } from '@urbangrid/db';

export async function notifyCity(
  db: DbOrTx,
  notice: {
    id: string;
    city: string;
    event: 'region.reportReturned' | 'region.supervisionOrder';
    data: Record<string, unknown>;
    at: Date;
    caseId?: string | null;
    caseNo?: string | null;
  },
): Promise<number> {
  const recipients = await cityLevelUsernames(db, notice.city, 'supervisor');
  await storeNotice(db, {
    id: notice.id,
    city: notice.city,
    caseId: notice.caseId ?? null,
    caseNo: notice.caseNo ?? null,
    audience: 'supervisor',
    event: notice.event,
    departmentId: null,
    data: notice.data,
    at: notice.at,
    recipients,
  });
  return recipients.length;
}
