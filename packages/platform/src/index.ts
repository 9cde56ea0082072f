export * from './config.js';
export * from './local-infrastructure.js';
