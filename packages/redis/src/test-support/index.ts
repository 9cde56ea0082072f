export * from './local-cluster.js';
