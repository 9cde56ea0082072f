export * from './cases.js';
export * from './infrastructure.js';
export * from './people.js';
export * from './reference.js';
export * from './rollups.js';
export * from './gazetteer.js';
export * from './publications.js';
