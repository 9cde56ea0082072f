/**
 * The lifecycle table (案件流转规则): for every command, the states it leaves from, who may issue
 * it, the body it carries, the guards on the case, and what it changes and asks to happen next.
 * Everything else — the engine, the routes and their bodies, the console's buttons, the property
 * tests — reads this one table. Its rows live by stage in rows/ (rule.ts is a row's shape).
 *
 * Two things are added generically by `planTransition` so no row can forget them: entering a new
 * stage arms that stage's deadline (and resets the light to green), and entering a terminal state
 * clears the assignee and the pending request and stops the clock.
 */
import { anyStageRows } from './rows/any-stage.js';
import { checkRows } from './rows/check.js';
import { dispatchRows } from './rows/dispatch.js';
import { filingRows } from './rows/filing.js';
import { handlingRows } from './rows/handling.js';
import { verificationRows } from './rows/verification.js';

export { issuesSupervisionAt, supervisionDesks } from './rows/any-stage.js';
export { maxExtensionMinutes } from './rows/handling.js';
export { reportRule } from './rows/report.js';
export type { CaseGuard, CommandBody, CreationRule, Issuers, RuleRefusal, TransitionRule } from './rule.js';

/** Every command on an existing case, by stage of the closed loop (`report`, which creates one, is `reportRule`). */
export const lifecycle = {
  ...verificationRows,
  ...filingRows,
  ...dispatchRows,
  ...handlingRows,
  ...checkRows,
  ...anyStageRows,
};

export type LifecycleTable = typeof lifecycle;
