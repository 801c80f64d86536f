import { DECLARED_VARIABLES } from './env-var';
import './index';

/**
 * The gateway's own secrets, as declared: a bad value stops the startup with a message that names
 * the variable and never its value (startup errors end up in logs and CI output).
 */
describe('secret configuration variables', () => {
  it.each([
    ['AUTH_SECRET', 'short-s3cret'],
    ['RESUME_TOKEN_SECRET', 'not-32-characters-s3cret'],
    ['REDIS_URL', 'http://:s3cret-password@redis.example:6379'],
    ['SERVER_API_KEY', 'short-s3cret'],
    ['ADMIN_API_KEY', 'has a s3cret space in it'],
  ])('should refuse a bad %s and name it without printing its value', (name, value) => {
    const variable = DECLARED_VARIABLES.get(name)!;
    expect(variable.secret).toBe(true);
    expect(() => variable.parse(value)).toThrow(name);
    expect(() => variable.parse(value)).not.toThrow(value);
  });
});
