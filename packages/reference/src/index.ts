export * from './calendar-coverage.js';
export * from './city-calendars.js';
export * from './holiday-loader.js';
export * from './public-holidays.js';
export * from './reference-changes.js';
export * from './reference-data.js';
export * from './reference-errors.js';
