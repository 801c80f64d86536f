import { Module } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { defineActions, type GameLogic, GameRoomKind, type PlayerRef, type RoomContext } from '../../src/game-api';
import { RoomRegistry } from '../../src/rooms';
import { defineState, type StateDescription, t } from '../../src/state';
import { useGateway } from '../support/gateway';
import { DEBIAN_PYTHON } from '../support/required-tools';
import { serverView } from '../support/state-client';

const CLIENT_DIR = join(__dirname, '../../clients/python');
const RUN_LIMIT_MS = 60000;

/** A kind with a field of every type, so that the wire carries strings, lists, maps and wrap-arounds too. */
const allTypesState = defineState({
  room: { turn: t.uint16(), label: t.string({ maxLength: 16 }) },
  entities: {
    thing: {
      i8: t.int8(),
      i16: t.int16(),
      i32: t.int32(),
      u32: t.uint32(),
      f: t.float({ precision: 0.1 }),
      b: t.bool(),
      e: t.enum(['a', 'b', 'c']),
      s: t.string({ maxLength: 32 }),
      words: t.list(t.string({ maxLength: 8 }), { maxLength: 4 }),
      nums: t.list(t.int16(), { maxLength: 4 }),
      counts: t.map(t.uint8(), { maxEntries: 4 }),
    },
    crate: { n: t.uint8().withDefault(7), marks: t.list(t.enum(['x', 'y']), { maxLength: 4 }) },
  },
});
type AllTypesCtx = RoomContext<typeof allTypesState>;

/**
 * What `step` (position.x = the turn) writes into the stepping player's thing. Turns 2 and 3 put
 * values at the edges of their types, and nothing overwrites them after: the final state that
 * the test compares holds them (turn 3's are reached by differences from turn 1's).
 */
const TURNS = [
  { i8: 1, i16: 0, i32: 0, u32: 4294967295, f: 0.3, b: true, e: 'b', s: 'start', words: ['only'], nums: [], counts: { z: 0 } },
  { i8: -128, i16: 32767, i32: 2147483647, u32: 5, f: 123456.7, b: false, e: 'a', s: '', words: [], nums: [32767], counts: {} },
  { i8: 127, i16: -32768, i32: -2147483648, u32: 4000000000, f: -12.3, b: true, e: 'c', s: 'héllo ✓', words: ['x', 'y'], nums: [-5, 300], counts: { b: 2, a: 255 } },
] as const;

@GameRoomKind('all-types', { state: allTypesState })
class AllTypesLogic implements GameLogic<typeof allTypesState> {
  readonly actions = defineActions<AllTypesCtx>()({
    step: { position: 'required', run: (ctx, player, { position }) => this.step(ctx, player, position.x) },
  });
  onCreate(ctx: AllTypesCtx) {
    ctx.state.room.label = 'fresh';
    ctx.state.spawn('crate', { marks: ['y'] });
  }
  onJoin(ctx: AllTypesCtx, player: PlayerRef) {
    ctx.state.spawn('thing', {}, player);
  }
  onLeave(ctx: AllTypesCtx, player: PlayerRef) {
    const thing = ctx.state.get(player.entityId);
    if (thing) ctx.state.despawn(thing);
  }
  private step(ctx: AllTypesCtx, player: PlayerRef, turn: number) {
    if (turn === 2) {
      // A respawn: despawn and spawn of the same entity id in one frame; and a new crate.
      ctx.state.despawn(ctx.state.get(player.entityId)!);
      ctx.state.spawn('thing', {}, player);
      ctx.state.spawn('crate', { n: 250, marks: ['x', 'x', 'y'] });
    }
    Object.assign(ctx.state.get(player.entityId)!, TURNS[turn - 1]);
    Object.assign(ctx.state.room, { turn, label: turn === 2 ? '' : `turn ${turn} ✓` });
  }
}
@Module({ providers: [AllTypesLogic] })
class AllTypesModule {}

type Entities = Record<string, Record<string, unknown>>;
interface Report {
  codec: string;
  rooms: Record<string, { kind: string; events: string[]; mirrors: Record<string, { frame: number; refused: number[]; entities: Entities }> }>;
}

