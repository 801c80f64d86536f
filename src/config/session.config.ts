import { configNamespace, intVar } from './env-var';

export const sessionConfig = configNamespace('session', {
  resumeGraceMs: intVar('RESUME_GRACE_MS', {
    default: 30000,
    min: 0,
    max: 3_600_000,
    doc: 'How long a dropped client keeps its session, rooms and seat',
  }),
});
