export * from './demo-cases.js';
export * from './engine-harness.js';
