/**
 * One app with the four services over the test engine, a business clock the test moves, and small
 * helpers to call routes as the demo staff and read a case back with its timeline.
 */
import { dispatchService } from '@urbangrid/dispatch';
import { type Stage, systemActor, userActor } from '@urbangrid/domain';
import { applyCommand, type CommandRequest } from '@urbangrid/engine';
import { startTestEngine, type TestEngine, type TestEngineOptions } from '@urbangrid/engine/test-support';
import { handlingService } from '@urbangrid/handling';
import { intakeService } from '@urbangrid/intake';
import type { App, CaseDetail, CaseView } from '@urbangrid/platform';
import { bearer, buildTestApp, loginAs } from '@urbangrid/platform/test-support';
import { supervisionService } from '@urbangrid/supervision';
import { redisTest, type TestDatabase, type TestRedis } from '@urbangrid/test-support';
import { expect } from 'vitest';

/** Monday 2 March 2026, 09:00 in Hohhot: a working day on the office and patrol calendars. */
export const monday0900 = new Date('2026-03-02T09:00:00+08:00');

export const people = [
  'operator1',
  'shiftlead1',
  'dispatcher1',
  'supervisor1',
  'officer1',
  'officer2',
  'handler-sanitation-150102',
  'handler-enforcement-150102',
] as const;
export type Person = (typeof people)[number];

export const sanitation = 'dept-1501-sanitation-150102';
export const enforcement = 'dept-1501-enforcement-150102';

