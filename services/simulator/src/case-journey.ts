/**
 * One reported problem, followed to its end by the people who would handle it: the officer who
 * goes to verify (核实), the shift lead who files (立案) or rejects, the dispatcher (派遣), the
 * department that signs, works and feeds back (签收, 处理反馈), the officer who checks the fix
 * (核查) and the shift lead who closes (结案). Each case gets a plan of side paths drawn at report
 * time: not found on site, rejected, cancelled, sent to the wrong department and returned (回退),
 * an extension (延期) or a suspension (挂账) asked for, the fix failing its check once or twice
 * (返工).
 *
 * The journey is driven by the case's state as the system answers it, never by a script of steps:
 * after every answer (or a lost one, after an outage) it reads where the case is and lets the
 * person who owns that state act. That keeps it correct when a command's answer was lost and its
 * retry is refused, and when the workers take their time.
 */

import type { Random } from '@urbangrid/domain';
import { type ApiClient, problemCode, SystemUnavailableError } from './api-client.js';
import { caseViewSchema, isTerminalState, type SimCase } from './case-view.js';
import type { CityModel } from './city-model.js';
import type { LiveWatch } from './live-watch.js';
import { count, type Tally } from './tally.js';

/** Probabilities of the side paths, each per case. */
export interface SidePathRates {
  notFound: number;
  rejected: number;
  cancelled: number;
  wrongDepartment: number;
  extension: number;
  suspension: number;
  rework: number;
}

export const defaultSidePathRates: SidePathRates = {
  notFound: 0.04,
  rejected: 0.03,
  cancelled: 0.01,
  wrongDepartment: 0.08,
  extension: 0.08,
  suspension: 0.04,
  rework: 0.1,
};

export interface JourneyContext {
  api: ApiClient;
  city: CityModel;
  live: LiveWatch | null;
  tally: Tally;
  /** Multiplies every human delay; 0 acts at once (benchmarks, fault suite). */
  pace: number;
  rates: SidePathRates;
  /** Unique per run: idempotency keys are `${runId}-${index}`. */
  runId: string;
  /** Desk staff. */
  desk: { operator: string; shiftLead: string; dispatcher: string };
  /** Longest wait for one change before the journey gives up on the case. */
  stuckAfterMs: number;
  /** Whether the simulation is shutting down (journeys stop waiting). */
  stopping: () => boolean;
  /** Resolves when the simulation shuts down: a person's pause ends early. */
  stopped: Promise<void>;
}

interface JourneyPlan {
  source: 'officer' | 'hotline';
  notFound: boolean;
  rejected: boolean;
  cancelIn: string | null;
  wrongDepartment: boolean;
  extension: { approve: boolean } | null;
  suspension: { approve: boolean } | null;
  reworks: number;
}

function drawPlan(random: Random, rates: SidePathRates): JourneyPlan {
  const source = random.chance(0.45) ? 'officer' : 'hotline';
  return {
    source,
    // An officer's own report starts verified: nothing to find.
    notFound: source === 'hotline' && random.chance(rates.notFound),
    rejected: random.chance(rates.rejected),
    cancelIn: random.chance(rates.cancelled) ? random.pick(['filed', 'dispatched', 'handling']) : null,
    wrongDepartment: random.chance(rates.wrongDepartment),
    extension: random.chance(rates.extension) ? { approve: random.chance(0.8) } : null,
    suspension: random.chance(rates.suspension) ? { approve: random.chance(0.7) } : null,
    reworks: random.chance(rates.rework) ? (random.chance(0.2) ? 2 : 1) : 0,
  };
}

