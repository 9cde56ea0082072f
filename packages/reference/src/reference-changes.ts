/**
 * Admin changes to reference data reach every process within seconds: the process that made the
 * change announces it on the live channel (`${QUEUE_PREFIX}:live`, which every process listens to
 * already), and each process's follower reloads the parts named. A follower that lost its
 * connection reloads everything when it is back, since announcements made meanwhile are gone.
 */
import { publish, type RedisClient, subscribeWhenReady } from '@urbangrid/redis';
import { z } from 'zod';
import { type ReferenceData, type ReferencePart, referenceParts } from './reference-data.js';

export const referenceChangedMessageSchema = z.object({
  type: z.literal('reference.changed'),
  parts: z.array(z.enum(referenceParts)).min(1),
  /** The city whose data changed, when one did (for logs; every holder of a part reloads it). */
  city: z.string().optional(),
});

export type ReferenceChangedMessage = z.infer<typeof referenceChangedMessageSchema>;

/**
 * Tells every process that reference data changed. Call it after the change commits; the caller's
 * own process hears it too. A lost announcement costs at most a TTL of staleness.
 */
export async function announceReferenceChange(
  redis: RedisClient,
  channel: string,
  change: { parts: readonly ReferencePart[]; city?: string },
): Promise<void> {
  const message: ReferenceChangedMessage = { type: 'reference.changed', ...change, parts: [...change.parts] };
  await publish(redis, channel, JSON.stringify(referenceChangedMessageSchema.parse(message)));
}

export interface ReferenceFollowerLogger {
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface ReferenceFollower {
  /** Resolves once the follower listens (tests wait for it before announcing). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/** Parses one channel message; anything but a reference change (case changes, notices) is null. */
export function referenceChangeOf(raw: string): ReferenceChangedMessage | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const message = referenceChangedMessageSchema.safeParse(parsed);
  return message.success ? message.data : null;
}

/**
 * Keeps `reference` current with the announcements on `channel`. `subscriber` is a connection of
 * its own (a subscribed connection can do nothing else); the follower owns and closes it.
 */
export function followReferenceChanges(
  reference: ReferenceData,
  subscriber: RedisClient,
  channel: string,
  logger: ReferenceFollowerLogger,
): ReferenceFollower {
  const reload = (parts?: readonly ReferencePart[]) =>
    reference.refresh(parts).then((errors) => {
      for (const error of errors) logger.warn({ err: error }, 'reference data: reload failed, old data kept');
    });
  let subscribedOnce = false;
  subscriber.on('error', (err: Error) =>
    logger.debug({ err: err.message }, 'reference follower: redis error'),
  );
  subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return;
    const change = referenceChangeOf(raw);
    if (change !== null) void reload(change.parts);
  });
  // ioredis subscribes again by itself after a reconnect; what was announced meanwhile is lost.
  subscriber.on('ready', () => {
    if (subscribedOnce) void reload();
  });
  // Now, or when Redis is back if it is away at the start.
  const ready = subscribeWhenReady(subscriber, channel).then(() => {
    subscribedOnce = true;
  });
  return {
    ready,
    async stop() {
      subscriber.disconnect();
    },
  };
}
