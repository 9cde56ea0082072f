/**
 * A subscription that survives Redis being away when it is made. ioredis subscribes again by itself
 * after a reconnect, but only to channels the server confirmed: a SUBSCRIBE sent while Redis is
 * away fails (or waits for ever, without a retry limit) and is never sent again. This one is sent
 * again each time the connection is ready, until the server confirms it.
 */
export interface SubscribingConnection {
  subscribe(channel: string): Promise<unknown>;
  on(event: 'ready', listener: () => void): unknown;
  off(event: 'ready', listener: () => void): unknown;
}

/** Resolves once `channel` is subscribed on `subscriber`, now or when Redis is back; never rejects. */
export function subscribeWhenReady(subscriber: SubscribingConnection, channel: string): Promise<void> {
  return new Promise((resolve) => {
    let subscribed = false;
    const attempt = () => {
      if (subscribed) return;
      subscriber.subscribe(channel).then(
        () => {
          if (subscribed) return;
          subscribed = true;
          subscriber.off('ready', attempt);
          resolve();
        },
        // Redis away: the next 'ready' sends it again.
        () => undefined,
      );
    };
    subscriber.on('ready', attempt);
    attempt();
  });
}
