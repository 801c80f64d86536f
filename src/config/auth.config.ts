import { configNamespace, stringVar } from './env-var';

export const authConfig = configNamespace('auth', {
  secret: stringVar('AUTH_SECRET', {
    secret: true,
    default: '',
    pattern: /^.{16,}$/,
    expected: 'at least 16 characters (an HS256 key; 32 random bytes recommended)',
    doc: 'HS256 key of the JWTs clients present at the upgrade (`?token=` or subprotocol `token.<jwt>`); empty runs in open mode',
  }),
});
