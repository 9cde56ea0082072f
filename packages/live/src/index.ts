export * from './live-messages.js';
