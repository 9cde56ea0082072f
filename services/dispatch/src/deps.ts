import type { EngineContext } from '@urbangrid/engine';

/** What the dispatch service is built from (services/<name>/src/index.ts factories). */
export interface DispatchServiceDeps {
  engine: EngineContext;
}
