/**
 * What the live hub relays: one `case.changed` message per committed state change, published on
 * the Redis channel `${QUEUE_PREFIX}:live` by the engine after the command commits, and one
 * `notice` per notice delivered (and `reference.changed` for the processes themselves). A message carries the facts that decide who may see it (the case's
 * jurisdiction, the notice's recipients); clients receive only the public part.
 */
import { publish, type RedisClient } from '@urbangrid/redis';
import { referenceChangedMessageSchema } from '@urbangrid/reference';
import { z } from 'zod';

export const caseChangedMessageSchema = z.object({
  type: z.literal('case.changed'),
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  state: z.string().min(1),
  version: z.number().int().min(1),
  /** When the change committed (ISO 8601 with offset). */
  at: z.iso.datetime({ offset: true }),
  // Jurisdiction facts (packages/db CaseScopeFacts): for filtering, never sent to clients.
  city: z.string().min(1),
  gridCode: z.string().min(1),
  districtCode: z.string().min(1),
  departmentId: z.string().nullable(),
  assignee: z.string().nullable(),
});

export type CaseChangedMessage = z.infer<typeof caseChangedMessageSchema>;

/** A notice (通知) stored in its recipients' inboxes; the hubs pass it to their open consoles. */
export const noticeMessageSchema = z.object({
  type: z.literal('notice'),
  id: z.string().min(1),
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  audience: z.string().min(1),
  event: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  /** Usernames: for filtering, never sent to clients. */
  recipients: z.array(z.string()),
});

export type NoticeMessage = z.infer<typeof noticeMessageSchema>;

/**
 * Everything the live channel carries. `reference.changed` (an admin changed reference data) is for
 * the processes' reference followers (@urbangrid/reference), never for a console.
 */
export const liveMessageSchema = z.discriminatedUnion('type', [
  caseChangedMessageSchema,
  noticeMessageSchema,
  referenceChangedMessageSchema,
]);

/** What a WebSocket client receives of a notice addressed to them. */
export type LiveNotice = Omit<NoticeMessage, 'recipients'>;

export function toLiveNotice(message: NoticeMessage): LiveNotice {
  const { recipients: _recipients, ...notice } = message;
  return notice;
}

/** What a WebSocket client receives (api.md, Live). */
export type LiveEvent = Pick<CaseChangedMessage, 'type' | 'caseId' | 'caseNo' | 'state' | 'version' | 'at'>;

export const liveChannel = (prefix: string) => `${prefix}:live`;

export function toLiveEvent(message: CaseChangedMessage): LiveEvent {
  const { type, caseId, caseNo, state, version, at } = message;
  return { type, caseId, caseNo, state, version, at };
}

/**
 * Publishes a committed change for every process's live hub. Call it after the transaction commits
 * (a rolled-back change must never be announced); losing one is harmless, boards re-read on reconnect.
 */
export async function publishCaseChanged(
  redis: RedisClient,
  prefix: string,
  message: CaseChangedMessage,
): Promise<void> {
  const valid = caseChangedMessageSchema.parse(message);
  await publish(redis, liveChannel(prefix), JSON.stringify(valid));
}
