/**
 * `POST /api/auth/login`, `POST /api/auth/refresh`, `GET /api/auth/me`. A wrong username and a
 * wrong password get the same answer after the same argon2 work, so neither reveals which
 * usernames exist.
 */
import { findActiveUserIdentity, findUserCredentials } from '@urbangrid/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnauthenticatedError } from '../errors.js';
import { createLoginThrottle } from '../rate-limits.js';
import { actorOf, type UserActor } from './actor.js';
import { toUserActor } from './authenticate.js';
import { verifyPassword } from './passwords.js';
import { roles } from './roles.js';
import { issueTokens, verifyToken } from './tokens.js';

const userSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(roles).meta({ id: 'Role' })),
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
    city: z.string().nullable(),
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

const summary = (user: UserActor) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
  roles: [...user.roles],
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const throttle = createLoginThrottle(app);

  app.post(
    '/login',
    {
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
      await throttle.check(request, username);
      const account = await findUserCredentials(app.db, username);
      const ok = await verifyPassword(account?.passwordHash ?? null, password);
      if (!account || !ok || !account.active) {
        await throttle.recordFailure(request, username);
        throw wrongCredentials();
      }
      const user = toUserActor(account);
      return { ...issueTokens(app, user.id), user: summary(user) };
    },
  );

  app.post(
    '/refresh',
    {
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair',
        security: [],
        body: z.object({ refreshToken: z.string().min(1).max(4096) }),
        response: { 200: session },
      },
    },
    async (request) => {
      const userId = verifyToken(app, request.body.refreshToken, 'refresh');
      const identity = await findActiveUserIdentity(app.db, userId);
      if (!identity) throw new UnauthenticatedError('the account is not active');
      const user = toUserActor(identity);
      return { ...issueTokens(app, user.id), user: summary(user) };
    },
  );

  app.get(
    '/me',
    {
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
        ? { ...actor, roles: [...actor.roles], gridCodes: [...actor.gridCodes] }
        : { ...actor, scopes: [...actor.scopes] };
    },
  );
};
