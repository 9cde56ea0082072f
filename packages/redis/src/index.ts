export * from './connection-trouble.js';
export * from './redis-connection.js';
export * from './subscribe-when-ready.js';
