/**
 * `allowedCommands` (what every case view tells its caller, and what the console draws its buttons
 * from) is what the command routes actually do: for every person, in every situation a case passes
 * through, each command listed is accepted by its route, and each other one is refused by its
 * route with the code the lifecycle table gives for that person and case (FORBIDDEN,
 * TRANSITION_NOT_ALLOWED), or NOT_FOUND where the person cannot see the case at all.
 */
import { caseSnapshotOf, cases } from '@urbangrid/db';
import {
  type CaseCommand,
  type HumanCommandType,
  planTransition,
  type Role,
  userActor,
} from '@urbangrid/domain';
import { commandRoutesOf } from '@urbangrid/platform/test-support';
import { redisTest } from '@urbangrid/test-support';
import { eq } from 'drizzle-orm';
import { describe, expect } from 'vitest';
import type { z } from 'zod';
import {
  type Lifecycle,
  lifecycleForFile,
  type Person,
  people,
  sanitation,
  turnRed,
  type WalkState,
  walkTo,
} from './lifecycle-harness.js';

type CaseCommandName = Exclude<HumanCommandType, 'report'>;

/** A valid body for each command route, and the command the engine is asked to apply for it. */
const requests: { [C in CaseCommandName]: { body: Record<string, unknown>; command: CaseCommand } } = {
  verify: { body: { found: true }, command: { type: 'verify', found: true } },
  file: { body: {}, command: { type: 'file' } },
  reject: { body: { reason: '不属于城管' }, command: { type: 'reject', reason: '不属于城管' } },
  handOverTo110: {
    body: { reason: '打架斗殴' },
    command: { type: 'handOverTo110', reason: '打架斗殴' },
  },
  dispatch: { body: { departmentId: sanitation }, command: { type: 'dispatch', departmentId: sanitation } },
  cancel: { body: { reason: '重复' }, command: { type: 'cancel', reason: '重复' } },
  accept: { body: {}, command: { type: 'accept' } },
  complete: { body: { note: '已清理' }, command: { type: 'complete' } },
  return: { body: { reason: '非本部门' }, command: { type: 'return', reason: '非本部门' } },
  requestExtension: {
    body: { workMinutes: 120, reason: '等配件' },
    command: { type: 'requestExtension', workMinutes: 120, reason: '等配件' },
  },
  decideExtension: { body: { approve: true }, command: { type: 'decideExtension', approve: true } },
  requestSuspension: { body: { reason: '待施工' }, command: { type: 'requestSuspension', reason: '待施工' } },
  decideSuspension: { body: { approve: true }, command: { type: 'decideSuspension', approve: true } },
  resume: { body: {}, command: { type: 'resume' } },
  check: { body: { fixed: true }, command: { type: 'check', fixed: true } },
  close: { body: {}, command: { type: 'close' } },
  superviseOrder: { body: { note: '尽快' }, command: { type: 'superviseOrder', note: '尽快' } },
  reassign: { body: { officer: 'officer2' }, command: { type: 'reassign', assignee: 'officer2' } },
  attachCall: {
    body: { description: '又一位市民来电', reporter: { name: '李四' } },
    command: { type: 'attachCall', callerId: 'caller-1' },
  },
};

const handler: Person = 'handler-sanitation-150102';

const walk = (state: WalkState) => (life: Lifecycle) => walkTo(life, state);

/**
 * The situations a case passes through (each walk state, a pending request, suspended, overdue),
 * and who is offered what there: the table read for the demo staff.
 */
