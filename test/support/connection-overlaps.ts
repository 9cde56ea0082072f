import pg from 'pg';

/** What pg's Client keeps of its queries (private fields of pg@8, read by this watch alone). */
interface ClientQueue {
  _activeQuery: unknown;
  _queryQueue: unknown[];
}

export interface ConnectionOverlaps {
  /** The queries sent to a connection while another query still ran on it (their SQL). */
  readonly overlapping: string[];
  /** The pg DeprecationWarnings seen (pg warns once per process, so this alone proves little). */
  readonly warnings: string[];
  stop(): void;
}

/**
 * Watches every pg connection for a query sent while another one runs on it: what a transaction
 * or a single client must never do (pg@8 queues it with a DeprecationWarning, pg@9 refuses it).
 */
export function watchConnectionOverlaps(): ConnectionOverlaps {
  const overlapping: string[] = [];
  const warnings: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client & ClientQueue, ...args: unknown[]) {
    if (this._activeQuery !== null || this._queryQueue.length > 0) {
      const [config] = args;
      overlapping.push(typeof config === 'string' ? config : String((config as { text?: unknown })?.text));
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  const onWarning = (warning: Error) => {
    if (warning.name === 'DeprecationWarning' && warning.message.includes('client.query()'))
      warnings.push(warning.message);
  };
  process.on('warning', onWarning);
  return {
    overlapping,
    warnings,
    stop() {
      pg.Client.prototype.query = query;
      process.off('warning', onWarning);
    },
  };
}
