import type { RawServerDefault } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServiceName } from './config.js';

/**
 * What a service (intake, dispatch, handling, supervision) implements: an async fastify plugin
 * whose routes are typed by their zod schemas. Build it with a factory that receives the service's
 * own dependencies; reach shared infrastructure through `app.db`, `app.redis`, `app.config`,
 * `app.metrics`.
 */
export type ServicePlugin = FastifyPluginAsyncZod<Record<never, never>, RawServerDefault>;

/**
 * A service mounted by `buildApp`, encapsulated under `prefix` (e.g. `/api/dispatch`; '' for none).
 * `name` is one of config.SERVICES, so the all-in-one process can mount the configured subset.
 * (Tests add their own routes with `app.register` after `buildApp`.)
 */
export interface ServiceRegistration {
  name: ServiceName;
  prefix: string;
  plugin: ServicePlugin;
}
