import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useGateway } from '../support/gateway';
import { useClients } from '../support/test-client';

const run = promisify(execFile);

/** The README's server API block: its variable lines and its curl commands (continuation lines joined, comments dropped). */
function readmeBlock(): { key: string; commands: string[] } {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Server API for backend services'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
  const lines = block.replace(/\\\n\s*/g, '').split('\n').filter(Boolean);
  const key = /^KEY=(\S+)$/m.exec(block)![1];
  const commands = lines.filter((line) => line.startsWith('curl ')).map((line) => line.replace(/\s+#.*$/, ''));
  return { key, commands };
}

/**
 * Every curl example of the README's "Server API for backend services", run as written (with
 * GATEWAY pointing at a test gateway) against two players in room "lobby": each answers 200.
 */
describe('README server API examples', () => {
  const { key, commands } = readmeBlock();
  const gateway = useGateway({ SERVER_API_KEY: key });
  const { connect } = useClients(() => gateway.wsUrl);

  it('should have one curl per API route', () => {
    const routes = commands.map((c) => /\$GATEWAY(\/api\/[^\s"?]+)/.exec(c)![1].replace(/lobby/, ':room').replace(/alice/, ':player'));
    expect(routes.sort()).toEqual([
      '/api/instances',
      '/api/players/:player',
      '/api/players/:player/events',
      '/api/players/:player/kick',
      '/api/rooms',
      '/api/rooms/:room',
      '/api/rooms/:room/close',
      '/api/rooms/:room/events',
      '/api/rooms/:room/history',
    ]);
  });

  it('should answer every example with 200, in the README order', async () => {
    for (const user of ['alice', 'bob']) {
      const { client } = await connect();
      client.send('join_room', { room_id: 'lobby', user_id: user });
      await client.next('room_joined');
    }
    for (const command of commands) {
      const { stdout } = await run('bash', ['-c', `${command} -w '\\n%{http_code}'`], { env: { ...process.env, GATEWAY: gateway.httpUrl, KEY: key } });
      expect([command, stdout.trim().split('\n').pop()]).toEqual([command, '200']);
    }
  });
});
