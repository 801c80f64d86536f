import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Module, type Type } from '@nestjs/common';
import * as ts from 'typescript';
import { GameRoomHarness } from '../../src/game-api/testing';
import { type RunningGateway, startGateway } from '../support/gateway';
import { StateClient } from '../support/state-client';

// The README's "Adding a room kind" shows a whole kind, `duel`. Newcomers copy it: it must
// compile against the current game API and play as the README says, in the harness and over real
// sockets. The block is taken from the README as written, only its imports re-pointed.
const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'test/.generated/readme-duel');
const FILE = join(OUT, 'duel.logic.ts');

function writeReadmeDuel(): void {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /```ts\n(\/\/ src\/games\/duel\/duel\.logic\.ts\n[\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('README: no ```ts block starting with "// src/games/duel/duel.logic.ts"');
  const src = `${relative(OUT, join(ROOT, 'src')).replace(/\\/g, '/')}/`;
  mkdirSync(OUT, { recursive: true });
  writeFileSync(FILE, block[1].replace(/from '\.\.\/\.\.\//g, `from '${src}`));
}

function typeErrors(): string[] {
  const { config } = ts.readConfigFile(join(ROOT, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  const program = ts.createProgram([FILE], { ...options, noEmit: true, incremental: false });
  return ts.getPreEmitDiagnostics(program).map((d) => `${d.file ? relative(ROOT, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

describe('README: the duel kind of "Adding a room kind"', () => {
  let DuelLogic: Type<any>;
  beforeAll(() => {
    writeReadmeDuel();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    DuelLogic = require(FILE).DuelLogic;
  });

  it('should compile against the game API without a type error', () => {
    expect(typeErrors()).toEqual([]);
  }, 60_000);

  it('should play as written in the harness: ten hits in reach knock out, a win, a new round, the loser back at full health', () => {
    const room = new GameRoomHarness(new DuelLogic());
    room.join('ann');
    room.join('bob');
    expect([room.entity('ann').x, room.entity('bob').x]).toEqual([-5, 5]);
    room.act('ann', { action: 'hit', target_id: room.ref('bob').entityId });
    expect(room.entity('bob').hp).toBe(100); // out of reach: a miss
    room.act('ann', { action: 'step', position: { x: 4, y: 0, z: 0 } });
    for (let i = 0; i < 10; i++) room.act('ann', { action: 'hit', target_id: room.ref('bob').entityId });
    expect(room.events.map((e) => [e.name, e.data])).toEqual([['knockout', { winner: room.ref('ann').entityId }]]);
    expect([room.entity('ann').wins, room.entity('bob').hp, room.entity('bob').x, room.state.room.round]).toEqual([1, 100, -5, 1]);
  });

  describe('over real sockets, added by a module', () => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      @Module({ providers: [DuelLogic] })
      class DuelModule {}
      gateway = await startGateway({ ROOM_KINDS: 'duel-*=duel', TICK_RATE: '50' }, { modules: [DuelModule] });
    });
    afterAll(() => gateway?.close());

    it('should send both fighters the knockout event and a state with the win', async () => {
      const { state: ann } = await StateClient.connect(gateway.wsUrl, 'proto');
      const { state: bob } = await StateClient.connect(gateway.wsUrl, 'json');
      try {
        await ann.join('duel-1', { user_id: 'ann' });
        await bob.join('duel-1', { user_id: 'bob' });
        const both = await ann.until('duel-1', (r) => r.mirror.entities.size === 3, 'both fighters (and the room)');
        const at = (x: number) => [...both.mirror.entities.keys()].find((id) => both.mirror.view(id)!.x === x);
        const [annId, bobId] = [at(-5), at(5)];
        ann.client.send('game_action', { action: 'step', position: { x: 4, y: 0, z: 0 } });
        for (let i = 0; i < 10; i++) ann.client.send('game_action', { action: 'hit', target_id: bobId });
        for (const fighter of [ann, bob]) {
          const knockout = await fighter.client.next('room_event', (e) => e.payload.name === 'knockout');
          expect(knockout.payload.data).toEqual({ winner: annId });
          const room = await fighter.until('duel-1', (r) => r.mirror.view(annId!)?.wins === 1, 'the win in the state');
          expect(room.mirror.view(bobId!)).toEqual(expect.objectContaining({ hp: 100, x: -5 }));
          expect(room.mirror.view(0)).toEqual(expect.objectContaining({ round: 1 }));
        }
      } finally {
        await Promise.all([ann.close(), bob.close()]);
      }
    });
  });
});
