/**
 * Every view of a reporter's full phone number by staff is recorded (号码查看记录): who, when,
 * which case, by which route. The one place that puts a full number into an answer (case-view.ts)
 * notes the case in its request's list; before the answer leaves, the list is written to
 * `phone_access_log`. Should the write fail, the request fails with it: no number leaves unrecorded.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { recordPhoneAccesses } from '@urbangrid/db';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

export interface PhoneViewed {
  id: string;
  caseNo: string;
  city: string;
  districtCode: string;
}

/** The cases whose full number the current request answered. */
const viewsOfRequest = new AsyncLocalStorage<Map<string, PhoneViewed>>();
const viewsKey = Symbol('phone views');
type WithViews = FastifyRequest & { [viewsKey]?: Map<string, PhoneViewed> };

/** Call where a full number goes into an answer. */
export function notePhoneViewed(row: PhoneViewed): void {
  viewsOfRequest.getStore()?.set(row.id, {
    id: row.id,
    caseNo: row.caseNo,
    city: row.city,
    districtCode: row.districtCode,
  });
}

export const phoneAccessLogging = fp(
  async (app) => {
    // After the body was read (its stream events would leave the context), before the handler.
    app.addHook('preHandler', (request, _reply, done) => {
      const views = new Map<string, PhoneViewed>();
      (request as WithViews)[viewsKey] = views;
      viewsOfRequest.run(views, done);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      const views = (request as WithViews)[viewsKey];
      const actor = request.actor;
      if (views === undefined || views.size === 0 || reply.statusCode >= 400 || actor?.kind !== 'user')
        return payload;
      await recordPhoneAccesses(
        app.db,
        [...views.values()].map((view) => ({
          actorId: actor.id,
          actorUsername: actor.username,
          city: view.city,
          districtCode: view.districtCode,
          caseId: view.id,
          caseNo: view.caseNo,
          route: `${request.method} ${request.routeOptions.url ?? request.url}`,
          requestId: request.id,
        })),
      );
      return payload;
    });
  },
  { name: 'phone-access-logging' },
);
