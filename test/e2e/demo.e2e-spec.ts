import type { Browser, Page } from 'playwright-core';
import { GameClient } from '../../client/src';
import { launchChromium } from '../support/browser';
import { type RunningGateway, startGateway, untilReady } from '../support/gateway';
import { type RedisServer, startRedis } from '../support/redis';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildDemo } = require('../../demo/build.js') as { buildDemo(): Promise<void> };

interface DemoPlayer {
  player_id: string;
  nickname: string;
  position: { x: number; y: number };
  health: number;
  score: number;
}
interface DemoWorld {
  cells: number[];
  area: { x: number; y: number; width: number; height: number } | undefined;
  cellSize: number;
  bots: number;
  players: number;
  drawn: { id: number; type: string; x: number; y: number }[];
  entered: number;
  left: number;
}
declare const document: { getElementById(id: string): { textContent: string | null } | null };
/** What demo/main.ts exposes on `window` for this test (page functions run in the browser). */
declare const window: {
  demo: {
    protocol: number;
    kind: string;
    status(): string;
    joins(): number;
    clientId(): string | undefined;
    players(): DemoPlayer[];
    me(): DemoPlayer | undefined;
    world(): DemoWorld | undefined;
  };
};

/**
 * The demo page in real headless Chromium: two players spawn apart, see each other's names, moves,
 * attacks and chat, and come back after a server restart: rejoined fresh without Redis (the server
 * forgot them), resumed with Redis (the sessions survived).
 */
