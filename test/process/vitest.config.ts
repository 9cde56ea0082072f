import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../support/workspace-aliases.js';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

/**
 * `npm run test:process`: the processes themselves (SIGTERM during intake), each file on a
 * PostgreSQL and Redis of its own. Kept out of `npm test`: every file starts servers and seeds the
 * demo region. Redis and PostgreSQL outages under running processes are the fault suite's
 * (test/faults).
 */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'process',
    root: workspace('.'),
    include: ['**/*.test.ts'],
    // Each test starts processes of the system, which takes minutes on a busy machine.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
