export * from './app.js';
export * from './cases.js';
export * from './fuzz.js';
export * from './log-lines.js';
export * from './probe-routes.js';
export * from './role-matrix.js';
export * from './text-inputs.js';
