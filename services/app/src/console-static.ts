/**
 * Serves the built web console (services/console/dist) at `/`: its files as they are, and
 * index.html for any other GET that is not the backend's (`/api`, `/open311`, `/docs`, `/health`,
 * `/metrics` keep answering problem+json 404s), so a reload on `/dispatch` or `/cases/42` works.
 * Hashed assets are cached for good; index.html is revalidated so a new build shows at once.
 */
import fastifyStatic from '@fastify/static';
import { consoleDistExists, consoleDistPath, isConsoleRoute } from '@urbangrid/console';
import { type App, httpError } from '@urbangrid/platform';

export async function consoleStatic(app: App): Promise<void> {
  if (!consoleDistExists()) {
    app.log.warn(`console not built: no ${consoleDistPath}index.html (npm run build builds it)`);
    return;
  }
  // wildcard: false makes one route per built file, leaving `/*` free for the SPA fallback below.
  await app.register(fastifyStatic, {
    root: consoleDistPath,
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      const immutable = path.includes('/assets/');
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true }, config: { access: 'public' } }, (request, reply) => {
    if (!isConsoleRoute(request.url))
      throw httpError('NOT_FOUND', `no route GET ${request.url.split('?')[0]}`);
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });
}

/** Adds the console to a built app (used by the all-in-one process). */
export async function withConsole(app: App): Promise<App> {
  await app.register(consoleStatic);
  return app;
}
