/**
 * `/api/admin/users…` (人员管理) for admins: a city's admin manages the accounts of their city, a
 * region admin every account. Creating, changing roles, resetting a password (forced change at
 * the next login) and deactivating; the last three end the account's sessions at once, in every
 * process, live sockets included.
 */

import { listOfficerGridCodes, listUserAccounts, type UserAccount } from '@urbangrid/db';
import { cityCodeString } from '@urbangrid/domain';
import { z } from 'zod';
import { roles } from '../auth/roles.js';
import type { RouteAccess } from '../auth/route-access.js';
import type { ServicePlugin } from '../service-plugin.js';
import { changeRecorder, etagOf, ifMatchHeaders, ifMatchVersion } from './admin-changes.js';
import { administeredCity, citiesOf } from './admin-scope.js';
import { changeAccount, createAccount, editAccount, managedAccount } from './user-admin.js';

const tags = ['admin'];
const role = z.enum(roles).meta({ id: 'Role' });
const usernameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'a username is 2–64 lower-case letters, digits, ".", "_" or "-"');
const passwordSchema = z
  .string()
  .min(1)
  .max(1024)
  .describe('At least 10 characters, not guessable (zxcvbn-ts)');
const usernameParams = z.object({ username: z.string().min(1).max(64) });

const accountView = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(role),
  city: z.string().nullable(),
  districtCode: z.string().nullable(),
  departmentId: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  version: z.number().int(),
});

const toView = (account: UserAccount) => ({
  id: account.id,
  username: account.username,
  displayName: account.displayName,
  roles: account.roles.filter((r): r is z.infer<typeof role> => (roles as readonly string[]).includes(r)),
  city: account.city,
  districtCode: account.areaCode,
  departmentId: account.departmentId,
  phone: account.phone,
  active: account.active,
  mustChangePassword: account.mustChangePassword,
  version: account.version,
});

/** City administrators (系统管理员) only. */
const admins: RouteAccess = { roles: ['admin'] };

const cityCode = cityCodeString;
const districtCode = z.string().regex(/^\d{6}$/, 'a district code has 6 digits');
const profileView = accountView.extend({ grids: z.array(z.string()) });
const profile = z.object({
  displayName: z.string().trim().min(1).max(60),
  roles: z.array(role).min(1).max(8),
  city: cityCode,
  districtCode: districtCode.nullable().default(null),
  departmentId: z.string().min(1).max(120).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()]{5,20}$/, 'a telephone number')
    .nullable()
    .default(null),
  grids: z
    .array(z.string().regex(/^\d{15}$/, 'a grid code has 15 digits'))
    .max(2000)
    .default([])
    .describe("An officer's unit grids"),
  streets: z
    .array(z.string().regex(/^\d{9}$/, 'a street code has 9 digits'))
    .max(200)
    .default([])
    .describe('Streets (街道) whose every grid the officer covers'),
});

export const userAdminRoutes: ServicePlugin = async (app) => {
  app.get(
    '/users',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "The accounts the admin manages (a city's, or every one for a region admin), by username",
        querystring: z.object({ city: cityCode.optional() }),
        response: { 200: z.object({ users: z.array(accountView) }) },
      },
    },
    async (request) => {
      const { actor } = changeRecorder(request);
      const { city } = request.query;
      const cities =
        city === undefined ? citiesOf(actor) : [await administeredCity(actor, city, app.reference)];
      return { users: (await listUserAccounts(app.db, cities)).map(toView) };
    },
  );

  app.put(
    '/users/:username',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Edits an account: display name, roles, jurisdiction (city, district, department), an officer's grids or streets, telephone (If-Match: its version)",
        description:
          'A change of roles or jurisdiction (city, district, department, grids) ends the account’s sessions at once, in every process.',
        params: usernameParams,
        headers: ifMatchHeaders,
        body: profile,
        response: { 200: profileView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      await administeredCity(actor, request.body.city, app.reference);
      const expectedVersion = ifMatchVersion(request.headers['if-match']);
      const edited = await editAccount(app.db, actor, record, request.params.username, {
        ...request.body,
        ...(expectedVersion === undefined ? {} : { expectedVersion }),
      });
      if (edited.revoked) await app.sessions.announce({ userId: edited.account.id });
      reply.header('etag', etagOf(edited.account.version));
      return { ...toView(edited.account), grids: edited.grids };
    },
  );

  app.get(
    '/users/:username',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'One account with an officer’s grids; the ETag is its version',
        params: usernameParams,
        response: { 200: profileView },
      },
    },
    async (request, reply) => {
      const { actor } = changeRecorder(request);
      const account = await managedAccount(app.db, actor, request.params.username);
      reply.header('etag', etagOf(account.version));
      return { ...toView(account), grids: await listOfficerGridCodes(app.db, account.id) };
    },
  );

  app.post(
    '/users/:username/reactivate',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Reactivates a deactivated account: it signs in again with its password',
        params: usernameParams,
        response: { 200: accountView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const changed = await changeAccount(app.db, actor, record, request.params.username, { active: true });
      return toView(changed);
    },
  );

  app.post(
    '/users',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Creates a staff account in a city; its password must be changed at the first login',
        body: z.object({
          username: usernameSchema,
          displayName: z.string().trim().min(1).max(60),
          roles: z.array(role).min(1).max(8),
          city: cityCodeString,
          districtCode: z
            .string()
            .regex(/^\d{6}$/, 'a district code has 6 digits')
            .optional(),
          password: passwordSchema.describe(
            'The first password, which the person must change at their first login (the admin knows it)',
          ),
        }),
        response: { 201: accountView },
      },
    },
    async (request, reply) => {
      const { actor, record } = changeRecorder(request);
      await administeredCity(actor, request.body.city, app.reference);
      const created = await createAccount(app.db, actor, record, request.body);
      return reply.code(201).send(toView(created));
    },
  );

  app.put(
    '/users/:username/roles',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Replaces an account's roles; its sessions end (it signs in again with the new roles)",
        params: usernameParams,
        body: z.object({ roles: z.array(role).min(1).max(8) }),
        response: { 200: accountView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const changed = await changeAccount(app.db, actor, record, request.params.username, {
        roles: request.body.roles,
      });
      await app.sessions.announce({ userId: changed.id });
      return toView(changed);
    },
  );

  app.post(
    '/users/:username/password',
    {
      config: { access: admins },
      schema: {
        tags,
        summary:
          "Resets an account's password: its sessions end and it must choose a new one at the next login",
        params: usernameParams,
        body: z.object({ password: passwordSchema }),
        response: { 200: accountView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const changed = await changeAccount(app.db, actor, record, request.params.username, {
        password: request.body.password,
      });
      await app.sessions.announce({ userId: changed.id });
      return toView(changed);
    },
  );

  app.post(
    '/users/:username/deactivate',
    {
      config: { access: admins },
      schema: {
        tags,
        summary: 'Deactivates an account: it cannot sign in, and its tokens and live sockets stop at once',
        params: usernameParams,
        response: { 200: accountView },
      },
    },
    async (request) => {
      const { actor, record } = changeRecorder(request);
      const changed = await changeAccount(app.db, actor, record, request.params.username, { active: false });
      await app.sessions.announce({ userId: changed.id });
      return toView(changed);
    },
  );
};
