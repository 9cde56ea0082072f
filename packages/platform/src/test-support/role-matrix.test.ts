import { humanCommands, roles } from '@urbangrid/domain';
import { describe, expect } from 'vitest';
import { redisTest } from '../../../../test/support/fixtures.js';
import type { App } from '../app.js';
import { requireRoles } from '../auth/guards.js';
import { buildTestApp, loginAs } from './app.js';
import { commandRoutes, issuerRoles, roleMatrixViolations } from './role-matrix.js';

/** One demo user per role (seeds/README.md). */
const demoUserOf = {
  grid_officer: 'officer1',
  intake_operator: 'operator1',
  shift_lead: 'shiftlead1',
  dispatcher: 'dispatcher1',
  department_handler: 'handler-sanitation-150102',
  supervisor: 'supervisor1',
  region_supervisor: 'region1',
  admin: 'admin',
} as const;

/** Stand-ins for the command routes of later issues, guarded by the lifecycle table's roles. */
async function fakeCommandRoutes(app: App, broken?: string) {
  for (const route of commandRoutes) {
    const allowed = route.command === broken ? [...roles] : [...issuerRoles(route.command)];
    app.post(route.path, { preHandler: requireRoles(...allowed) }, async () => ({ ok: true }));
  }
}

describe('the role matrix', () => {
  redisTest('covers every human command of the lifecycle with a route', () => {
    expect(commandRoutes.map((r) => r.command).sort()).toEqual([...humanCommands].sort());
  });

  redisTest(
    'finds no role that may issue a command the lifecycle table denies it',
    async ({ database, redis }) => {
      const app = await buildTestApp({ database, redis }, { live: false });
      await fakeCommandRoutes(app);
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
    await fakeCommandRoutes(app, 'close');
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
