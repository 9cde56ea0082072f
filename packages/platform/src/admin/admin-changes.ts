/**
 * What every admin change does besides itself: an entry in the admin audit log, written in the
 * change's transaction (who, when, what, before, after), and — once it committed — the reference
 * parts it touched reloaded in this process at once and announced on the live channel, so every
 * other process reloads them within seconds without a restart.
 */
import { type AdminChange, recordAdminChange, type Tx } from '@urbangrid/db';
import { liveChannel } from '@urbangrid/live';
import { announceReferenceChange, type ReferencePart } from '@urbangrid/reference';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type UserActor, userOf } from '../auth/actor.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  VersionConflictError,
  withProblemExtensions,
} from '../errors.js';

export type AuditEntry = Omit<AdminChange, 'actorId' | 'actorUsername' | 'requestId'>;

/** The caller of an admin route and the audit recorder bound to them and the request. */
export function changeRecorder(request: FastifyRequest): {
  actor: UserActor;
  record: (tx: Tx, entry: AuditEntry) => Promise<void>;
} {
  const actor = userOf(request);
  return { actor, record: (tx, entry) => recordChange(tx, actor, request, entry) };
}

/** Records `entry` as made by the request's caller; call it inside the change's transaction. */
export function recordChange(tx: Tx, actor: UserActor, request: FastifyRequest, entry: AuditEntry) {
  return recordAdminChange(tx, {
    ...entry,
    actorId: actor.id,
    actorUsername: actor.username,
    requestId: request.id,
  });
}

/**
 * After the change committed: this process reads the new data from its next request on, every other
 * process within seconds. A failed announcement is logged, not answered: the change is made, and the
 * other processes' TTL (a minute) is the net.
 */
export async function publishChange(
  app: FastifyInstance,
  change: { parts: readonly ReferencePart[]; city?: string },
): Promise<void> {
  const errors = await app.reference.refresh(change.parts);
  for (const err of errors) app.log.warn({ err }, 'admin change: local reload failed');
  await announceReferenceChange(app.redis, liveChannel(app.config.QUEUE_PREFIX), change).catch(
    (err: unknown) =>
      app.log.warn({ err }, 'admin change: announcement failed, other processes catch up by TTL'),
  );
}

/**
 * The optional `If-Match` of an edit: the version (ETag) the editor saw, `"3"`, `W/"3"` or `3`. A
 * stale one answers 409 VERSION_CONFLICT; without it the edit applies to whatever is there.
 */
export const ifMatchHeaders = z.looseObject({
  'if-match': z
    .string()
    .regex(/^\s*(W\/)?"?\d{1,9}"?\s*$/, 'must be a version such as "3"')
    .optional()
    .describe('The version (ETag) of the record the edit was made on; stale answers 409'),
});

/** The version an `If-Match` names; undefined when absent. */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  return Number(header.replace(/\D/g, ''));
}

/** The ETag of a record's version. */
export const etagOf = (version: number) => `"${version}"`;

/** The version the editor saw (If-Match) as the change functions take it: `{ expectedVersion }` or nothing. */
export function expectedVersionOf(request: FastifyRequest): { expectedVersion?: number } {
  const header = request.headers['if-match'];
  const version = ifMatchVersion(typeof header === 'string' ? header : undefined);
  return version === undefined ? {} : { expectedVersion: version };
}

/**
 * An admin change as the routes make it: `change` runs its transaction (the record and its audit
 * entry through `record`, version-checked against `expected`, the request's If-Match); once it
 * committed, the reference parts `published` names are reloaded and announced, and the answer
 * carries the record's new ETag.
 */
export async function adminChange<R extends { version: number }>(
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  published: (changed: R) => { parts: readonly ReferencePart[]; city?: string },
  change: (
    edit: ReturnType<typeof changeRecorder> & { expected: { expectedVersion?: number } },
  ) => Promise<R>,
): Promise<R> {
  const changed = await change({ ...changeRecorder(request), expected: expectedVersionOf(request) });
  await publishChange(app, published(changed));
  reply.header('etag', etagOf(changed.version));
  return changed;
}

/**
 * 409 VERSION_CONFLICT unless the record is at the version the editor saw (`expected`, from
 * If-Match); nothing to check without one. `current` is null when the record is gone.
 */
export function checkVersion(current: number | null, expected: number | undefined, what: string): void {
  if (expected === undefined || current === expected) return;
  const detail =
    current === null
      ? `${what} no longer exists (you saw version ${expected})`
      : `${what} was changed meanwhile: version ${current}, you saw ${expected}`;
  throw withProblemExtensions(new VersionConflictError(detail), { currentVersion: current });
}

/** One edit of a stored record (a city, an area, a department) as `changeStoredRecord` makes it. */
export interface StoredRecordEdit<Row extends { version: number }> {
  /** How the record is named to people: `city 1501`, `department dept-1501-water`. */
  what: string;
  entity: string;
  entityKey: string;
  action: string;
  /** The cities the editor reaches (403 for a record of another); absent: checked by the caller. */
  cities?: readonly string[] | 'all';
  /** The version the editor saw (If-Match); stale answers 409. */
  expectedVersion?: number;
  /** The record, locked for the change; null when it does not exist. */
  find: (tx: Tx) => Promise<Row | null>;
  cityOf: (row: Row) => string;
  /** What the audit log keeps of it, before and after. */
  state: (row: Row) => unknown;
  /** Refuses the change (409 …) or writes it; the record as stored after. */
  apply: (tx: Tx, before: Row) => Promise<Row | null>;
}

/**
 * The shape every edit and retirement of a stored record (a city, an area, a department) takes,
 * inside the caller's transaction: the record found (404) and in the editor's reach (403), at the
 * version they saw (409), checked and changed by `apply`, and audited with its state before and after.
 */
export async function changeStoredRecord<Row extends { version: number }>(
  tx: Tx,
  record: (tx: Tx, entry: AuditEntry) => Promise<void>,
  edit: StoredRecordEdit<Row>,
): Promise<Row> {
  const before = await edit.find(tx);
  if (before === null) throw new NotFoundError(`${edit.what} does not exist`);
  const city = edit.cityOf(before);
  if (edit.cities !== undefined && edit.cities !== 'all' && !edit.cities.includes(city))
    throw new ForbiddenError(`${edit.what} belongs to city ${city}`);
  checkVersion(before.version, edit.expectedVersion, edit.what);
  const after = await edit.apply(tx, before);
  if (after === null) throw new NotFoundError(`${edit.what} does not exist`);
  await record(tx, {
    city,
    entity: edit.entity,
    entityKey: edit.entityKey,
    action: edit.action,
    before: edit.state(before),
    after: edit.state(after),
  });
  return after;
}

/** 409 when the record was retired already (a retired city, area or department takes no change). */
export function refuseRetired(what: string, retiredOn: string | null): void {
  if (retiredOn !== null) throw new ConflictError(`${what} is retired (from ${retiredOn})`);
}