export interface Lifecycle {
  app: App;
  engine: TestEngine;
  clock: { now: Date };
  tokens: Record<Person, string>;
  /** POSTs as `who`; answers status and JSON body. */
  post(who: Person, url: string, body?: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  get(who: Person, url: string): Promise<{ status: number; body: unknown }>;
  /** A command route that must answer 200; returns the case view. */
  command(who: Person, url: string, body?: Record<string, unknown>): Promise<CaseView>;
  /** The case with its timeline, read as the shift lead. */
  read(caseId: string): Promise<CaseDetail>;
  /** A command issued straight to the engine, past the routes. */
  direct(request: CommandRequest): Promise<void>;
  close(): Promise<void>;
}

export async function startLifecycle(
  infra: { database: TestDatabase; redis: TestRedis },
  options: {
    engine?: Pick<TestEngineOptions, 'webhookSecret' | 'webhooks' | 'reporterUpdates' | 'logger'>;
  } = {},
): Promise<Lifecycle> {
  const clock = { now: new Date(monday0900) };
  const engine = await startTestEngine({
    database: infra.database,
    redis: infra.redis,
    now: () => clock.now,
    ...options.engine,
  });
  const app = await buildTestApp(infra, {
    services: [intakeService, dispatchService, handlingService, supervisionService].map((service) =>
      service({ engine: engine.context }),
    ),
  });
  await app.ready();
  const tokens = {} as Record<Person, string>;
  for (const person of people) tokens[person] = (await loginAs(app, person)).token;

  const send = async (method: 'GET' | 'POST', who: Person, url: string, body?: Record<string, unknown>) => {
    const response = await app.inject({ method, url, headers: bearer(tokens[who]), payload: body });
    return { status: response.statusCode, body: response.json() as unknown };
  };
  const lifecycle: Lifecycle = {
    app,
    engine,
    clock,
    tokens,
    post: (who, url, body = {}) => send('POST', who, url, body),
    get: (who, url) => send('GET', who, url),
    async command(who, url, body = {}) {
      const answer = await send('POST', who, url, body);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as CaseView;
    },
    async read(caseId) {
      const answer = await send('GET', 'shiftlead1', `/api/cases/${caseId}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body as CaseDetail;
    },
    async direct(request) {
      await applyCommand(engine.context, request);
    },
    async close() {
      await app.close();
      await engine.stop();
    },
  };
  return lifecycle;
}

/**
 * The lifecycle of a test file: started before its tests, closed after them, its clock back at
 * Monday 09:00 before each test. Usable in the tests themselves (it forwards to the lifecycle
 * `beforeAll` started).
 */
export function lifecycleForFile(): Lifecycle {
  let started: Lifecycle | undefined;
  redisTest.beforeAll(async ({ database, redis }) => {
    started = await startLifecycle({ database, redis });
  });
  redisTest.afterAll(async () => {
    await started?.close();
  });
  redisTest.beforeEach(() => {
    if (started) started.clock.now = new Date(monday0900);
  });
  return new Proxy({} as Lifecycle, {
    get: (_target, key) => {
      if (started === undefined) throw new Error('the lifecycle starts in beforeAll; use it inside a test');
      return Reflect.get(started, key);
    },
  });
}

/** The commands of the timeline, in order. */
export const commandsOf = (detail: CaseDetail) => detail.timeline.map((entry) => entry.command);

/** An ISO instant in Hohhot's offset for readable expectations. */
export const at = (local: string) => new Date(`${local}+08:00`).toISOString();

/** The states a walk can stop in on its way, in order. */
export const walkStates = [
  'verifying',
  'verified',
  'filed',
  'dispatched',
  'handling',
  'reviewing',
  'reviewed',
] as const;
export type WalkState = (typeof walkStates)[number];

/**
 * Reports a new case (hotline, exposed garbage, grid of officer1) and walks it over HTTP, at the
 * current business clock, until it reaches `target`; returns its id.
 */
export async function walkTo(life: Lifecycle, target: WalkState): Promise<string> {
  const { reportTestCase } = await import('@urbangrid/engine/test-support');
  const { case: reported } = await reportTestCase(life.engine.context);
  await life.engine.settle();
  await walkCase(life, reported.id, target);
  return reported.id;
}

/** Turns an open case's light red, as its stage's deadline timer does at 100 %. */
export async function turnRed(life: Lifecycle, id: string): Promise<void> {
  const stage = (await life.read(id)).deadline.stage;
  if (stage === null) throw new Error(`case ${id} runs no stage clock`);
  await life.direct({
    caseId: id,
    command: { type: 'markOverdue', stage: stage as Stage, light: 'red' },
    actor: systemActor('deadline'),
  });
}

/**
 * Walks a reported case in the grid of officer1 (its verification assigned: settle first) over
 * HTTP, at the current business clock, until it reaches `target`; each officer's step is taken by
 * the officer the case is assigned to.
 */
export async function walkCase(life: Lifecycle, id: string, target: WalkState): Promise<void> {
  const officer = async () => (await life.read(id)).assignee ?? 'officer1';
  const assignee = async () => userActor(await officer(), ['grid_officer']);
  // Over HTTP as the demo officer signed in; another officer on duty straight to the engine.
  const verify = async () => {
    const who = await officer();
    if (people.includes(who as Person)) {
      return life.command(who as Person, `/api/dispatch/cases/${id}/verify`, { found: true });
    }
    return life.direct({ caseId: id, command: { type: 'verify', found: true }, actor: await assignee() });
  };
  const steps: Array<[WalkState, () => Promise<unknown>]> = [
    ['verified', verify],
    ['filed', () => life.command('shiftlead1', `/api/dispatch/cases/${id}/file`)],
    [
      'dispatched',
      () => life.command('dispatcher1', `/api/dispatch/cases/${id}/dispatch`, { departmentId: sanitation }),
    ],
    ['handling', () => life.command('handler-sanitation-150102', `/api/handling/cases/${id}/accept`)],
    [
      'reviewing',
      async () => {
        await life.command('handler-sanitation-150102', `/api/handling/cases/${id}/complete`, {
          note: 'done',
        });
        await life.engine.settle();
      },
    ],
    [
      'reviewed',
      async () =>
        life.direct({ caseId: id, command: { type: 'check', fixed: true }, actor: await assignee() }),
    ],
  ];
  if (target === 'verifying') return;
  for (const [state, step] of steps) {
    await step();
    if (state === target) break;
  }
  expect((await life.read(id)).state).toBe(target);
}
