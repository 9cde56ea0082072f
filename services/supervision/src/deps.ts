import type { EngineContext } from '@urbangrid/engine';
import type { AnchorSource } from './audit/anchor-listing.js';

/** What the supervision service is built from (services/<name>/src/index.ts factories). */
export interface SupervisionServiceDeps {
  engine: EngineContext;
  /** ANCHOR_DIR and the audit key: the signed anchors the audit shows (none when absent). */
  anchors?: AnchorSource;
}
