export { type Random, seededRandom } from '@urbangrid/domain';
export * from './api-client.js';
export * from './case-journey.js';
export * from './case-view.js';
export * from './city-model.js';
export * from './live-watch.js';
export * from './simulation.js';
export * from './tally.js';
