export * from './engine-harness.js';
export * from './demo-cases.js';