/** Float fields rounded to their precision, the same way for the server and the Python mirror (only representation noise goes). */
function normalize(entities: Entities, description: StateDescription): Entities {
  const round = (value: unknown, precision: number) => Math.round((value as number) / precision) * precision;
  return Object.fromEntries(
    Object.entries(entities).map(([id, entity]) => {
      const type = description.types.find((t) => t.name === entity.type)!;
      const fields = type.fields.map((f) => [f.name, f.type === 'float' ? round(entity[f.name], f.precision as number) : entity[f.name]]);
      return [id, { type: entity.type, ...Object.fromEntries(fields) }];
    }),
  );
}

/**
 * Runs the scripted game (clients/python/play_scripted_game.py --hold): resolves with its one
 * line of output while its clients are still connected; `finish()` lets it disconnect and exit.
 */
function playScriptedGame(wsUrl: string, codec: string) {
  const args = [join(CLIENT_DIR, 'play_scripted_game.py'), wsUrl, '--codec', codec, '--prefix', `py-${codec}`, '--all-types', '--hold'];
  const child = spawn(DEBIAN_PYTHON, args, { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
  const limit = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, stderr });
    }),
  );
  const output = new Promise<Report>((resolve, reject) => {
    child.stdout.on('data', () => stdout.includes('\n') && resolve(JSON.parse(stdout.slice(0, stdout.indexOf('\n'))) as Report));
    void exited.then(({ code }) => reject(new Error(`the Python client exited with ${code} before its report:\n${stderr}${stdout}`)));
  });
  return { output, finish: () => (child.stdin.end(), exited) };
}

/**
 * A second-language client from the docs only: the Python client in clients/python (Debian's
 * python3-protobuf and python3-websockets, code generated by protoc from proto/game.proto at run
 * time) plays a scripted game against the real gateway in both v2 codecs; each of its clients'
 * mirrors must equal the server's state exactly.
 *
 * Broken on purpose, one at a time: with update records applied as absolute values
 * (state_mirror.py, `absolute = True` for op 0) every test here fails (the scripted walks never
 * arrive: positions jump to the differences); with unsigned integers wrapped as signed ones
 * the scripted game completes and the comparison fails (`u32` 4000000000 read as -294967296).
 */
describe('Python client (clients/python): the v2 wire from the docs, in another language', () => {
  const gateway = useGateway({ TICK_RATE: '50' }, { modules: [AllTypesModule] });

  it('should apply hand-written frames of every field type and refuse a delta not at frame + 1', async () => {
    const child = spawn(DEBIAN_PYTHON, ['-m', 'unittest', 'discover', '-s', CLIENT_DIR], { env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } });
    let output = '';
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/^Ran \d+ tests in .*\n\nOK\n$/m) });
  });

  it.each(['json', 'proto'])('should play ctf, arena and all-types over game.v2.%s with every mirror equal to the server state', async (codec) => {
    const game = playScriptedGame(gateway.wsUrl, codec);
    try {
      const report = await game.output;
      const rooms = gateway.app.get(RoomRegistry);
      expect(Object.keys(report.rooms).sort()).toEqual([`py-${codec}-all-types`, `py-${codec}-arena`, `py-${codec}-ctf`]);
      for (const [roomId, mirrored] of Object.entries(report.rooms)) {
        const room = rooms.get(roomId)!;
        const description = room.kind.descriptor as unknown as StateDescription;
        const server = Object.fromEntries(serverView(room.state, description).map(({ id, ...fields }) => [String(id), fields]));
        expect(mirrored.kind).toBe(room.kind.name);
        for (const [player, mirror] of Object.entries(mirrored.mirrors)) {
          expect({ roomId, player, refused: mirror.refused, entities: normalize(mirror.entities, description) }).toEqual({
            roomId,
            player,
            refused: [],
            entities: normalize(server, description),
          });
        }
      }
      expect(report.rooms[`py-${codec}-ctf`].events).toEqual(['flag_taken', 'scored', 'match_over']);
    } finally {
      expect(await game.finish()).toEqual({ code: 0, stderr: '' });
    }
  });
});
