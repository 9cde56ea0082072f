/**
 * The live channel's contract (api.md, Live), one definition for everyone on it: the engine
 * publishes on the Redis channel `liveChannel(QUEUE_PREFIX)`, each process's live hub relays to its
 * WebSocket clients, and the console reads what arrives on `/api/live`.
 *
 * Two layers: a *message* on the Redis channel carries the facts that decide who may receive it
 * (the case's jurisdiction, the notice's recipients); the *event* a client receives is the message
 * without them. Nothing beyond zod is imported, so the browser bundle can take this file as it is.
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/** The Redis channel of a deployment (or a test file): `${prefix}:live`. */
export const liveChannel = (prefix: string): string => `${prefix}:live`;

/** A committed state change, as a console receives it (`{type: "case.changed", ...}` of api.md). */
export const caseChangedEventSchema = z.object({
  type: z.literal('case.changed'),
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  /** One of the lifecycle's states (packages/domain); kept a string so this package needs no domain. */
  state: z.string().min(1),
  version: z.number().int().min(1),
  /** When the change committed. */
  at: isoTime,
});

/** A notice (通知) just stored in the receiving person's inbox, so not read yet. */
export const noticeEventSchema = z.object({
  type: z.literal('notice'),
  id: z.string().min(1),
  caseId: z.string().min(1),
  caseNo: z.string().min(1),
  /** The group it was sent to (department, dispatcher, assignee, ...). */
  audience: z.string().min(1),
  /** What happened: `case.dispatched`, `task.verification`, `deadline.overdue`, ... */
  event: z.string().min(1),
  /** One that must not be missed (a red case, a supervision order): acknowledged on its own. */
  urgent: z.boolean(),
  at: isoTime,
});

/** Everything a WebSocket client of `/api/live` receives. */
export const liveEventSchema = z.discriminatedUnion('type', [caseChangedEventSchema, noticeEventSchema]);

export type CaseChangedEvent = z.infer<typeof caseChangedEventSchema>;
export type NoticeEvent = z.infer<typeof noticeEventSchema>;
export type LiveEvent = z.infer<typeof liveEventSchema>;

/** On the Redis channel: the change plus the case's jurisdiction (packages/db CaseScopeFacts). */
export const caseChangedMessageSchema = caseChangedEventSchema.extend({
  city: z.string().min(1),
  gridCode: z.string().min(1),
  districtCode: z.string().min(1),
  departmentId: z.string().nullable(),
  assignee: z.string().nullable(),
  reporterUsername: z.string().nullable().optional(),
});

/** On the Redis channel: the notice plus the usernames it is addressed to. */
export const noticeMessageSchema = noticeEventSchema.extend({ recipients: z.array(z.string()) });

/** Everything the Redis channel carries. */
export const liveMessageSchema = z.discriminatedUnion('type', [
  caseChangedMessageSchema,
  noticeMessageSchema,
]);

export type CaseChangedMessage = z.infer<typeof caseChangedMessageSchema>;
export type NoticeMessage = z.infer<typeof noticeMessageSchema>;
export type LiveMessage = z.infer<typeof liveMessageSchema>;

function parsedJson(raw: unknown): unknown {
  if (typeof raw !== 'string') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/** A message read off the Redis channel, or null when it is not one (never throws). */
export function parseLiveMessage(raw: unknown): LiveMessage | null {
  const parsed = liveMessageSchema.safeParse(parsedJson(raw));
  return parsed.success ? parsed.data : null;
}

/**
 * An event read off the WebSocket, or null when it is not one (never throws). Fields beyond the
 * event's are dropped, so a client never holds what it was not meant to.
 */
export function parseLiveEvent(raw: unknown): LiveEvent | null {
  const parsed = liveEventSchema.safeParse(parsedJson(raw));
  return parsed.success ? parsed.data : null;
}

/** What a client of the message may receive: the message without its addressing facts. */
export function toLiveEvent(message: LiveMessage): LiveEvent {
  if (message.type === 'notice') {
    const { id, caseId, caseNo, audience, event, urgent, at } = message;
    return { type: 'notice', id, caseId, caseNo, audience, event, urgent, at };
  }
  const { caseId, caseNo, state, version, at } = message;
  return { type: 'case.changed', caseId, caseNo, state, version, at };
}

/** The text to PUBLISH for a message; an invalid message throws here, not in every hub. */
export function encodeLiveMessage(message: LiveMessage): string {
  return JSON.stringify(liveMessageSchema.parse(message));
}

/**
 * On the Redis channel, for the processes only (never relayed to a console): sessions were
 * revoked — one (`sessionId`, a logout or a replayed refresh token) or all of a user's (a password,
 * role or activity change). Every process forgets what it cached of them and closes their
 * `/api/live` sockets.
 */
export const sessionsRevokedMessageSchema = z.object({
  type: z.literal('sessions.revoked'),
  userId: z.string().min(1),
  sessionId: z.string().min(1).optional(),
});

export type SessionsRevokedMessage = z.infer<typeof sessionsRevokedMessageSchema>;

/** A sessions.revoked message read off the channel, or null when the text is something else. */
export function parseSessionsRevoked(raw: unknown): SessionsRevokedMessage | null {
  const parsed = sessionsRevokedMessageSchema.safeParse(parsedJson(raw));
  return parsed.success ? parsed.data : null;
}

export function encodeSessionsRevoked(message: SessionsRevokedMessage): string {
  return JSON.stringify(sessionsRevokedMessageSchema.parse(message));
}
