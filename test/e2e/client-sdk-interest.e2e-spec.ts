import { type ClientCodec, GameClient, type Room } from '../../client/src';
import type { WorldRoom } from '../../client/kinds/world';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import { RoomRegistry } from '../../src/rooms';
import type { StateDescription } from '../../src/state';
import { useGateway } from '../support/gateway';
import { serverView } from '../support/state-client';

const CODECS: [string, () => ClientCodec | undefined][] = [
  ['json', () => undefined],
  ['protobuf', () => new ProtobufCodec()],
];

/** A small deterministic PRNG (mulberry32), so that a failure names its seed. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};

/**
 * The SDK in an interest-managed room (the shipped `world` kind: cells of 100, a 3 × 3 view) over
 * real sockets: its mirror equals the server's state restricted to the client's view, and
 * `onEnterView`/`onLeaveView` fire for the entities that come into and leave the view, apart from
 * `onAdd`/`onRemove` (spawns and despawns in the world).
 */
describe.each(CODECS)('client SDK in an interest-managed room over real sockets (%s)', (name, makeCodec) => {
  const gateway = useGateway({ TICK_RATE: '50' });
  const clients: GameClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });

  const connect = async () => {
    const client = new GameClient(gateway.wsUrl, { protocol: 2, codec: makeCodec() });
    clients.push(client);
    await client.connect();
    return client;
  };
  const serverRoom = (roomId: string) => gateway.app.get(RoomRegistry).get(roomId)!;
  /** The server's state of the room restricted to what `client` sees (the server's own bookkeeping of its view). */
  const inView = (roomId: string, client: GameClient) => {
    const room = serverRoom(roomId);
    return serverView(room.state, room.kind.descriptor as unknown as StateDescription, room.views.get(client.clientId!)!.cells);
  };
  const sdk = (r: Room<WorldRoom>) =>
    JSON.parse(JSON.stringify([{ id: 0, type: 'room', ...r.state.room }, ...r.state.entities.values()].sort((a, b) => a.id - b.id))) as Record<string, unknown>[];
  /** Resolves once `predicate` holds, checked now and after every `state` event of the room. */
  const until = (r: Room<WorldRoom>, predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      if (predicate()) return resolve();
      const off = r.on('state', () => predicate() && (off(), resolve()));
    });
  const seesAsServer = (r: Room<WorldRoom>, client: GameClient) => JSON.stringify(sdk(r)) === JSON.stringify(inView(r.id, client));
  /** Every entity callback of the room as `<what> <id>`, in firing order. */
  const record = (r: Room<WorldRoom>) => {
    const log: string[] = [];
    r.onAdd('player', (e) => log.push(`add ${e.id}`), { immediate: false });
    r.onAdd('bot', (e) => log.push(`add ${e.id}`), { immediate: false });
    r.onRemove('player', (e) => log.push(`remove ${e.id}`));
    r.onRemove('bot', (e) => log.push(`remove ${e.id}`));
    r.onEnterView((e) => log.push(`enter ${e.id}`));
    r.onLeaveView((e) => log.push(`leave ${e.id}`));
    return log;
  };
  const move = (r: Room<WorldRoom>, x: number, y: number) => r.sendInput('move', { position: { x, y, z: 0 } });

  // A walker crosses the observer's view from east to west along y = 50; the observer sees x from
  // -100 to 200. It enters once, stays one object across the borders in view, leaves once, and is
  // never added or removed: it walked, it was not spawned or despawned. Deliberate break tried: the
  // server leaving out the crossing record before the spawn in the new cell ("arrived") makes the
  // SDK see births: "add" on walking in and leave+add on every border in view; this test and the
  // random walk (json) fail.
  it('should report a walker crossing the view as entering and leaving it, with the mirror equal to the server in view at every step', async () => {
    const roomId = `sdk-im-walk-${name}`;
    const a = await connect();
    const b = await connect();
    const observer = await a.join<WorldRoom>(roomId, { kind: 'world', nickname: 'observer' });
    const walker = await b.join<WorldRoom>(roomId, { kind: 'world', nickname: 'walker' });
    await until(walker, () => walker.myEntity !== undefined);
    const walkerId = walker.myEntity!.id;
    move(observer, 50, 50);
    move(walker, 650, 50);
    await until(observer, () => observer.myEntity?.x === 50 && !observer.state.entities.has(walkerId) && seesAsServer(observer, a));
    const log = record(observer);
    const objects = new Set<unknown>();
    for (let x = 650; x >= -450; x -= 25) {
      move(walker, x, 50);
      const visible = x >= -100 && x < 200;
      await until(observer, () => (visible ? observer.state.get(walkerId)?.x === x : !observer.state.entities.has(walkerId)) && seesAsServer(observer, a));
      if (visible) objects.add(observer.state.get(walkerId));
    }
    expect(log).toEqual([`enter ${walkerId}`, `leave ${walkerId}`]);
    expect(objects.size).toBe(1);
    expect(serverRoom(roomId).state.get(walkerId)).toBeDefined(); // left the view, not the world
    expect(observer.stateStats).toEqual(expect.objectContaining({ refusedDeltas: 0, badFrames: 0 }));
  });

  // A random walk of the observer through a world of wandering bots (which never spawn or
  // despawn after the room's creation): after every step the mirror equals the server's state in
  // its view, the callbacks' tally (add/enter in, remove/leave out) is exactly what the mirror
  // holds, the cells of room.state.view are the server's, and no bot is ever added or removed.
  it('should keep the mirror equal to the server in view on a random walk among bots, the enter/leave callbacks in step with it', async () => {
    const roomId = `sdk-im-bots-${name}`;
    const random = rng(name === 'json' ? 11 : 12);
    const a = await connect();
    const observer = await a.join<WorldRoom>(roomId, { kind: 'world', nickname: 'tourist', create: { bots: 150 } });
    await until(observer, () => observer.myEntity !== undefined && seesAsServer(observer, a));
    const tally = new Set(observer.state.entities.keys());
    const mistakes: string[] = [];
    const came = (how: string) => (e: { id: number; type: string }) => {
      if (tally.has(e.id) || (how === 'add' && e.type === 'bot')) mistakes.push(`${how} ${e.type} ${e.id}`);
      tally.add(e.id);
    };
    const went = (how: string) => (e: { id: number; type: string }) => {
      if (!tally.delete(e.id) || (how === 'remove' && e.type === 'bot')) mistakes.push(`${how} ${e.type} ${e.id}`);
    };
    observer.onAdd('bot', came('add'), { immediate: false });
    observer.onAdd('player', came('add'), { immediate: false });
    observer.onEnterView(came('enter'));
    observer.onRemove('bot', went('remove'));
    observer.onRemove('player', went('remove'));
    observer.onLeaveView(went('leave'));
    let entered = 0;
    observer.onEnterView('bot', () => (entered += 1));
    let { x, y } = observer.myEntity!;
    for (let step = 0; step < 25; step++) {
      if (random() < 0.2) [x, y] = [Math.round(random() * 1600 - 800), Math.round(random() * 1600 - 800)]; // a teleport
      else [x, y] = [Math.max(-1000, Math.min(1000, x + Math.round(random() * 160 - 80))), Math.max(-1000, Math.min(1000, y + Math.round(random() * 160 - 80)))];
      move(observer, x, y);
      await until(observer, () => observer.myEntity?.x === x && observer.myEntity.y === y && seesAsServer(observer, a));
      expect([step, [...tally].sort()]).toEqual([step, [...observer.state.entities.keys()].sort()]);
      const serverCells = serverRoom(roomId).views.get(a.clientId!)!.cells;
      expect([step, [...observer.state.view!.cells].sort((p, q) => p - q)]).toEqual([step, [...serverCells]]);
    }
    expect(mistakes).toEqual([]);
    expect(entered).toBeGreaterThan(0); // the walk met bots: the tally was put to work
    expect(observer.stateStats).toEqual(expect.objectContaining({ refusedDeltas: 0, badFrames: 0 }));
  });
});
