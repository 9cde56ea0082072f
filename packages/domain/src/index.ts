/**
 * @urbangrid/domain — the pure rules of grid-based urban management (数字城管). No I/O.
 */

export * from './calendar/lights.js';
export * from './codes/urgency.js';
export * from './lifecycle/actors.js';
export * from './lifecycle/commands.js';
export * from './lifecycle/follow-ups.js';
export * from './lifecycle/lifecycle.js';
export * from './lifecycle/plan.js';
export * from './lifecycle/snapshot.js';
export * from './lifecycle/states.js';
