/**
 * `POST /api/auth/login`, `POST /api/auth/refresh`, `POST /api/auth/logout`, `GET /api/auth/me`.
 * A wrong username and a wrong password get the same answer after the same argon2 work, so neither
 * reveals which usernames exist.
 */
import { findUserCredentials, revokeUserSessions, updateUserAccount } from '@urbangrid/db';
import type { ReferenceData } from '@urbangrid/reference';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnauthenticatedError, validationFailed } from '../errors.js';
import { actorOf, type UserActor, userOf } from './actor.js';
import { toUserActor } from './authenticate.js';
import { createLoginThrottle, type LoginThrottleSettings } from './login-throttle.js';
import { checkPassword } from './password-policy.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { roles } from './roles.js';
import { apiKeyScopes, staffOnly } from './route-access.js';

const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles).meta({ id: 'Role' })),
  mustChangePassword: z
    .boolean()
    .optional()
    .describe(
      'True for an account made or reset by an admin: every route but the password change answers 403 until it is changed',
    ),
  /** Null only for region-level staff. */
  city: z.string().nullable(),
  timeZones: z
    .record(z.string(), z.string())
    .describe(
      "The IANA zone of each city the caller acts in (their own; region staff every city's): the console shows a city's dates and times in it",
    ),
});

const session = z.object({
  token: z.string().describe('Access token: send as `Authorization: Bearer <token>`'),
  refreshToken: z.string().describe('Exchange at /api/auth/refresh for a new pair'),
  expiresAt: z.iso.datetime({ offset: true }).describe('When the access token expires'),
  user: userSummary,
});

const actorSchema = z.discriminatedUnion('kind', [
  userSummary.extend({
    kind: z.literal('user'),
    departmentId: z.string().nullable(),
    areaCode: z.string().nullable(),
    gridCodes: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('integration'),
    keyId: z.string(),
    name: z.string(),
    city: z.string(),
    scopes: z.array(z.string()),
    source: z.string(),
  }),
]);

const wrongCredentials = () => new UnauthenticatedError('wrong username or password');

/** The zone of each city the user acts in; a city without a valid zone is an error, never a default. */
async function timeZonesOf(reference: ReferenceData, user: UserActor): Promise<Record<string, string>> {
  const cities = user.city === null ? await reference.cities() : [await reference.city(user.city)];
  return Object.fromEntries(cities.map((city) => [city.code, city.timeZone]));
}

const summary = async (reference: ReferenceData, user: UserActor) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: [...user.roles],
  mustChangePassword: user.mustChangePassword ?? false,
  city: user.city,
  timeZones: await timeZonesOf(reference, user),
});

export const authRoutes: FastifyPluginAsyncZod<{ throttle?: Partial<LoginThrottleSettings> }> = async (
  app,
  options,
) => {
  const throttle = createLoginThrottle(app, options.throttle);

  app.post(
    '/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password',
        security: [],
        body: z.object({ username: z.string().min(1).max(128), password: z.string().min(1).max(1024) }),
        response: { 200: session },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      const attempt = await throttle.begin(request, username);
      const account = await findUserCredentials(app.db, username);
      const ok = await verifyPassword(account?.passwordHash ?? null, password);
      if (!account || !ok || !account.active) {
        await attempt.failed();
        throw wrongCredentials();
      }
      await attempt.succeeded();
      const user = toUserActor(account);
      const { sessionId: _, ...tokens } = await app.sessions.start(user.id);
      return { ...tokens, user: await summary(app.reference, user) };
    },
  );

  app.post(
    '/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair (each refresh token works once)',
        description:
          'The refresh token given is used up. Presenting a used one again ends the whole session (both tokens of every generation): it means a copy was stolen.',
        security: [],
        body: z.object({ refreshToken: z.string().min(1).max(4096) }),
        response: { 200: session },
      },
    },
    async (request) => {
      const { identity, ...tokens } = await app.sessions.refresh(request.body.refreshToken);
      return { ...tokens, user: await summary(app.reference, toUserActor(identity)) };
    },
  );

  app.post(
    '/password',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['auth'],
        summary: "Change the caller's password; every other session of theirs ends",
        description:
          'The new password must have at least 10 characters and not be guessable (zxcvbn-ts: common passwords, names, keyboard patterns). Answers a fresh session; the tokens of every earlier session stop working. The one route (besides logout) open to an account whose password an admin set.',
        security: [{ bearerAuth: [] }],
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(1).max(1024),
        }),
        response: { 200: session },
      },
    },
    async (request) => {
      const user = userOf(request);
      const { currentPassword, newPassword } = request.body;
      const attempt = await throttle.begin(request, user.username);
      const account = await findUserCredentials(app.db, user.username);
      if (!account || !(await verifyPassword(account.passwordHash, currentPassword))) {
        await attempt.failed();
        throw validationFailed('the current password is wrong', [
          { in: 'body', path: 'currentPassword', message: 'wrong password' },
        ]);
      }
      await attempt.succeeded();
      if (newPassword === currentPassword) {
        const message = 'the new password must differ from the current one';
        throw validationFailed(message, [{ in: 'body', path: 'newPassword', message }]);
      }
      checkPassword(newPassword, 'newPassword', [user.username, user.displayName]);
      const passwordHash = await hashPassword(newPassword);
      const { sessionId: _, ...tokens } = await app.db.transaction(async (tx) => {
        await updateUserAccount(tx, user.id, { passwordHash, mustChangePassword: false });
        await revokeUserSessions(tx, user.id, 'password-changed');
        return app.sessions.start(user.id, tx);
      });
      await app.sessions.announce({ userId: user.id });
      return { ...tokens, user: { ...(await summary(app.reference, user)), mustChangePassword: false } };
    },
  );

  app.post(
    '/logout',
    {
      config: { access: staffOnly },
      schema: {
        tags: ['auth'],
        summary: "End the caller's session: its access and refresh tokens stop working",
        security: [{ bearerAuth: [] }],
        response: { 204: z.null().describe('Signed out') },
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      if (user.sessionId !== undefined) await app.sessions.end(user.sessionId, 'logout');
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      // Staff and keys alike may ask who they are.
      config: { access: { roles, scopes: apiKeyScopes } },
      schema: {
        tags: ['auth'],
        summary: 'Who the caller is and where they act',
        security: [{ bearerAuth: [] }, { apiKey: [] }],
        response: { 200: actorSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return actor.kind === 'user'
        ? {
            ...actor,
            ...(await summary(app.reference, actor)),
            gridCodes: [...actor.gridCodes],
          }
        : { ...actor, scopes: [...actor.scopes] };
    },
  );
};
