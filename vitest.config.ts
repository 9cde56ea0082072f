import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

export default defineConfig({
  test: {
    projects: [
      {
        resolve: {
          // Tests run the TypeScript sources of the workspace packages, never a stale dist/.
          alias: [
            {
              find: /^@urbangrid\/(domain|geo|db|redis|engine|platform)$/,
              replacement: workspace('./packages/$1/src/index.ts'),
            },
            {
              find: /^@urbangrid\/(intake|dispatch|handling|supervision|app)$/,
              replacement: workspace('./services/$1/src/index.ts'),
            },
            {
              find: /^@urbangrid\/seeds$/,
              replacement: workspace('./seeds/seed.ts'),
            },
          ],
        },
        test: {
          name: 'node',
          include: [
            'packages/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'seeds/**/*.test.ts',
            'test/**/*.test.ts',
          ],
          // The console's tests run in the browser-like project below.
          exclude: ['**/node_modules/**', '**/dist/**', 'test/faults/**', 'services/console/**'],
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        plugins: [vue()],
        test: {
          name: 'console',
          root: workspace('./services/console'),
          include: ['src/**/*.test.ts'],
          environment: 'happy-dom',
          restoreMocks: true,
        },
      },
    ],
  },
});
