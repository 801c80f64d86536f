export * from './close-codes';
export * from './client-schemas';
export * from './envelopes';
export * from './error-codes';
export * from './message-types';
export * from './proto';
export * from './proto-table';
export * from './validation';
