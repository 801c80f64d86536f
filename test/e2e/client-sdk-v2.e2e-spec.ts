import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClientCodec, GameClient, type GameClientOptions, type Room, type RoomTypes } from '../../client/src';
import type { ArenaRoom } from '../../client/kinds/arena';
import type { CtfRoom } from '../../client/kinds/ctf';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import { ConnectionPool } from '../../src/connection';
import { RoomRegistry } from '../../src/rooms';
import type { StateDescription } from '../../src/state';
import { useGateway } from '../support/gateway';
import { serverView } from '../support/state-client';

const CODECS: [string, () => ClientCodec | undefined][] = [
  ['json', () => undefined],
  ['protobuf', () => new ProtobufCodec()],
];

/**
 * The SDK on protocol v2 against the real gateway: its mirror (`room.state`) equals the server's
 * state of the room, its callbacks and events follow the game, and a resume's keyframe reports only
 * what changed while the client was away. Frames of the server's own state library are covered
 * bit for bit by the SDK's property spec; this proves the two meet over real sockets.
 */
describe.each(CODECS)('client SDK on protocol v2 over real sockets (%s)', (name, makeCodec) => {
  const gateway = useGateway({ TICK_RATE: '50', RESUME_GRACE_MS: '30000' });
  const clients: GameClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  const connect = async (options: GameClientOptions = {}) => {
    const client = new GameClient(gateway.wsUrl, { protocol: 2, codec: makeCodec(), reconnect: { baseMs: 20, capMs: 200 }, ...options });
    clients.push(client);
    await client.connect();
    return client;
  };
  const room = (roomId: string) => gateway.app.get(RoomRegistry).get(roomId)!;
  /** The server's state of the room, as a mirror must show it. */
  const server = (roomId: string) => serverView(room(roomId).state, room(roomId).kind.descriptor as unknown as StateDescription);
  /** The SDK's typed state the same way: the room's fields as entity 0, then every entity. */
  const sdk = (r: Room<RoomTypes>) =>
    JSON.parse(JSON.stringify([{ id: 0, type: 'room', ...r.state.room }, ...r.state.entities.values()].sort((a, b) => a.id - b.id))) as unknown;
  /** Resolves once `predicate` holds, checked now and after every `state` event of the room. */
  const until = <T extends RoomTypes>(r: Room<T>, predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      if (predicate()) return resolve();
      const off = r.on('state', () => predicate() && (off(), resolve()));
    });
  const equalsServer = <T extends RoomTypes>(r: Room<T>) => until(r, () => JSON.stringify(sdk(r as unknown as Room<RoomTypes>)) === JSON.stringify(server(r.id)));

  it("should keep room.state equal to the server's state from the join's keyframe and the deltas after it", async () => {
    const roomId = `sdk-v2-arena-${name}`;
    const a = await connect();
    const b = await connect();
    const roomA = await a.join<ArenaRoom>(roomId, { nickname: 'ann' });
    const roomB = await b.join<ArenaRoom>(roomId, { nickname: 'bob' });
    expect([a.wireVersion, a.tickRate]).toEqual([2, 50]);
    expect(roomA.kind).toBe('arena');
    expect(roomA.schema).toEqual(JSON.parse(readFileSync(join(__dirname, '../../docs/schemas/arena.json'), 'utf8')));
    // The join's keyframe is the state last published: players that joined since come in the next delta.
    await until(roomA, () => roomA.state.entities.size === 2);
    await until(roomB, () => roomB.state.entities.size === 2);
    const ann = roomA.myEntity!.id;
    const seenByB: string[] = [];
    roomB.onChange('player', (p, fields) => p.id === ann && seenByB.push(fields.join()));

    for (let i = 1; i <= 5; i++) roomA.sendInput('move', { position: { x: i * 1.5, y: -i, z: 0 }, input_seq: i });
    await roomA.send('move', { position: { x: 12.25, y: 3, z: 0 } });
    await until(roomA, () => roomA.myEntity?.x === 12.25);
    await equalsServer(roomA);
    await equalsServer(roomB);
    expect(roomB.state.get(ann)).toEqual(expect.objectContaining({ x: 12.25, y: 3 }));
    expect(seenByB.length).toBeGreaterThan(0);
    for (const r of [roomA, roomB]) expect(r.stateStats).toEqual(expect.objectContaining({ keyframes: 1, refusedDeltas: 0, badFrames: 0 }));
    expect(a.debugStats.unroutedStateFrames).toBe(0);
  });

  it('should create a room of the kind named with its options, and deliver its events after the state that shows them', async () => {
    const roomId = `sdk-v2-ctf-${name}`;
    const red = await connect();
    const blue = await connect();
    const redRoom = await red.join<CtfRoom>(roomId, { kind: 'ctf', create: { score_to_win: 1 } });
    const blueRoom = await blue.join<CtfRoom>(roomId);
    expect(room(roomId).options).toEqual({ score_to_win: '1' });
    const blueFlag = () => [...redRoom.state.ofType('flag')].find((flag) => flag.team === 'blue')!;
    const taken = new Promise<[number, number]>((resolve) => redRoom.onEvent('flag_taken', ({ by }) => resolve([by, blueFlag().carrier])));
    const phases: string[] = [];
    blueRoom.listen('room', 'phase', (phase) => phases.push(phase));
    const over = new Promise((resolve) => blueRoom.onEvent('match_over', resolve));

    await redRoom.send('move', { position: { x: 40, y: 0, z: 0 } }); // onto the blue flag
    const [by, carrierThen] = await taken;
    expect(by).toBe(redRoom.myEntity!.id);
    expect(carrierThen).toBe(by); // the frame that shows the flag carried came first
    await redRoom.send('move', { position: { x: -40, y: 0, z: 0 } }); // home: scores, and wins with score_to_win 1
    expect(await over).toEqual({ winner: 'red' });
    await until(blueRoom, () => blueRoom.state.room.phase === 'over');
    expect(blueRoom.state.room).toEqual({ phase: 'over', red: 1, blue: 0, winner: 'red' });
    expect(phases).toEqual(['play', 'over']);
  });

  it('should resume after a drop and report only what changed while away, keeping the objects of the rest', async () => {
    const roomId = `sdk-v2-resume-${name}`;
    const a = await connect();
    // b's reconnect waits at getToken() until the test lets it go (open mode: the token is ignored).
    let gate: Promise<void> | undefined;
    let release = () => {};
    const b = await connect({ getToken: async () => (await gate, 'open-mode') });
    const roomA = await a.join<ArenaRoom>(roomId);
    const roomB = await b.join<ArenaRoom>(roomId);
    // The join's keyframe is the state last published: players that joined since come in the next delta.
    await until(roomB, () => roomB.state.entities.size === 2);
    const me = roomB.myEntity!;
    const log: string[] = [];
    roomB.onAdd('player', (p) => log.push(`add ${p.id}`), { immediate: false });
    roomB.onRemove('player', (p) => log.push(`remove ${p.id}`));
    roomB.onChange('player', (p, fields) => log.push(`change ${p.id} ${fields.join()}`));
    const resumed = new Promise((resolve) => roomB.on('resumed', resolve));

    gate = new Promise((resolve) => (release = resolve));
    const reconnecting = new Promise((resolve) => b.on('reconnecting', resolve));
    gateway.app.get(ConnectionPool).get(b.clientId!)?.socket.terminate();
    await reconnecting;
    await roomA.send('move', { position: { x: 30, y: 20, z: 0 } });
    await until(roomA, () => roomA.myEntity?.x === 30); // applied on the server while b is away
    release();
    await resumed;
    await equalsServer(roomB);
    expect(log).toEqual([`change ${roomA.myEntity!.id} x,y`]);
    expect(roomB.myEntity).toBe(me);
    expect(roomB.stateStats).toEqual(expect.objectContaining({ keyframes: 2, refusedDeltas: 0, badFrames: 0 }));
  });
});
