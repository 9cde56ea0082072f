import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../support/workspace-aliases.js';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

/**
 * `npm run test:faults`: the fault suite alone (kept out of `npm test`, which must stay fast). It
 * runs its own PostgreSQL, Redis and all-in-one process, so it needs no shared fixtures.
 */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'faults',
    root: workspace('.'),
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
