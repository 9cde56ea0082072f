import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources of the workspace packages, never a stale dist/.
    alias: [
      {
        find: /^@urbangrid\/(domain|geo|db|engine|platform)$/,
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
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'seeds/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', 'test/faults/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
