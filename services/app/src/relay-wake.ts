/**
 * A worker-only process (HTTP=false) relays outbox rows that other processes commit. Its relay
 * wakes at once on commits made in its own process (the workers' commands) but hears nothing of
 * the API processes' commits, so without help it would find their rows only on its poll (1 s),
 * a wait on every step a worker takes over from a command (the verifier's and the checker's
 * assignment above all). Every commit is announced on the live channel (`${QUEUE_PREFIX}:live`,
 * what the live hubs listen to), so listening there wakes the relay as soon as a row exists; a
 * lost message costs one poll, never a row (the poll still runs). Under load a pass per message
 * in every worker process would be a claim transaction per commit per process, most finding
 * nothing (another relay took the rows), and jobs reaching the workers one by one cost more CPU
 * than in batches: wakes are thinned to one per `gapMs`, the first at once and the last of a
 * burst at the end of its gap, so no commit waits longer than that. Measured on the lifecycle
 * bench's split topology (2 shared cores, noisy): a case at a time took ~1.5 s without the wake
 * and ~0.5 s with it; under saturation the wake cost ~15–25 % more node CPU per case with gaps of
 * 50–200 ms, and a 1 s gap bought nothing over the poll.
 */
import { type SubscribingConnection, subscribeWhenReady } from '@urbangrid/redis';

export interface LiveSubscriber extends SubscribingConnection {
  on(event: 'ready', listener: () => void): unknown;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  disconnect(): void;
}

export interface RelayWake {
  /** Resolves once the channel is subscribed (at once, or when Redis is back). */
  listening: Promise<void>;
  stop(): Promise<void>;
}

/** Subscribes `subscriber` (a connection of its own) to `channel`; its messages wake the relay. */
export function wakeRelayOnCommits(
  subscriber: LiveSubscriber,
  channel: string,
  relay: { wake(): void },
  gapMs = 100,
): RelayWake {
  let quietUntil = 0;
  let trailing: NodeJS.Timeout | undefined;
  const wake = () => {
    quietUntil = Date.now() + gapMs;
    relay.wake();
  };
  // Redis away: the connection retries by itself and the relay keeps polling meanwhile.
  subscriber.on('error', () => undefined);
  subscriber.on('message', () => {
    const now = Date.now();
    if (now >= quietUntil) wake();
    else
      trailing ??= setTimeout(() => {
        trailing = undefined;
        wake();
      }, quietUntil - now);
  });
  return {
    // Not awaited by the start: a worker process starts while Redis is away and listens when it is back.
    listening: subscribeWhenReady(subscriber, channel),
    async stop() {
      clearTimeout(trailing);
      subscriber.disconnect();
    },
  };
}
