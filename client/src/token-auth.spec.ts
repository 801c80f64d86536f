import WebSocket from 'ws';
import { CloseCode } from './close-codes';
import { GameClient, type GameClientOptions } from './game-client';
import { FakeGateway } from './testing/fake-gateway';
import type { WebSocketConstructor } from './websocket';

/**
 * The SDK side of token lifetime (issue #13 items 2 and 3) against a scripted fake gateway:
 * `getToken()` on connect, on every reconnect and before expiry (`refresh` / `refreshed`), and the
 * close-code policy for 4100 Unauthorized / 4101 TokenExpired (ask for a token once, else stop).
 */
describe('GameClient tokens', () => {
  let gateway: FakeGateway;
  let client: GameClient;
  let issued: number;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    issued = 0;
  });
  afterEach(async () => {
    client?.close();
    await gateway.close();
  });

  const make = (options: GameClientOptions = {}) =>
    (client = new GameClient(gateway.url, {
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      reconnect: { baseMs: 1, capMs: 5 },
      getToken: async () => `jwt-${++issued}`,
      ...options,
    }));
  const closedEvent = () => new Promise<{ code: number }>((resolve) => client.on('closed', resolve));

  it('should present the token of getToken() on connect as a token.<jwt> subprotocol entry', async () => {
    make();
    const connecting = client.connect();
    const server = await gateway.connection(0);
    expect(server.offered).toEqual(['game.v1.json', 'token.jwt-1']);
    server.welcome('me');
    await connecting;
  });

  it('should ask getToken() again for every reconnect', async () => {
    make();
    const connecting = client.connect();
    const first = await gateway.connection(0);
    first.welcome('me');
    await connecting;
    first.ws.terminate();
    const second = await gateway.connection(1);
    expect(second.token).toBe('jwt-2');
    await second.next('resume');
  });

  it('should refresh the token before it expires: refresh {token} from getToken(), then plan the next one from refreshed', async () => {
    make({ tokenRefreshMarginMs: 1000 });
    const connecting = client.connect();
    const server = await gateway.connection(0);
    server.welcome('me', { token_expires_at: Date.now() + 1200 });
    await connecting;
    const refresh = await server.next('refresh');
    expect(refresh.payload).toEqual({ token: 'jwt-2' });
    server.send('refreshed', { token_expires_at: Date.now() + 1200 });
    server.ack(refresh.id!);
    const again = await server.next('refresh');
    expect(again.payload).toEqual({ token: 'jwt-3' });
  });

  it('should report a refused refresh as token_refresh_failed and keep the connection', async () => {
    make({ tokenRefreshMarginMs: 1000 });
    const connecting = client.connect();
    const server = await gateway.connection(0);
    server.welcome('me', { token_expires_at: Date.now() + 1100 });
    await connecting;
    const failed = new Promise<{ error: Error }>((resolve) => client.on('token_refresh_failed', resolve));
    server.error('UNAUTHORIZED', await server.next('refresh'));
    expect((await failed).error).toEqual(expect.objectContaining({ code: 'UNAUTHORIZED' }));
    expect(client.connectionState).toBe('open');
  });

  it.each([CloseCode.TokenExpired, CloseCode.Unauthorized])(
    'should ask getToken() once after a %i close and reconnect (resuming) with the new token',
    async (code) => {
      make();
      const connecting = client.connect();
      const first = await gateway.connection(0);
      first.welcome('me');
      await connecting;
      first.ws.close(code, 'token');
      const second = await gateway.connection(1);
      expect(second.token).toBe('jwt-2');
      await second.next('resume');
    },
  );

  it('should stop after a second refusal in a row: auth_failed, closed, no further attempt', async () => {
    make();
    const events: string[] = [];
    const connecting = client.connect();
    const first = await gateway.connection(0);
    first.welcome('me');
    await connecting;
    client.on('auth_failed', ({ code }) => events.push(`auth_failed ${code}`));
    client.on('reconnecting', ({ code }) => events.push(`reconnecting ${code}`));
    const closed = closedEvent();
    first.ws.close(CloseCode.TokenExpired, 'expired');
    const second = await gateway.connection(1);
    second.ws.close(CloseCode.Unauthorized, 'bad token');
    expect((await closed).code).toBe(CloseCode.Unauthorized);
    expect(events).toEqual(['reconnecting 4101', 'auth_failed 4100']);
    expect(client.connectionState).toBe('closed');
    expect(gateway.connections).toHaveLength(2);
  });

  it('should stop at once without getToken(): connect() rejects with AUTH_FAILED, auth_failed fires, no retry', async () => {
    make({ getToken: undefined });
    const events: string[] = [];
    client.on('auth_failed', ({ code }) => events.push(`auth_failed ${code}`));
    client.on('reconnecting', () => events.push('reconnecting'));
    const connecting = client.connect();
    const server = await gateway.connection(0);
    server.ws.close(CloseCode.Unauthorized, 'token missing');
    await expect(connecting).rejects.toEqual(expect.objectContaining({ code: 'AUTH_FAILED' }));
    expect(events).toEqual(['auth_failed 4100']);
    expect(gateway.connections).toHaveLength(1);
  });

  it('should allow one retry per session again after a successful welcome', async () => {
    make();
    const connecting = client.connect();
    const first = await gateway.connection(0);
    first.welcome('me');
    await connecting;
    first.ws.close(CloseCode.TokenExpired, 'expired');
    const second = await gateway.connection(1);
    await second.next('resume');
    second.welcome('me'); // resumed
    second.ws.close(CloseCode.TokenExpired, 'expired again, much later');
    const third = await gateway.connection(2);
    expect(third.token).toBe('jwt-3');
  });
});
