export * from './cases.js';
export * from './gazetteer.js';
export * from './infrastructure.js';
export * from './notices.js';
export * from './people.js';
export * from './publications.js';
export * from './reference.js';
export * from './rollups.js';
