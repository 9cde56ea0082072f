/**
 * The shape of a lifecycle row (see lifecycle.ts): who may issue a command, from which states, the
 * body it carries, the conditions on the case and what it does. A row is written with `transition`
 * (or `creation` for `report`), so the command its functions receive is typed from its own body.
 */
import { z } from 'zod';
import type { Actor, Role } from './actors.js';
import type { Outcome } from './outcome.js';
import type { CaseSnapshot } from './snapshot.js';
import type { OpenState } from './states.js';

/** Per-case guards beyond the role: the right person, not just the right job. */
export type CaseGuard =
  /** Only the officer the task is assigned to (case.assignee === actor's username). */
  | 'assignedOfficer'
  /** Only a department handler whose departments include the case's department. */
  | 'caseDepartmentHandler';

export interface Issuers {
  /** Users holding any of these roles. Admin is deliberately absent everywhere (see README). */
  readonly roles: readonly Role[];
  /** Outside systems with an API key (hotline platform, Open311 apps). */
  readonly integrations?: boolean;
  /** Our own workers. */
  readonly system?: boolean;
  readonly guard?: CaseGuard;
}

/** A refusal a rule can raise beyond role and state (the codes of api.md). */
export interface RuleRefusal {
  readonly code: 'TRANSITION_NOT_ALLOWED' | 'FORBIDDEN' | 'VALIDATION_FAILED';
  readonly reason: string;
}

/**
 * What a command carries besides its name, validated at every edge (the command's route takes
 * these fields, `planTransition` checks them again).
 */
export type CommandBody = z.ZodObject;

export interface TransitionRule<B extends CommandBody = CommandBody> {
  /** The Chinese term users see. */
  readonly term: string;
  readonly from: readonly OpenState[];
  readonly issuers: Issuers;
  readonly body: B;
  /** A condition on the case beyond its state; returns why not (TRANSITION_NOT_ALLOWED). */
  readonly requires?: (snapshot: CaseSnapshot) => string | null;
  /** A condition that depends on the command's payload. */
  readonly accepts?: (snapshot: CaseSnapshot, command: z.output<B>) => RuleRefusal | null;
  readonly outcome: (snapshot: CaseSnapshot, command: z.output<B>, actor: Actor) => Outcome;
}

/** The one command that creates a case; it has no snapshot to leave from. */
export interface CreationRule<B extends CommandBody = CommandBody> {
  readonly term: string;
  readonly issuers: Issuers;
  readonly body: B;
  readonly accepts: (command: z.output<B>, actor: Actor) => RuleRefusal | null;
  readonly outcome: (command: z.output<B>, actor: Actor) => Outcome;
}

/** A row of the table, its functions typed from its body. */
export const transition = <B extends CommandBody>(rule: TransitionRule<B>): TransitionRule<B> => rule;

/** The row of `report`, its functions typed from its body. */
export const creation = <B extends CommandBody>(rule: CreationRule<B>): CreationRule<B> => rule;

/** Fields several bodies share. */
export const bodyFields = {
  /** A reason or a note: trimmed, not empty, bounded. */
  text: z.string().trim().min(1, 'a reason is required').max(2000),
  /** A username (the officer to send). */
  username: z.string().trim().min(1).max(100),
};

/** A body with no fields. */
export const noFields = z.object({});
