/**
 * How a process tells of a Redis outage in its log: every reconnect attempt (several a second) is an
 * 'error', and a line for each would bury everything else. The first error of an outage is logged
 * at once, then at most one line per `everyMs` saying how many came meanwhile, and one line when
 * the connection is ready again (or, where no 'ready' is heard, the next error after a quiet
 * `everyMs` starts a new outage).
 */
export interface TroubleLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface ConnectionTrouble {
  /** An 'error' listener. */
  error(error: unknown): void;
  /** A 'ready' listener: one line when errors came since the last. */
  recovered(): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function connectionTrouble(
  what: string,
  logger: TroubleLogger,
  options: { everyMs?: number; now?: () => number } = {},
): ConnectionTrouble {
  const everyMs = options.everyMs ?? 30_000;
  const now = options.now ?? Date.now;
  let since: number | null = null;
  let lastLogged = 0;
  let lastError = 0;
  let unlogged = 0;
  return {
    error(error) {
      const at = now();
      const quiet = at - lastError > everyMs;
      lastError = at;
      if (since === null || quiet) {
        since = at;
        lastLogged = at;
        unlogged = 0;
        logger.warn(
          { err: messageOf(error) },
          `${what}: Redis does not answer (retrying; one line per ${everyMs / 1000} s until it does)`,
        );
        return;
      }
      unlogged++;
      if (at - lastLogged < everyMs) return;
      logger.warn(
        { err: messageOf(error), errors: unlogged, awaySeconds: Math.round((at - since) / 1000) },
        `${what}: Redis still does not answer`,
      );
      lastLogged = at;
      unlogged = 0;
    },
    recovered() {
      if (since === null) return;
      logger.info({ awaySeconds: Math.round((now() - since) / 1000) }, `${what}: Redis answers again`);
      since = null;
      unlogged = 0;
    },
  };
}

/** Attaches `connectionTrouble` to a connection's 'error' and 'ready' events. */
export function reportConnectionTrouble(
  connection: {
    on(event: 'error', l: (e: Error) => void): unknown;
    on(event: 'ready', l: () => void): unknown;
  },
  what: string,
  logger: TroubleLogger,
): ConnectionTrouble {
  const trouble = connectionTrouble(what, logger);
  connection.on('error', trouble.error);
  connection.on('ready', trouble.recovered);
  return trouble;
}
