import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../support/workspace-aliases.js';

const workspace = (dir: string) => fileURLToPath(new URL(dir, import.meta.url));

/**
 * `npm run test:cluster`: the tests that carry a case around the closed loop through Redis —
 * stage queues, workers, outbox relay, deadline timers, the live channel, rate limits, /health,
 * the publication schedule — on a Redis Cluster of three masters with a replica each, started for
 * the run (cluster-setup.ts) instead of the machine's single Redis, and a master killed under load
 * on a cluster of its own (failover.cluster.ts). Each test file keeps its own database and its own
 * (hash-tagged) prefix.
 */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'cluster',
    root: workspace('../..'),
    include: [
      'test/cluster/**/*.cluster.ts',
      'test/lifecycle/**/*.test.ts',
      'test/support/fixtures.test.ts',
      'packages/engine/src/case-lifecycle.test.ts',
      'packages/engine/src/outbox-relay.test.ts',
      'packages/engine/src/legacy-queues.test.ts',
      'packages/engine/src/deadlines.test.ts',
      'packages/engine/src/workers/**/*.test.ts',
      'packages/platform/src/live/hub.test.ts',
      'packages/platform/src/operations.test.ts',
      'services/dispatch/src/duty.test.ts',
      'services/intake/src/intake-routes.test.ts',
      'services/intake/src/public/public-routes.test.ts',
      'services/supervision/src/supervision.test.ts',
      'services/supervision/src/publication/publication.test.ts',
    ],
    globalSetup: ['test/cluster/cluster-setup.ts', 'test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
