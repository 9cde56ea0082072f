import { consoleDistExists } from '@urbangrid/console';
import type { App } from '@urbangrid/platform';
import { buildTestApp } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import { withConsole } from './console-static.js';

// The console is built by `npm run build`; without a build there is nothing to serve.
describe.skipIf(!consoleDistExists())('the console served at /', () => {
  let app: App;

  redisTest.beforeAll(async ({ database, redis }) => {
    app = await withConsole(await buildTestApp({ database, redis }));
    await app.ready();
  });
  redisTest.afterAll(async () => {
    await app.close();
  });

  redisTest('the root and any screen path answer the console page', async () => {
    for (const url of ['/', '/dispatch', '/cases/42?tab=timeline']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.body).toContain('<div id="app">');
    }
  });

  redisTest('built assets are served with a long cache', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
    expect(asset).toBeDefined();
    const response = await app.inject({ method: 'GET', url: asset ?? '' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  redisTest('unknown backend paths keep answering problem+json 404s', async () => {
    for (const url of ['/api/nothing-here', '/open311/v2/nothing', '/docs/nothing']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  redisTest('the backend routes still answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.headers['content-type']).toMatch(/json/);
  });
});
