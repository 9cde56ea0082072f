import type { EngineContext } from '@urbangrid/engine';

/** What the supervision service is built from (services/<name>/src/index.ts factories). */
export interface SupervisionServiceDeps {
  engine: EngineContext;
}
