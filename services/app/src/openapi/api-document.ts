/**
 * The OpenAPI document of every route the all-in-one process serves (what `/docs/json` answers),
 * built without PostgreSQL or Redis: the app is assembled over a pool and a client that are never
 * opened, since registering routes queries nothing. So `npm run api:generate` and the contract test
 * run anywhere, servers or not.
 */

import { createDatabase } from '@urbangrid/db';
import { dispatchService } from '@urbangrid/dispatch';
import { createEngineContext } from '@urbangrid/engine';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import { buildApp, loadConfig } from '@urbangrid/platform';
import { connectRedis } from '@urbangrid/redis';
import { supervisionService } from '@urbangrid/supervision';

// Addresses nothing listens on: a connection attempt would fail loudly rather than touch a server.
const nowhere = { database: 'postgres://nobody@127.0.0.1:1/none', redis: 'redis://127.0.0.1:1' };

export async function buildApiDocument(): Promise<unknown> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: nowhere.database,
    REDIS_URL: nowhere.redis,
  });
  const database = createDatabase(nowhere.database, { max: 1 });
  const redis = connectRedis({ kind: 'server', url: nowhere.redis }, { lazyConnect: true, reconnect: false });
  const engine = createEngineContext({ db: database.db });
  const services = [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
    service({ engine }),
  );
  // The live hub is a WebSocket, outside the OpenAPI document (its contract is @urbangrid/live).
  const app = await buildApp({ config, db: database.db, redis, services, live: false });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
    await database.close();
    redis.disconnect();
  }
}
