import type { EngineContext } from '@urbangrid/engine';

/** What the handling service is built from (services/<name>/src/index.ts factories). */
export interface HandlingServiceDeps {
  engine: EngineContext;
}
