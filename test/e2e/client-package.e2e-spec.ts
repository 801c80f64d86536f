import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { GameClient } from '../../client/src';
import { launchChromium } from '../support/browser';
import { installPackedClient, runNode, typecheck } from '../support/client-package';
import { useGateway } from '../support/gateway';

const FIXTURES = join(__dirname, '../fixtures/client-package');

/**
 * The SDK as people install it (issue #16 bug 5 and item 7): `npm pack`, installed offline into an
 * empty project, then a short game against a real gateway from Node as an ES module and as
 * CommonJS (Node 20 has no global WebSocket: the declared `ws` dependency must work), TypeScript
 * consumers with node16 resolution (CommonJS: TS1479 before; and ESM), and the script-tag build
 * in Chromium.
 */
describe('the packed SDK installed in an empty project', () => {
  // A grace short enough that a ghost would show as reason "timeout" well within the test's time.
  const gateway = useGateway({ RESUME_GRACE_MS: '5000' });
  let project: string;
  let browser: Browser | undefined;
  let files: Server | undefined;

  beforeAll(async () => {
    ({ project } = await installPackedClient());
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (files ? files.close(resolve) : resolve(undefined)));
  });

  it.each([
    ['game.mjs', 'json'],
    ['game.mjs', 'protobuf'],
    ['game.cjs', 'json'],
    ['game.cjs', 'protobuf'],
  ])('should play a short game from Node with %s (%s), over the ws dependency', async (file, codec) => {
    copyFileSync(join(FIXTURES, file), join(project, file));
    const output = JSON.parse(await runNode(project, [file, gateway.wsUrl, codec])) as object;
    expect(output).toEqual({
      text: `hello from ${file === 'game.mjs' ? 'esm' : 'cjs'}/${codec}`,
      moved: { x: 3, y: 4, z: 0 },
      nativeWebSocket: typeof (globalThis as { WebSocket?: unknown }).WebSocket === 'function',
    });
  });

  it.each([
    ['CommonJS', undefined],
    ['ESM', 'module'],
  ])('should type-check a TypeScript consumer (%s, moduleResolution node16)', async (_kind, type) => {
    const dir = join(project, `ts-${type ?? 'commonjs'}`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join(FIXTURES, 'consumer.ts.txt'), join(dir, 'consumer.ts')); // .txt: not part of this repository's own type check
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `ts-${type ?? 'commonjs'}`, private: true, ...(type ? { type } : {}) }));
    const compilerOptions = { module: 'node16', moduleResolution: 'node16', target: 'es2022', strict: true, noEmit: true, lib: ['es2022', 'dom'], types: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts'] }));
    await typecheck(dir);
  });

  describe('in Chromium, from one <script> tag', () => {
    const serve = async (bundle: string) => {
      const dist = join(project, 'node_modules/@game-gateway/client/dist/browser');
      files = createServer((request, response) => {
        const path = new URL(request.url!, 'http://x').pathname;
        if (path === '/bundle.js') response.setHeader('content-type', 'text/javascript').end(readFileSync(join(dist, bundle)));
        else if (path === '/') response.setHeader('content-type', 'text/html').end(readFileSync(join(FIXTURES, 'index.html')));
        else response.writeHead(404).end();
      });
      await new Promise<void>((resolve) => files!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    };
    const page = async (origin: string, codec: string, room: string) => {
      browser ??= await launchChromium();
      const tab = await browser.newPage();
      await tab.goto(`${origin}/?ws=${encodeURIComponent(gateway.wsUrl)}&codec=${codec}&room=${room}&name=tab`);
      await tab.waitForFunction(() => (globalThis as unknown as { result?: unknown }).result !== undefined, undefined, { timeout: 20000 });
      return tab;
    };
    afterEach(async () => {
      await new Promise((resolve) => (files ? files.close(resolve) : resolve(undefined)));
      files = undefined;
    });

    it.each([
      ['game-gateway.min.js', 'json'],
      ['game-gateway.protobuf.min.js', 'protobuf'],
    ])('should play a short game with %s (%s)', async (bundle, codec) => {
      const tab = await page(await serve(bundle), codec, `script-tag-${codec}`);
      expect(await tab.evaluate(() => (globalThis as unknown as { result: unknown }).result)).toEqual({
        text: 'hello from the browser',
        clientId: expect.any(String),
      });
      await tab.close();
    });

    // Issue #16 bug 4: a closed tab closed with 1001, which starts the resume grace: the player
    // stayed in the room as a ghost for ~31 s. The SDK now ends the session (close 1000) when
    // the page is hidden for good, so the others see it leave at once, "disconnected", not "timeout".
    it('should leave the room at once when the tab is closed', async () => {
      const watcher = new GameClient(gateway.wsUrl);
      await watcher.connect();
      const room = await watcher.join('tab-close');
      const tab = await page(await serve('game-gateway.min.js'), 'json', 'tab-close');
      const left = new Promise<string>((resolve) => room.on('player_left', (event) => resolve(event.reason)));
      await tab.close({ runBeforeUnload: true });
      expect(await left).toBe('disconnected');
      watcher.close();
    });
  });
});
