export * from './client.js';
export * from './embedded-postgres.js';
export * from './migrate.js';
export * as schema from './schema/index.js';
export * from './schema/index.js';
export * from './test-database.js';