const situations: Record<string, { reach: (life: Lifecycle) => Promise<string>; offered: string[] }> = {
  verifying: {
    reach: walk('verifying'),
    offered: [
      'operator1 attachCall',
      'shiftlead1 reject',
      'shiftlead1 handOverTo110',
      'shiftlead1 cancel',
      'shiftlead1 reassign',
      'officer1 verify',
    ],
  },
  verified: {
    reach: walk('verified'),
    offered: [
      'operator1 attachCall',
      'shiftlead1 file',
      'shiftlead1 reject',
      'shiftlead1 handOverTo110',
      'shiftlead1 cancel',
    ],
  },
  filed: {
    reach: walk('filed'),
    offered: [
      'operator1 attachCall',
      'shiftlead1 handOverTo110',
      'shiftlead1 cancel',
      'dispatcher1 dispatch',
    ],
  },
  dispatched: {
    reach: walk('dispatched'),
    offered: ['operator1 attachCall', 'shiftlead1 cancel', `${handler} accept`, `${handler} return`],
  },
  handling: {
    reach: walk('handling'),
    offered: [
      'operator1 attachCall',
      'shiftlead1 cancel',
      `${handler} complete`,
      `${handler} return`,
      `${handler} requestExtension`,
      `${handler} requestSuspension`,
    ],
  },
  'handling, extension pending': {
    reach: async (life) => {
      const id = await walkTo(life, 'handling');
      await life.command(handler, `/api/handling/cases/${id}/extension`, requests.requestExtension.body);
      return id;
    },
    offered: [
      'operator1 attachCall',
      'shiftlead1 cancel',
      'dispatcher1 decideExtension',
      `${handler} complete`,
      `${handler} return`,
    ],
  },
  suspended: {
    reach: async (life) => {
      const id = await walkTo(life, 'handling');
      await life.command(handler, `/api/handling/cases/${id}/suspension`, requests.requestSuspension.body);
      await life.command('dispatcher1', `/api/dispatch/cases/${id}/suspension/decide`, { approve: true });
      return id;
    },
    offered: ['operator1 attachCall', 'shiftlead1 cancel', `${handler} resume`],
  },
  reviewing: {
    reach: walk('reviewing'),
    offered: ['operator1 attachCall', 'shiftlead1 cancel', 'shiftlead1 reassign', 'officer1 check'],
  },
  reviewed: {
    reach: walk('reviewed'),
    offered: ['operator1 attachCall', 'shiftlead1 cancel', 'shiftlead1 close'],
  },
  'dispatched, overdue (red)': {
    reach: async (life) => {
      const id = await walkTo(life, 'dispatched');
      await turnRed(life, id);
      return id;
    },
    offered: [
      'operator1 attachCall',
      'shiftlead1 cancel',
      'supervisor1 superviseOrder',
      `${handler} accept`,
      `${handler} return`,
    ],
  },
};

describe('allowedCommands against the command routes', () => {
  const life = lifecycleForFile();

  /** The command's route that takes its body (`reject` has a second one: as a duplicate). */
  const routeOf = (command: CaseCommandName) => {
    const route = commandRoutesOf(life.app).find(
      (r) => r.command === command && (r.schema.body as z.ZodType).safeParse(requests[command].body).success,
    );
    if (!route) throw new Error(`no route for ${command}`);
    return (id: string) => route.url.replace(':id', id);
  };

  /** The person as the lifecycle table sees them (`GET /api/auth/me`). */
  const actorOf = async (who: Person) => {
    const me = (await life.get(who, '/api/auth/me')).body as {
      username: string;
      roles: Role[];
      departmentId: string | null;
    };
    return userActor(me.username, me.roles, me.departmentId === null ? [] : [me.departmentId]);
  };

  for (const [situation, { reach, offered }] of Object.entries(situations)) {
    redisTest(
      `${situation}: listed is accepted, the rest refused as the table says`,
      async ({ database }) => {
        const id = await reach(life);
        const [row] = await database.db.select().from(cases).where(eq(cases.id, id));
        if (!row) throw new Error('the case is there');
        const snapshot = caseSnapshotOf(row);

        const listed: Array<[Person, CaseCommandName]> = [];
        for (const who of people) {
          const view = await life.get(who, `/api/cases/${id}`);
          const visible = view.status === 200;
          if (!visible) expect(view.status, who).toBe(404);
          const allowed = visible
            ? (view.body as { allowedCommands: CaseCommandName[] }).allowedCommands
            : [];
          const actor = await actorOf(who);
          for (const command of Object.keys(requests) as CaseCommandName[]) {
            if (allowed.includes(command)) {
              listed.push([who, command]);
              continue;
            }
            const answer = await life.post(who, routeOf(command)(id), requests[command].body);
            const code = (answer.body as { code?: string }).code;
            const planned = planTransition(snapshot, requests[command].command, actor);
            const expected = planned.ok ? 'listed' : planned.code;
            const what = `${who} ${command} → ${answer.status} ${JSON.stringify(answer.body)}`;
            if (visible) expect(code, what).toBe(expected);
            // Unseen: refused as a stranger (403 for a role that never issues it, else 404).
            else expect(code === 'NOT_FOUND' || (code === 'FORBIDDEN' && !planned.ok), what).toBe(true);
          }
        }
        // Nothing refused changed the case.
        expect((await life.read(id)).version).toBe(row.version);
        expect(listed.map(([who, command]) => `${who} ${command}`).sort()).toEqual([...offered].sort());

        // Each listed command, on a case of its own in the same situation, is accepted.
        for (const [who, command] of listed) {
          const fresh = await reach(life);
          const answer = await life.post(who, routeOf(command)(fresh), requests[command].body);
          // Attaching a call adds the caller: 201.
          const accepted = command === 'attachCall' ? 201 : 200;
          expect(answer.status, `${who} ${command} → ${JSON.stringify(answer.body)}`).toBe(accepted);
        }
      },
    );
  }
});
