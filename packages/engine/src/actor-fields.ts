import type { Actor } from '@urbangrid/domain';

/** How an actor is recorded on an event: the timeline shows `actorName`. */
export function actorFields(actor: Actor): { actorId: string | null; actorName: string; actorRole: string } {
  switch (actor.kind) {
    case 'user':
      return { actorId: null, actorName: actor.username, actorRole: actor.roles.join(',') };
    case 'integration':
      return { actorId: null, actorName: actor.name, actorRole: 'integration' };
    case 'system':
      return { actorId: null, actorName: actor.worker, actorRole: 'system' };
  }
}

/** The idempotency scope of an actor: keys of two callers never collide. */
export function actorScope(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.username}`;
    case 'integration':
      return `integration:${actor.name}`;
    case 'system':
      return `system:${actor.worker}`;
  }
}