describe('demo page in a browser', () => {
  let browser: Browser;
  let gateway: RunningGateway | undefined;
  /** A second instance (Redis runs only), where the room runs while `gateway` restarts. */
  let owner: RunningGateway | undefined;
  let redis: RedisServer | undefined;
  /** A client of the test's own; closed after each test even when it failed (it would reconnect after the test ended). */
  let host: GameClient | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    await buildDemo();
    browser = await launchChromium();
  }, 60000);
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
    host?.close();
    host = undefined;
    await gateway?.close();
    gateway = undefined;
    await owner?.close();
    owner = undefined;
    await redis?.close();
    redis = undefined;
  });
  afterAll(() => browser?.close());

  /** Opens the page; protocol v2 is its default, `1` adds `?protocol=1`; `extra` adds query parameters. */
  const open = async (name: string, room: string, protocol = 2, extra = ''): Promise<Page> => {
    const page = await browser.newPage();
    pages.push(page);
    await page.goto(`http://127.0.0.1:${gateway!.port}/?room=${room}&name=${name}${protocol === 1 ? '&protocol=1' : ''}${extra}`);
    await page.waitForFunction(() => window.demo?.status() === 'open');
    return page;
  };
  const sees = (page: Page, nickname: string) =>
    page.waitForFunction((n) => window.demo.players().some((p) => p.nickname === n), nickname);
  const playerOn = (page: Page, nickname: string) =>
    page.evaluate((n) => window.demo.players().find((p) => p.nickname === n), nickname);
  /** Waits for the page's status line to read `status`; a timeout names what it read instead, and the page's log. */
  const untilStatus = async (page: Page, status: string, timeout = 20000) => {
    try {
      await page.waitForFunction((s) => window.demo.status() === s, status, { timeout });
    } catch (error) {
      const seen = await page.evaluate(() => `${window.demo.status()} (${document.getElementById('detail')?.textContent}); log: ${document.getElementById('log')?.textContent}`);
      throw new Error(`status never became ${status}: ${seen}`, { cause: error });
    }
  };
  /** Restarts the gateway on the same port with `env`; `whileDown` runs while no server is there. */
  const restart = async (env: Record<string, string>, whileDown: () => Promise<void> = async () => {}) => {
    const { port } = gateway!;
    await gateway!.close();
    gateway = undefined;
    await whileDown();
    gateway = await startGateway({ ...env, PORT: String(port) });
  };

  // Protocol 2 (the default): the page draws the room's typed state (the SDK's mirror, callbacks,
  // interpolation); protocol 1 (`?protocol=1`): `sync` snapshots. The same game must come out.
  it.each([1, 2])('should play on protocol v%i: spawn apart, names, moves, an attack, chat and the room events in the log', async (protocol) => {
    gateway = await startGateway({ TICK_RATE: '30', ARENA_ATTACK_RANGE: '1000' });
    const a = await open('alice', `play-v${protocol}`, protocol);
    const b = await open('bob', `play-v${protocol}`, protocol);
    expect(await a.evaluate(() => [window.demo.protocol, window.demo.kind])).toEqual([protocol, 'arena']);
    await sees(a, 'bob');
    await a.locator('#log').getByText('bob joined').waitFor();
    const alice = (await playerOn(a, 'alice'))!;
    const bob = (await playerOn(a, 'bob'))!;
    expect(Math.hypot(alice.position.x - bob.position.x, alice.position.y - bob.position.y)).toBeGreaterThan(50);

    // One step at a time, each seen by alice before the next key: the page moves from where it
    // shows its player, and its prediction of an unconfirmed step lapses after 500 ms, so three
    // quick keys on a CI machine slow enough to hold the frames back longer could add up to less
    // (a CI run timed out waiting for +30).
    await b.locator('#world').focus();
    for (let step = 1; step <= 3; step++) {
      await b.keyboard.press('ArrowRight');
      await a.waitForFunction((x) => window.demo.players().find((p) => p.nickname === 'bob')?.position.x === x, bob.position.x + 10 * step);
    }

    await a.locator('#world').focus();
    await a.keyboard.press(' '); // attack the nearest player: bob
    await b.waitForFunction(() => window.demo.me()?.health === 90); // ARENA_ATTACK_DAMAGE 10
    await a.waitForFunction(() => window.demo.me()?.score === 1);
    await a.locator('#scores').getByText('bob: 0 pts, 90 hp').waitFor();
    expect(await b.locator('#health').textContent()).toBe('90');

    await b.locator('#text').fill('hello from bob');
    await b.locator('#text').press('Enter');
    await a.locator('#log').getByText('bob: hello from bob').waitFor();
  }, 60000);

  // Issue #17 item 3: the old check ("A sees bob after restart") passed on a players map that was
  // never cleared, even with bob's page closed before the restart. Here bob's page closes while
  // the server is down, so A gets no player_left: only a fresh state can be without bob.
  // Deliberate break, tried: keeping the previous room's players after the rejoin (demo.players()
  // reading the old room) made the "no bob" wait below time out.
  it.each([1, 2])('should rejoin fresh after a restart without Redis, and show it, with a state that is really new (protocol v%i)', async (protocol) => {
    const env = { TICK_RATE: '30', RESUME_GRACE_MS: '2000' };
    gateway = await startGateway(env);
    const a = await open('alice', `rejoin-v${protocol}`, protocol);
    const b = await open('bob', `rejoin-v${protocol}`, protocol);
    await sees(a, 'bob');

    await restart(env);
    for (const page of [a, b]) await untilStatus(page, 'rejoined');
    await sees(a, 'bob');
    expect(await a.evaluate(() => window.demo.joins())).toBe(2);
    await a.locator('#detail').getByText('fresh session').waitFor();
    await a.locator('#log').getByText('the server forgot our session: joining again').waitFor();

    await restart(env, async () => {
      await b.close({ runBeforeUnload: true });
      pages.splice(pages.indexOf(b), 1);
    });
    await a.waitForFunction(() => window.demo.joins() === 3, undefined, { timeout: 20000 });
    await a.waitForFunction(() => window.demo.players().map((p) => p.nickname).join() === 'alice');
  }, 90000);

  // A rolling restart with Redis: the pages' instance restarts while the room runs on another one
  // (the instance a first player created it on). Restarting the room's own instance is a failover
  // instead: until its lease moves, a resume there fails ("the server running room … did not
  // answer") and the page rejoins fresh; that is the room core's to improve, not the page's.
  it.each([1, 2])('should resume after a restart with Redis: same session and room, status resumed (protocol v%i)', async (protocol) => {
    redis = await startRedis();
    const env = { TICK_RATE: '30', REDIS_URL: redis.url, RESUME_TOKEN_SECRET: 'demo-e2e-secret-0123456789abcdef', RESUME_GRACE_MS: '30000' };
    owner = await startGateway(env);
    gateway = await startGateway(env);
    await untilReady([owner!, gateway!], 'both instances ready');
    host = new GameClient(owner.wsUrl);
    await host.connect();
    await host.join(`resume-v${protocol}`, { nickname: 'host' }); // the room runs on `owner`
    const a = await open('alice', `resume-v${protocol}`, protocol);
    const b = await open('bob', `resume-v${protocol}`, protocol);
    await sees(a, 'bob');
    const clientId = await a.evaluate(() => window.demo.clientId());

    await restart(env);
    // A resume whose forwarded rejoin gets no answer waits ROOM_FORWARD_TIMEOUT_MS (5 s) and is
    // retried after a backoff. CI once ran past 20 s here, in a run where this file took 110 s;
    // not reproduced since (0 of 19 runs, 8 of them beside three CPU burners). A timeout names
    // the status and log the page saw.
    for (const page of [a, b]) await untilStatus(page, 'resumed', 40000);
    await a.locator('#detail').getByText('same session').waitFor();
    expect(await a.evaluate(() => window.demo.joins())).toBe(1);
    expect(await a.evaluate(() => window.demo.clientId())).toBe(clientId);
    await sees(a, 'bob');
    await b.locator('#text').fill('still here');
    await b.locator('#text').press('Enter');
    await a.locator('#log').getByText('bob: still here').waitFor();
  }, 90000);

  // World mode (`?kind=world`): a 'world' room with bots under interest management. The page holds
  // and draws only the 3 × 3 cells around its player: every entity drawn is inside the view's
  // square, which follows the player across a cell border, and bots come into and leave the view
  // (counted from onEnterView/onLeaveView: they walk, they are not spawned).
  it('should show the world mode: bots in view only, the view boundary around the player and following it', async () => {
    gateway = await startGateway({ TICK_RATE: '30' });
    const page = await open('walker', 'world-e2e', 2, '&kind=world&bots=600');
    expect(await page.evaluate(() => [window.demo.protocol, window.demo.kind])).toEqual([2, 'world']);
    const world = async () => (await page.evaluate(() => window.demo.world()))!;
    const drawnInView = (w: DemoWorld) =>
      w.drawn.filter((e) => !(e.x >= w.area!.x && e.x < w.area!.x + w.area!.width && e.y >= w.area!.y && e.y < w.area!.y + w.area!.height));
    await page.waitForFunction(() => {
      const w = window.demo.world();
      return w !== undefined && w.cells.length === 9 && w.bots > 0 && w.players === 1 && window.demo.me() !== undefined;
    });
    const before = await world();
    expect([before.cellSize, before.area!.width, before.area!.height]).toEqual([100, 300, 300]);
    expect(drawnInView(before)).toEqual([]);
    expect(before.bots).toBeLessThan(600 / 10); // 9 of 400 cells: a handful, not the world
    const me = (await page.evaluate(() => window.demo.me()))!;
    expect(me.position.x - before.area!.x).toBeGreaterThanOrEqual(100); // the player's cell is the middle one
    expect(me.position.x - before.area!.x).toBeLessThan(200);

    // Walk east into the next column of cells: the view's square moves one cell east.
    await page.locator('#world').focus();
    const presses = Math.ceil((before.area!.x + 205 - me.position.x) / 25);
    for (let i = 0; i < presses; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((x) => window.demo.world()?.area?.x === x, before.area!.x + 100);
    const after = await world();
    expect(after.area!.y).toBe(before.area!.y);
    expect(drawnInView(after)).toEqual([]);
    await page.waitForFunction(() => window.demo.world()!.entered > 0 && window.demo.world()!.left > 0, undefined, { timeout: 20000 });
  }, 60000);
});
