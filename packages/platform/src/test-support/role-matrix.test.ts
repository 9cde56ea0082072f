import { humanCommands, roles } from '@urbangrid/domain';
import { redisTest } from '@urbangrid/test-support';
import { describe, expect } from 'vitest';
import type { App } from '../app.js';
import { staffOnly } from '../auth/route-access.js';
import { type CaseCommandName, caseCommandRoute } from '../cases/case-command.js';
import type { ServicePlugin } from '../service-plugin.js';
import { buildTestApp, demoUserOf, loginAs } from './app.js';
import { commandRoutesOf, roleMatrixViolations } from './role-matrix.js';

const caseCommands = humanCommands.filter((command): command is CaseCommandName => command !== 'report');

/**
 * Every case command declared the way the services declare theirs, under /api/test; `broken` is
 * registered as a command route that forgot its issuers.
 */
async function declareCommandRoutes(app: App, broken?: CaseCommandName): Promise<void> {
  const plugin: ServicePlugin = async (scoped) => {
    for (const command of caseCommands) {
      if (command === broken) {
        scoped.post(`/cases/:id/${command}`, { config: { command, access: staffOnly } }, async () => ({
          ok: true,
        }));
        continue;
      }
      caseCommandRoute(scoped, command, {
        tags: ['test'],
        summary: command,
        fields: {},
        apply: () => Promise.reject(new Error('a refused caller never gets here')),
      });
    }
  };
  await app.register(plugin, { prefix: '/api/test' });
}

describe('the role matrix', () => {
  redisTest(
    'reads the command routes fastify registered, each with its command',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      await declareCommandRoutes(app);
      await app.ready();
      try {
        const found = commandRoutesOf(app);
        expect(found.map((route) => route.command).sort()).toEqual([...caseCommands].sort());
        expect(found.find((route) => route.command === 'verify')?.url).toBe('/api/test/cases/:id/verify');
      } finally {
        await app.close();
      }
    },
  );

  redisTest(
    'finds no role that may issue a command the lifecycle table denies it',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      await declareCommandRoutes(app);
      await app.ready();
      try {
        const tokens = Object.fromEntries(
          await Promise.all(
            roles.map(async (role) => [role, (await loginAs(app, demoUserOf[role])).token] as const),
          ),
        );
        expect(await roleMatrixViolations(app, { caseId: 'case-1', tokens })).toEqual([]);
      } finally {
        await app.close();
      }
    },
  );

  redisTest('reports a route that lets the wrong roles through', async ({ database, redis }) => {
    const app = await buildTestApp({ database, redis }, { live: false });
    await declareCommandRoutes(app, 'close');
    await app.ready();
    try {
      const tokens = { dispatcher: (await loginAs(app, 'dispatcher1')).token };
      const violations = await roleMatrixViolations(app, { caseId: 'case-1', tokens });
      expect(violations.map((v) => `${v.command}:${v.role}:${v.status}`)).toEqual(['close:dispatcher:200']);
    } finally {
      await app.close();
    }
  });
});
