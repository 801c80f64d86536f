import { configNamespace, intVar } from './env-var';

export const historyConfig = configNamespace('history', {
  maxEvents: intVar('HISTORY_MAX_EVENTS', {
    default: 1000,
    min: 1,
    max: 1_000_000,
    doc: 'Reliable events kept per room for resume replay',
  }),
  maxAgeMs: intVar('HISTORY_MAX_AGE_MS', {
    default: 300000,
    min: 1000,
    max: 86_400_000,
    doc: 'Reliable events older than this are not replayed',
  }),
});
