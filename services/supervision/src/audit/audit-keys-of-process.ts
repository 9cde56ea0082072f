/**
 * The audit key of a process, loaded once (routes and workers share it): the configured one, or
 * outside production the development key under DATA_DIR (made on first use). A bad key stops
 * start-up with one line.
 */
import { AuditKeyError, type AuditKeys, loadAuditKeys } from '@urbangrid/engine';
import { type Config, InfrastructureError, type ProcessContext } from '@urbangrid/platform';
import { startAnchorScheduler } from './anchor-queue.js';

let loaded: Promise<AuditKeys | undefined> | undefined;

export function auditKeysOf(config: Config): Promise<AuditKeys | undefined> {
  loaded ??= loadAuditKeys(config, { generate: config.NODE_ENV !== 'production' }).catch((error: unknown) => {
    throw error instanceof AuditKeyError ? new InfrastructureError(error.message) : error;
  });
  return loaded;
}

/** The daily signed anchors of the chain heads beside a process's workers, where a signing key is. */
export async function startDailyAnchors(ctx: ProcessContext) {
  const keys = await auditKeysOf(ctx.config);
  if (keys?.signingKey === undefined) {
    ctx.logger.warn('no AUDIT_SIGNING_KEY: this process signs no daily anchors');
    return undefined;
  }
  return startAnchorScheduler({
    db: ctx.db,
    keys,
    dir: ctx.config.anchorDir,
    redis: ctx.redisTarget,
    prefix: ctx.config.QUEUE_PREFIX,
    logger: ctx.logger,
  });
}

/** What the supervision service shows of the anchors in this process. */
export async function anchorSourceOf(config: Config) {
  return { dir: config.anchorDir, keys: await auditKeysOf(config) };
}
