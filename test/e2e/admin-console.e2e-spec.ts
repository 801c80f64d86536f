import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { useGateway } from '../support/gateway';
import { TestClient, useClients } from '../support/test-client';

const ADMIN_KEY = 'admin-console-key-0123456789';

/**
 * The admin console in headless Chromium against the real gateway: log in with the admin key,
 * watch a room appear when a WebSocket client joins, kick the client, close a room.
 */
describe('admin console in a browser', () => {
  const gateway = useGateway({ ADMIN_API_KEY: ADMIN_KEY, SERVER_API_KEY: 'server-key-not-for-the-console', TICK_RATE: '20' });
  const { connect } = useClients(() => gateway.wsUrl);
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60000);
  beforeEach(async () => {
    page = await browser.newPage();
    await page.goto(`${gateway.httpUrl}/admin`);
  });
  afterEach(() => page.close());
  afterAll(() => browser?.close());

  const logIn = async (key: string) => {
    await page.fill('#key', key);
    await page.click('#login button[type=submit]');
  };
  const roomRow = (roomId: string) => page.locator(`#rooms tbody tr[data-room="${roomId}"]`);

  it('should refuse a wrong key and the server API key, and log in with the admin key', async () => {
    await logIn('not-the-admin-key-at-all');
    await page.locator('#login-error', { hasText: 'Wrong key.' }).waitFor();
    await logIn('server-key-not-for-the-console');
    await page.locator('#login-error', { hasText: 'Wrong key.' }).waitFor();
    expect(await page.isHidden('#console')).toBe(true);
    await logIn(ADMIN_KEY);
    await page.locator('#instances tbody tr').first().waitFor();
    expect(await page.isVisible('#console')).toBe(true);
  });

  it('should show a room when a client joins, its member and state, and kick the client (closed with 4102)', async () => {
    await logIn(ADMIN_KEY);
    const zoe = await connect();
    zoe.client.send('join_room', { room_id: 'watched', user_id: 'zoe' });
    await zoe.client.next('room_joined');

    await roomRow('watched').waitFor();
    expect(await roomRow('watched').locator('td').nth(1).textContent()).toBe('arena');
    await roomRow('watched').click();
    const member = page.locator('#members tbody tr', { hasText: zoe.clientId });
    await member.waitFor();
    expect(await member.locator('td').first().textContent()).toBe('zoe');
    await page.locator('#state', { hasText: '"type": "player"' }).waitFor();

    await member.locator('button.kick').click();
    expect(await zoe.client.closed).toEqual({ code: 4102, reason: 'kicked by an admin' });
    await roomRow('watched').waitFor({ state: 'detached' });
    await page.locator('#members tbody tr').waitFor({ state: 'detached' });
  });

  it('should close a room from the console: every member removed', async () => {
    await logIn(ADMIN_KEY);
    const members: TestClient[] = [];
    for (const user of ['yan', 'xia']) {
      const { client } = await connect();
      client.send('join_room', { room_id: 'closable', user_id: user });
      await client.next('room_joined');
      members.push(client);
    }
    await roomRow('closable').click();
    await page.locator('#members tbody tr').nth(1).waitFor();
    await page.click('#close-room');
    await page.click('#close-room-confirm');
    for (const client of members) {
      const left = await client.next('player_left', (f) => f.payload.reason === 'kicked' && f.payload.player_id === (client === members[0] ? 'yan' : 'xia'));
      expect(left.payload.detail).toBe('room closed: closed by an admin');
    }
    await roomRow('closable').waitFor({ state: 'detached' });
  });
});

describe('admin console off by default', () => {
  const gateway = useGateway({ SERVER_API_KEY: 'server-key-0123456789abc' });

  it.each(['/admin', '/admin/console.js', '/admin/session'])('should answer 404 at %s while ADMIN_API_KEY is not set', async (path) => {
    const response = await fetch(`${gateway.httpUrl}${path}`, { headers: { authorization: 'Bearer server-key-0123456789abc' } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(expect.objectContaining({ error: 'API_OFF', message: expect.stringContaining('ADMIN_API_KEY') }));
  });
});
