/** Actors and snapshots shared by the lifecycle tests. */
import { integrationActor, systemActor, userActor } from '../lifecycle/actors.js';
import type { CaseSnapshot } from '../lifecycle/snapshot.js';
import { zeroCounters } from '../lifecycle/snapshot.js';
import type { CaseState } from '../lifecycle/states.js';

export const actors = {
  officer1: userActor('officer1', ['grid_officer']),
  officer2: userActor('officer2', ['grid_officer']),
  operator: userActor('operator1', ['intake_operator']),
  shiftLead: userActor('shiftlead1', ['shift_lead']),
  dispatcher: userActor('dispatcher1', ['dispatcher']),
  handlerD1: userActor('handler-D1', ['department_handler'], ['D1']),
  handlerD2: userActor('handler-D2', ['department_handler'], ['D2']),
  supervisor: userActor('supervisor1', ['supervisor']),
  regionSupervisor: userActor('region1', ['region_supervisor']),
  admin: userActor('admin', ['admin']),
  hotline: integrationActor('hotline-12345'),
  system: systemActor('test-worker'),
} as const;

const withDepartment: readonly CaseState[] = [
  'dispatched',
  'handling',
  'suspended',
  'handled',
  'reviewing',
  'reviewed',
  'closed',
];

/** A plausible case in `state`: the officer1 task where one is held, department D1 once dispatched. */
export function snapshotIn(state: CaseState, overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    ...zeroCounters,
    state,
    source: 'hotline',
    reporter: null,
    selfHandled: false,
    assignee: state === 'verifying' || state === 'reviewing' ? 'officer1' : null,
    departmentId: withDepartment.includes(state) ? 'D1' : null,
    pendingRequest: null,
    requestedExtensionMinutes: null,
    checkPassed: state === 'reviewed' || state === 'closed',
    light: 'green',
    urgency: 'normal',
    supervised: false,
    firstDepartmentId: withDepartment.includes(state) ? 'D1' : null,
    returnedByDepartmentIds: [],
    lastReturnReason: null,
    closureType: state === 'closed' ? 'on_time' : null,
    dispatchCount: withDepartment.includes(state) ? 1 : 0,
    ...overrides,
  };
}
