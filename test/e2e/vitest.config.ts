import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../support/workspace-aliases.js';

/**
 * The console's browser walk: its own config (and `npm run test:e2e`), outside the default
 * `vitest run`, because it starts the whole backend and a headless Chromium.
 */
export default defineConfig({
  // The workspace packages' TypeScript sources, as in the other configs (the fixtures import them).
  resolve: { alias: workspaceAliases },
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/server.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
  },
});
