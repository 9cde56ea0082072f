/**
 * @urbangrid/domain — the pure rules of grid-based urban management (数字城管). No I/O.
 */

export * from './calendar/calendar-coverage.js';
export * from './calendar/calendar-error.js';
export * from './calendar/lights.js';
export * from './calendar/local-day.js';
export * from './calendar/local-day-start.js';
export * from './calendar/local-time.js';
export * from './calendar/working-calendar.js';
export * from './calendar/working-time.js';
export * from './codes/admin-code.js';
export * from './codes/catalogue.js';
export * from './codes/catalogue-classes.js';
export * from './codes/category-code.js';
export * from './codes/city-code.js';
export * from './codes/code-error.js';
export * from './codes/code-schemas.js';
export * from './codes/component-code.js';
export * from './codes/grid-code.js';
export * from './codes/urgency.js';
export * from './indicators/bands.js';
export * from './indicators/evaluate.js';
export * from './indicators/evaluation-config.js';
export * from './indicators/indicator-definitions.js';
export * from './indicators/rate.js';
export * from './indicators/scoring.js';
export * from './indicators/subject-counts.js';
export * from './integrations/police110.js';
export * from './integrations/reporter-updates.js';
export * from './integrations/webhook-events.js';
export * from './lifecycle/actors.js';
export * from './lifecycle/case-names.js';
export * from './lifecycle/commands.js';
export * from './lifecycle/follow-ups.js';
export * from './lifecycle/lifecycle.js';
export * from './lifecycle/outcome.js';
export * from './lifecycle/plan.js';
export * from './lifecycle/snapshot.js';
export * from './lifecycle/states.js';
export * from './maps/base-map-setting.js';
export * from './random/seeded-random.js';
export * from './region/inspection-rounds.js';
export * from './region/periods.js';
export * from './region/plan-targets.js';
export * from './region/ranking-score.js';
export * from './region/surveys.js';
