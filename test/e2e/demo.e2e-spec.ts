import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { type RunningGateway, startGateway } from '../support/gateway';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildDemo } = require('../../demo/build.js') as { buildDemo(): Promise<void> };

/** What demo/main.ts exposes on `window` for this test (page functions run in the browser). */
declare const window: { demo: { players: Map<string, { x: number; y: number; nickname: string }>; status(): string } };

/** The demo page in real headless Chromium: two players see each other move and chat, and survive a restart. */
describe('demo page in a browser', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  let port: number;

  beforeAll(async () => {
    await buildDemo();
    gateway = await startGateway({ TICK_RATE: '30', RESUME_GRACE_MS: '2000' });
    port = gateway.port;
    browser = await launchChromium();
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  const open = async (name: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/?room=browser&name=${name}`);
    await page.waitForFunction(() => window.demo?.status() === 'open');
    return page;
  };
  const positionOf = (page: Page, nickname: string) =>
    page.evaluate((n) => [...window.demo.players.values()].find((p) => p.nickname === n), nickname);

  it('should show B joining, moving and chatting on A, and reconnect both after a server restart', async () => {
    const a = await open('alice');
    const b = await open('bob');
    await a.waitForFunction(() => [...window.demo.players.values()].some((p) => p.nickname === 'bob'));
    await a.locator('#log').getByText('bob joined').waitFor();

    await b.locator('#world').focus();
    for (let i = 0; i < 3; i++) await b.keyboard.press('ArrowRight');
    await a.waitForFunction(
      () => [...window.demo.players.values()].find((p) => p.nickname === 'bob')?.x === 30,
    );
    expect(await positionOf(a, 'bob')).toEqual(expect.objectContaining({ x: 30, y: 0 }));

    await b.locator('#text').fill('hello from bob');
    await b.locator('#text').press('Enter');
    await a.locator('#log').getByText('bob: hello from bob').waitFor();

    // Restart the server on the same port: both pages must come back by themselves.
    await gateway.close();
    await a.waitForFunction(() => window.demo.status() !== 'open');
    gateway = await startGateway({ PORT: String(port), TICK_RATE: '30' });
    for (const page of [a, b]) {
      await page.waitForFunction(() => window.demo.status() === 'open', undefined, { timeout: 20000 });
    }
    // A's player map is never cleared, so "A still lists bob" proves nothing after a restart (it
    // passed with bob's page closed before the restart): bob moves and chats after the restart and
    // A must see both, which no state left from before can fake. Deliberate break tried: bob's page
    // closed before the restart (the old check passed 3 times in 4) fails here every time.
    await b.locator('#world').focus();
    await b.keyboard.press('ArrowRight');
    await a.waitForFunction(() => [...window.demo.players.values()].find((p) => p.nickname === 'bob')?.x !== 30);
    await b.locator('#text').fill('back after restart');
    await b.locator('#text').press('Enter');
    await a.locator('#log').getByText('bob: back after restart').waitFor();
    expect(await a.locator('#status').textContent()).toBe('open');
  }, 60000);
});