/** Mean seconds each person takes before acting, at pace 1. */
const humanDelay = {
  officerVerify: 8,
  shiftLead: 3,
  dispatcher: 3,
  handlerAccept: 5,
  handlerWork: 15,
  officerCheck: 8,
  decision: 3,
  suspended: 20,
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The handler account of a department (`dept-1501-sanitation-150102` → `handler-sanitation-150102`). */
export const handlerOf = (departmentId: string) => `handler-${departmentId.replace(/^dept-\d+-/, '')}`;

/** A department that is not the responsible one, for a dispatch that will be returned. */
function wrongDepartmentFor(c: SimCase): string {
  const district = c.districtCode ?? c.gridCode.slice(0, 6);
  const city = district.slice(0, 4);
  const suggested = c.suggestedDepartmentId ?? '';
  const other = suggested.includes('enforcement') ? 'sanitation' : 'enforcement';
  return `dept-${city}-${other}-${district}`;
}

class JourneyAbandoned extends Error {}

export async function runJourney(ctx: JourneyContext, index: number, random: Random): Promise<void> {
  const plan = drawPlan(random, ctx.rates);
  const reportedAt = Date.now();
  let current: SimCase | null;
  try {
    current = await report(ctx, index, plan, random);
  } catch (error) {
    count(
      ctx.tally.abandoned,
      error instanceof SystemUnavailableError ? 'report: no answer' : 'report: error',
    );
    return;
  }
  if (current === null) return;
  try {
    await follow(ctx, current, plan, random);
    ctx.tally.cycleSeconds.push((Date.now() - reportedAt) / 1000);
  } catch (error) {
    const reason =
      error instanceof JourneyAbandoned
        ? error.message
        : error instanceof SystemUnavailableError
          ? 'no answer'
          : `error: ${error instanceof Error ? error.message : String(error)}`;
    count(ctx.tally.abandoned, reason);
  } finally {
    ctx.live?.forget(current.id);
  }
}

async function report(ctx: JourneyContext, index: number, plan: JourneyPlan, random: Random) {
  const key = `${ctx.runId}-${index}`;
  const problem = ctx.city.pickProblem(random);
  const reporter = plan.source === 'officer' ? random.pick(ctx.city.officers) : ctx.desk.operator;
  const location =
    plan.source === 'officer' ? await ctx.city.patrolPoint(reporter, random) : ctx.city.cityPoint(random);
  const body = {
    source: plan.source,
    categoryCode: problem.categoryCode,
    // The key in the text lets a check find every case a report made, retries included.
    description: `${problem.description} [${key}]`,
    location,
    urgency: random.chance(0.1) ? 'urgent' : 'normal',
    ...(plan.source === 'hotline'
      ? {
          reporter: {
            name: random.pick(['王先生', '李女士', '张先生', '刘女士', '市民']),
            phone: phoneNumber(random),
          },
          callId: `12345-${key}`,
          wantsCallback: random.chance(0.3),
        }
      : {}),
  };
  ctx.tally.reportsSent++;
  const started = performance.now();
  const answer = await ctx.api.post(reporter, '/api/intake/reports', body, { idempotencyKey: key });
  ctx.tally.latencies.push(performance.now() - started);
  const parsed = caseViewSchema.safeParse(answer.body);
  if (answer.status !== 201 || !parsed.success) {
    ctx.tally.reportsRefused++;
    count(ctx.tally.refusals, `report ${answer.status} ${problemCode(answer.body) ?? ''}`.trim());
    return null;
  }
  ctx.tally.acknowledged.push({
    idempotencyKey: key,
    reporter,
    caseId: parsed.data.id,
    caseNo: parsed.data.caseNo,
    source: plan.source,
  });
  count(ctx.tally.commands, 'report');
  return parsed.data;
}

function phoneNumber(random: Random): string {
  return `13${Math.floor(random.between(0, 1e9)).toString().padStart(9, '0')}`;
}

/** Lets the owner of the case's state act until the case ends. */
async function follow(ctx: JourneyContext, start: SimCase, plan: JourneyPlan, random: Random): Promise<void> {
  let c = start;
  let refusals = 0;
  const done = { extension: false, suspension: false };
  const pause = (mean: number) =>
    ctx.pace === 0
      ? Promise.resolve()
      : Promise.race([sleep(random.exponential(mean * ctx.pace * 1000)), ctx.stopped]);
  const read = async (): Promise<SimCase> => {
    const answer = await ctx.api.get(ctx.desk.shiftLead, `/api/cases/${c.id}`);
    const parsed = caseViewSchema.safeParse(answer.body);
    if (answer.status !== 200 || !parsed.success) {
      throw new JourneyAbandoned(`read ${answer.status} ${problemCode(answer.body) ?? ''}`.trim());
    }
    return parsed.data;
  };
  /** A person's command: the case it answers, or the case read again after a refusal. */
  const act = async (user: string, command: string, path: string, body: object = {}): Promise<SimCase> => {
    const started = performance.now();
    const answer = await ctx.api.post(user, `/api/${path.replace('{id}', c.id)}`, {
      ...body,
      expectedVersion: c.version,
    });
    ctx.tally.latencies.push(performance.now() - started);
    const parsed = caseViewSchema.safeParse(answer.body);
    if (answer.status === 200 && parsed.success) {
      count(ctx.tally.commands, command);
      return parsed.data;
    }
    const code = problemCode(answer.body) ?? '';
    const detail =
      typeof answer.body === 'object' && answer.body !== null && 'detail' in answer.body
        ? String(answer.body.detail)
        : '';
    if (answer.status === 404 && detail.startsWith('no route')) {
      throw new JourneyAbandoned(`route missing: ${path.split('/{id}/')[0]}/…/${path.split('/').at(-1)}`);
    }
    count(ctx.tally.refusals, `${command} ${answer.status} ${code}`.trim());
    refusals++;
    if (refusals > 8) throw new JourneyAbandoned(`refused too often in ${c.state}`);
    return read();
  };
  let waitingSince = Date.now();
  let waitingVersion = c.version;
  /** Waits for a worker to move the case on. */
  const awaitWorker = async (): Promise<SimCase> => {
    if (c.version !== waitingVersion) {
      waitingVersion = c.version;
      waitingSince = Date.now();
    }
    if (Date.now() - waitingSince > ctx.stuckAfterMs) throw new JourneyAbandoned(`stuck in ${c.state}`);
    if (ctx.live) await ctx.live.changed(c.id, c.version, 1_000);
    else await sleep(250);
    return read();
  };

  for (let steps = 0; !isTerminalState(c.state); steps++) {
    if (steps > 200) throw new JourneyAbandoned(`too many steps in ${c.state}`);
    if (ctx.stopping()) throw new JourneyAbandoned('simulation ended');
    if (plan.cancelIn === c.state) {
      await pause(humanDelay.shiftLead);
      c = await act(ctx.desk.shiftLead, 'cancel', 'dispatch/cases/{id}/cancel', { reason: '市民撤回诉求' });
      if (c.state === 'cancelled') count(ctx.tally.sidePaths, 'cancelled');
      plan.cancelIn = null;
      continue;
    }
    switch (c.state) {
      case 'reported':
      case 'handled':
        c = await awaitWorker();
        break;
      case 'verifying': {
        if (c.assignee === null) {
          c = await awaitWorker();
          break;
        }
        await pause(humanDelay.officerVerify);
        c = await act(c.assignee, 'verify', 'dispatch/cases/{id}/verify', {
          found: !plan.notFound,
          note: plan.notFound ? '现场未发现' : '现场核实属实',
        });
        if (c.state === 'rejected') count(ctx.tally.sidePaths, 'not found on site');
        break;
      }
      case 'verified':
        await pause(humanDelay.shiftLead);
        if (plan.rejected) {
          c = await act(ctx.desk.shiftLead, 'reject', 'dispatch/cases/{id}/reject', {
            reason: '不属于受理范围',
          });
          if (c.state === 'rejected') count(ctx.tally.sidePaths, 'rejected');
        } else {
          c = await act(ctx.desk.shiftLead, 'file', 'dispatch/cases/{id}/file');
        }
        break;
      case 'filed': {
        if (c.suggestedDepartmentId === null && Date.now() - waitingSince < 5_000) {
          // The dispatch worker names the responsible department shortly after filing.
          c = await awaitWorker();
          break;
        }
        await pause(humanDelay.dispatcher);
        const wrong = plan.wrongDepartment && (c.returnCount ?? 0) === 0;
        const target = wrong ? wrongDepartmentFor(c) : (c.suggestedDepartmentId ?? wrongDepartmentFor(c));
        c = await act(ctx.desk.dispatcher, 'dispatch', 'dispatch/cases/{id}/dispatch', {
          departmentId: target,
        });
        break;
      }
      case 'dispatched': {
        const department = c.departmentId;
        if (department === null) throw new JourneyAbandoned('dispatched without a department');
        await pause(humanDelay.handlerAccept);
        if (plan.wrongDepartment && (c.returnCount ?? 0) === 0 && department !== c.suggestedDepartmentId) {
          c = await act(handlerOf(department), 'return', 'handling/cases/{id}/return', {
            reason: '不属于本单位职责',
          });
          if (c.state === 'filed') count(ctx.tally.sidePaths, 'returned');
        } else {
          c = await act(handlerOf(department), 'accept', 'handling/cases/{id}/accept');
        }
        break;
      }
      case 'handling': {
        const handler = handlerOf(c.departmentId ?? '');
        if (c.pendingRequest) {
          await pause(humanDelay.decision);
          const extension = c.pendingRequest.kind === 'extension';
          const approve = (extension ? plan.extension?.approve : plan.suspension?.approve) ?? true;
          const kind = extension ? 'extension' : 'suspension';
          c = await act(ctx.desk.dispatcher, `decide ${kind}`, `dispatch/cases/{id}/${kind}/decide`, {
            approve,
          });
          count(ctx.tally.sidePaths, `${kind} ${approve ? 'approved' : 'denied'}`);
        } else if (plan.extension && !done.extension) {
          done.extension = true;
          await pause(humanDelay.handlerAccept);
          c = await act(handler, 'request extension', 'handling/cases/{id}/extension', {
            workMinutes: 120,
            reason: '等待专用车辆',
          });
        } else if (plan.suspension && !done.suspension) {
          done.suspension = true;
          await pause(humanDelay.handlerAccept);
          c = await act(handler, 'request suspension', 'handling/cases/{id}/suspension', {
            reason: '需市政道路施工后处理',
          });
        } else {
          await pause(humanDelay.handlerWork);
          c = await act(handler, 'complete', 'handling/cases/{id}/complete', { note: '已处理完毕' });
        }
        break;
      }
      case 'suspended':
        await pause(humanDelay.suspended);
        c = await act(handlerOf(c.departmentId ?? ''), 'resume', 'handling/cases/{id}/resume');
        break;
      case 'reviewing': {
        if (c.assignee === null) {
          c = await awaitWorker();
          break;
        }
        await pause(humanDelay.officerCheck);
        const fixed = c.reworkCount >= plan.reworks;
        c = await act(c.assignee, 'check', 'supervision/cases/{id}/check', {
          fixed,
          note: fixed ? '已整改到位' : '未整改到位',
        });
        if (!fixed && c.state === 'handling') count(ctx.tally.sidePaths, 'rework');
        break;
      }
      case 'reviewed':
        await pause(humanDelay.shiftLead);
        c = await act(ctx.desk.shiftLead, 'close', 'supervision/cases/{id}/close');
        break;
      default:
        throw new JourneyAbandoned(`unknown state ${c.state}`);
    }
  }
  count(ctx.tally.finished, c.state);
}
