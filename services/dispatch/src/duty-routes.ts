/**
 * Duty rota routes (值班): `GET /api/dispatch/duty` for the command centre to see who is on duty
 * over which grids when, `POST` and `DELETE` for the shift lead to set it.
 */
import { gridCodeString } from '@urbangrid/domain';
import { httpError, type ServicePlugin, type UserActor, userOf } from '@urbangrid/platform';
import { z } from 'zod';
import type { DispatchServiceDeps } from './deps.js';
import { addShift, listDuty, removeShift } from './duty-service.js';

const tags = ['dispatch', 'duty'];
const isoTime = z.iso.datetime({ offset: true });

const shiftSchema = z.object({
  id: z.string(),
  officer: z.string(),
  officerName: z.string(),
  startsAt: isoTime,
  endsAt: isoTime,
  onDutyNow: z.boolean(),
  /** The shift covers all of the officer's grids: how many, in which streets (街道). */
  gridCount: z.number().int(),
  streetCodes: z.array(z.string()),
});

function cityOf(user: UserActor): string {
  if (user.city === null) throw httpError('FORBIDDEN', 'duty is kept per city; this account has no city');
  return user.city;
}

export function dutyRoutes(deps: DispatchServiceDeps): ServicePlugin {
  const { engine } = deps;
  return async (app) => {
    app.get(
      '/duty',
      {
        config: { access: { roles: ['shift_lead', 'dispatcher', 'intake_operator', 'supervisor', 'admin'] } },
        schema: {
          tags,
          summary: 'Duty shifts overlapping a window (default the next 24 hours), earliest first',
          description:
            '`gridCode` keeps the officers responsible for that grid, `officer` one officer (username). The window spans at most 31 days.',
          querystring: z.object({
            from: isoTime.optional(),
            to: isoTime.optional(),
            gridCode: gridCodeString.optional(),
            officer: z.string().trim().min(1).max(100).optional(),
          }),
          response: { 200: z.object({ shifts: z.array(shiftSchema) }) },
        },
      },
      async (request) => {
        const { from, to, gridCode, officer } = request.query;
        const shifts = await listDuty(engine, {
          city: cityOf(userOf(request)),
          from: from === undefined ? undefined : new Date(from),
          to: to === undefined ? undefined : new Date(to),
          gridCode,
          officer,
        });
        return { shifts };
      },
    );

    app.post(
      '/duty',
      {
        config: { access: { roles: ['shift_lead'] } },
        schema: {
          tags,
          summary:
            'Puts a grid officer on duty over all of their grids from startsAt to endsAt (at most 24 hours)',
          description: 'An overlapping shift of the same officer answers 409 CONFLICT.',
          body: z.object({ officer: z.string().trim().min(1).max(100), startsAt: isoTime, endsAt: isoTime }),
          response: { 201: shiftSchema },
        },
      },
      async (request, reply) => {
        const { officer, startsAt, endsAt } = request.body;
        const shift = await addShift(engine, {
          city: cityOf(userOf(request)),
          officer,
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
        });
        return reply.code(201).send(shift);
      },
    );

    app.delete(
      '/duty/:id',
      {
        config: { access: { roles: ['shift_lead'] } },
        schema: {
          tags,
          summary: 'Takes a shift off the rota',
          params: z.object({ id: z.string().trim().min(1).max(100) }),
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await removeShift(engine, cityOf(userOf(request)), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
