import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './test/support/workspace-aliases.js';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        // Tests run the TypeScript sources of the workspace packages, never a stale dist/.
        resolve: { alias: workspaceAliases },
        test: {
          name: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'seeds/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          // The console's tests run in the browser-like project below.
          exclude: [
            '**/node_modules/**',
            '**/dist/**',
            'test/faults/**',
            'test/process/**',
            'services/console/**',
          ],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        plugins: [vue()],
        resolve: { alias: workspaceAliases },
        test: {
          name: 'console',
          root: workspace('./services/console'),
          include: ['src/**/*.test.ts'],
          environment: 'happy-dom',
          restoreMocks: true,
          // A first navigation transforms the lazily loaded screens it lands on, which takes seconds
          // while the node project's servers share the machine (the router test timed out at 5 s).
          testTimeout: 30_000,
        },
      },
    ],
  },
});
