import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** client/docs/api is generated from the SDK's types by TypeDoc; it must match the code. */
describe('SDK API reference', () => {
  it('should be current (regenerate with npm run docs:client)', async () => {
    const script = join(__dirname, '../../client/scripts/api-docs.cjs');
    await expect(promisify(execFile)(process.execPath, [script, '--check'])).resolves.toEqual(expect.objectContaining({ stderr: '' }));
  }, 60000);
});
