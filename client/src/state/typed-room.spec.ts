import WebSocket from 'ws';
import { GameClient } from '../game-client';
import type { Room, RoomEvents } from '../room';
import { type FakeConnection, FakeGateway, roomPlayer } from '../testing/fake-gateway';
import { clientView, owner, playerOf, ServerRoom } from '../testing/server-state';
import type { WebSocketConstructor } from '../websocket';

/**
 * A v2 room's typed state and callbacks, against the scripted fake gateway (JSON), frames made by
 * the server's own state library. Broken on purpose once each, and watched fail: a respawn applied
 * as an update of the old object (the respawn test), a keyframe that replaces every entity instead
 * of comparing (the resume and keyframe tests), a delta applied without checking its base (the
 * refusal test).
 */
describe('Room (protocol v2: typed state)', () => {
  let gateway: FakeGateway;
  let client: GameClient;
  let server: FakeConnection;
  let world: ServerRoom;

  beforeEach(async () => {
    gateway = await FakeGateway.start();
    client = new GameClient(gateway.url, { WebSocket: WebSocket as unknown as WebSocketConstructor, protocol: 2, reconnect: { baseMs: 1, capMs: 5 } });
    const connected = client.connect();
    server = await gateway.connection(0);
    server.welcome('me', { wire_version: 2, tick_rate: 20 });
    await connected;
    world = new ServerRoom();
  });
  afterEach(async () => {
    client.close();
    await gateway.close();
  });

  const nextTurn = () => new Promise((resolve) => setTimeout(resolve));
  const nextEvent = <K extends keyof RoomEvents>(room: Room, type: K, where: (event: RoomEvents[K]) => boolean = () => true) =>
    new Promise<RoomEvents[K]>((resolve) => {
      const off = room.on(type, (event) => where(event) && (off(), resolve(event)));
    });
  /** Joins room `r` with the world's keyframe, the client's player being entity 1; resolves after the join's held deliveries. */
  const join = async (roomId = 'r', extra: object = {}, from = world): Promise<Room> => {
    const joined = client.join(roomId);
    const request = await server.next('join_room', (frame) => frame.payload.room_id === roomId);
    server.send('room_joined', from.roomJoined(roomId, { players: [{ ...roomPlayer('me', 'me'), entity_id: 1 }], ...extra }), { room_id: roomId });
    server.ack(request.id!);
    const room = await joined;
    await nextTurn();
    return room;
  };
  /** Publishes the world's next delta to the client and waits until the room applied it. */
  const publish = async (room: Room, payload: object = {}): Promise<void> => {
    const applied = nextEvent(room, 'state');
    server.send('state', { ...world.delta()!, ...payload });
    await applied;
  };
  /** Every callback of the room as a line, in firing order. */
  const record = (room: Room, types = ['player', 'flag', 'probe']) => {
    const log: string[] = [];
    for (const type of types) {
      room.onAdd(type, (e) => log.push(`add ${e.type} ${e.id}`), { immediate: false });
      room.onRemove(type, (e) => log.push(`remove ${e.type} ${e.id}`));
      room.onChange(type, (e, fields) => log.push(`change ${type} ${(e as { id: number }).id} ${fields.join(',')}`));
    }
    room.onChange('room', (_, fields) => log.push(`change room ${fields.join(',')}`));
    room.on('state', () => log.push('state'));
    return log;
  };

  describe('join', () => {
    it('should hold the keyframe of room_joined when join resolves, with its kind, descriptor, own entity and tick rate', async () => {
      world.state.spawn('player', { x: 1.5, name: 'me' }, owner(1));
      world.state.spawn('flag', { x: 3 });
      world.state.room.title = 'final';
      world.delta();
      const room = await join();
      expect(client.wireVersion).toBe(2);
      expect(gateway.connections[0].ws.protocol).toBe('game.v2.json');
      expect(room.kind).toBe('prop');
      expect(room.schema?.types.map((t) => t.name)).toEqual(['room', 'player', 'flag', 'probe']);
      expect(room.state.frameNum).toBe(1);
      expect(clientView(room.state)).toEqual(world.view());
      expect(room.myEntity).toBe(room.state.get(1));
      expect(room.myEntity).toEqual(expect.objectContaining({ id: 1, type: 'player', x: 1.5, hp: 100, name: 'me' }));
      expect([...room.state.ofType('flag')].map((f) => f.home)).toEqual([true]); // a non-zero default the keyframe left out
      expect(room.tickRate).toBe(20);
    });

    it('should report a descriptor this SDK cannot decode as BAD_STATE_FRAME after the join, and keep the room without typed state', async () => {
      const joined = client.join('r');
      const request = await server.next('join_room');
      const schema = JSON.stringify({ kind: 'future', types: [{ name: 'room', fields: [{ name: 'when', type: 'date' }] }] });
      server.send('room_joined', world.roomJoined('r', { schema }), { room_id: 'r' });
      server.ack(request.id!);
      const room = await joined;
      const error = await nextEvent(room, 'error'); // attached after the await: still delivered
      expect(error).toEqual(expect.objectContaining({ code: 'BAD_STATE_FRAME', message: expect.stringContaining('field "room.when" has type "date"') }));
      expect(room.joined).toBe(true);
      expect(room.state.entities.size).toBe(0);
    });

    it('should report the entities already there to onAdd when registered (unless immediate: false), and the current value to listen', async () => {
      world.state.spawn('player', {}, owner(1));
      world.state.spawn('player', {}, owner(2));
      world.delta();
      const room = await join();
      const added: number[] = [];
      room.onAdd('player', (p) => added.push(p.id));
      room.onAdd('player', () => added.push(-1), { immediate: false });
      const phases: unknown[] = [];
      room.listen('room', 'phase', (phase, previous) => phases.push([phase, previous]));
      expect(added).toEqual([1, 2]);
      expect(phases).toEqual([['warmup', undefined]]);
    });
  });

  describe('callbacks', () => {
    // Issue #10 item 9: callbacks fire after a whole frame is applied, once per frame and entity.
    it('should fire once per frame, after the whole frame: removals, additions, then changes by id, then the state event', async () => {
      const p1 = world.state.spawn('player', { x: 1 }, owner(1));
      const p2 = world.state.spawn('player', { x: 2 }, owner(2));
      const flag = world.state.spawn('flag', { x: 3 });
      world.delta();
      const room = await join();
      const log = record(room);
      const seen: unknown[] = [];
      room.onAdd('player', (p) => seen.push(room.state.get(flag.id)), { immediate: false }); // mid-callback the frame is already whole
      world.state.spawn('player', { x: 4 }, owner(4));
      world.state.despawn(flag);
      p1.x = 10;
      p1.hp = 50;
      p2.x = 2; // written, not changed: not reported
      world.state.room.phase = 'play';
      await publish(room);
      expect(log).toEqual(['remove flag 3', 'add player 4', 'change room phase', 'change player 1 x,hp', 'state']);
      expect(seen).toEqual([undefined]);
      log.length = 0;
      p2.alive = true;
      await publish(room);
      expect(log).toEqual(['change player 2 alive', 'state']);
      expect(clientView(room.state)).toEqual(world.view());
    });

    it('should report a despawn and spawn of one id in one frame as remove of the old object, then add of a new one', async () => {
      world.state.spawn('player', { x: 1, hp: 7 }, owner(1));
      world.delta();
      const room = await join();
      const old = room.state.get(1)!;
      const log = record(room);
      const removed: unknown[] = [];
      const added: unknown[] = [];
      room.onRemove('player', (p) => removed.push(p));
      room.onAdd('player', (p) => added.push(p), { immediate: false });
      const listened: unknown[] = [];
      room.listen(old, 'x', (x) => listened.push(x), { immediate: false });
      world.state.despawn(world.state.get(1)!);
      world.state.spawn('player', { x: 9 }, owner(1)); // respawned: same id, fresh fields
      await publish(room);
      expect(log).toEqual(['remove player 1', 'add player 1', 'state']);
      expect(removed).toEqual([old]);
      expect(added[0]).not.toBe(old);
      expect(old).toEqual(expect.objectContaining({ x: 1, hp: 7 })); // the old object keeps its last values
      expect(added[0]).toEqual(expect.objectContaining({ id: 1, x: 9, hp: 100 }));
      expect(room.state.get(1)).toBe(added[0]);
      expect(listened).toEqual([]); // listeners of the old object ended with it
    });

    it("should call listen with the value and the previous one, for the room's fields and an entity's", async () => {
      const p1 = world.state.spawn('player', { x: 1 }, owner(1));
      world.delta();
      const room = await join();
      const calls: unknown[] = [];
      room.listen(room.myEntity!, 'x', (x, before) => calls.push(['x', x, before]), { immediate: false });
      room.listen('room', 'timeLeft', (left, before) => calls.push(['timeLeft', left, before]), { immediate: false });
      p1.x = 2.5;
      world.state.room.timeLeft = 30;
      await publish(room);
      p1.hp = 3; // another field: no call
      await publish(room);
      expect(calls).toEqual([['timeLeft', 30, 0], ['x', 2.5, 1]]);
    });

    it('should stop calling a callback once unsubscribed', async () => {
      const p1 = world.state.spawn('player', {}, owner(1));
      world.delta();
      const room = await join();
      const calls: string[] = [];
      const off = room.onChange('player', () => calls.push('change'));
      p1.x = 1;
      await publish(room);
      off();
      p1.x = 2;
      await publish(room);
      expect(calls).toEqual(['change']);
    });
  });

  describe('keyframes after a drop', () => {
    // Issue #10 item 9: a keyframe after a resume fires add/remove/change only for what differs.
    it('should report only what differs from the mirror after a resume, keeping the objects of unchanged entities', async () => {
      world.state.spawn('player', { x: 1 }, owner(1));
      const p2 = world.state.spawn('player', { x: 2 }, owner(2));
      const flag = world.state.spawn('flag', { x: 3 });
      world.state.spawn('probe', { a: -5 });
      world.delta();
      const room = await join();
      const before = room.state.get(1);
      const log = record(room);
      server.ws.terminate();
      // While the client is away the room moves on; it misses those frames.
      p2.x = 20;
      world.state.despawn(flag);
      world.state.spawn('flag', { x: 5 });
      world.delta();
      world.state.room.title = 'later';
      world.delta();
      const again = await gateway.connection(1);
      await again.next('resume');
      const resumed = nextEvent(room, 'resumed');
      again.send('room_joined', world.roomJoined('r', { players: [{ ...roomPlayer('me', 'me'), entity_id: 1 }], recovered: true }), { room_id: 'r' });
      again.welcome('me', { wire_version: 2, tick_rate: 20 });
      await resumed;
      expect(log).toEqual(['remove flag 3', 'add flag 5', 'change room title', 'change player 2 x', 'state']);
      expect(room.state.get(1)).toBe(before);
      expect(room.state.frameNum).toBe(world.frame);
      expect(clientView(room.state)).toEqual(world.view());
      // …and deltas go on from there.
      server = again;
      p2.x = 21;
      log.length = 0;
      await publish(room);
      expect(log).toEqual(['change player 2 x', 'state']);
    });

    it('should refuse a delta on another base than its frame, count it, and wait for the keyframe', async () => {
      const p1 = world.state.spawn('player', { x: 1 }, owner(1));
      world.delta();
      const room = await join();
      const log = record(room);
      p1.x = 2;
      world.delta(); // frame 2 never reaches the client
      p1.x = 3;
      world.state.spawn('flag', {});
      const frame3 = nextEvent(room, 'message', (m) => m.type === 'state');
      server.send('state', world.delta()!);
      await frame3;
      expect(room.stateStats).toEqual({ keyframes: 1, deltas: 0, refusedDeltas: 1, badFrames: 0 });
      expect(room.state.frameNum).toBe(1);
      expect(room.state.get(1)!.x).toBe(1); // untouched: not applied on the wrong base
      expect(log).toEqual([]);
      // The server sends a keyframe when it could not send a delta: it brings the mirror back, reporting the differences.
      const keyframe = nextEvent(room, 'state');
      server.send('state', world.keyframe());
      await keyframe;
      expect(log).toEqual(['add flag 2', 'change player 1 x', 'state']);
      expect(clientView(room.state)).toEqual(world.view());
      p1.x = 4;
      await publish(room);
      expect(room.stateStats).toEqual({ keyframes: 2, deltas: 1, refusedDeltas: 1, badFrames: 0 });
    });

    it('should report a frame that does not decode as BAD_STATE_FRAME, change nothing, and take no delta until a keyframe', async () => {
      world.state.spawn('player', { x: 1 }, owner(1));
      world.delta();
      const room = await join();
      const error = nextEvent(room, 'error');
      // Entity 1 updated (x), then an update of entity 7, which the room does not have.
      server.send('state', { frame: 2, ops: [1, 4, 5, 6, 4, 1] });
      expect(await error).toEqual(expect.objectContaining({ code: 'BAD_STATE_FRAME', message: expect.stringContaining('update of entity 7') }));
      expect(room.state.get(1)!.x).toBe(1); // the first record was not applied either
      expect(room.stateStats.badFrames).toBe(1);
      playerOf(world.state, 1).x = 2;
      const refused = nextEvent(room, 'message', (m) => m.type === 'state');
      server.send('state', world.delta()!);
      await refused;
      expect(room.stateStats.refusedDeltas).toBe(1);
      const keyframe = nextEvent(room, 'state');
      server.send('state', world.keyframe());
      await keyframe;
      expect(clientView(room.state)).toEqual(world.view());
    });
  });

  describe('room events', () => {
    it('should call onEvent with the data of each named event once, after the state of its tick', async () => {
      const p1 = world.state.spawn('player', {}, owner(1));
      world.delta();
      const room = await join();
      const events: unknown[] = [];
      room.onEvent('flag_taken', (data) => events.push([data, room.state.get(1)!.x]));
      room.onEvent('round_over', () => events.push('round_over'));
      const taken = new Promise((resolve) => room.onEvent('flag_taken', resolve));
      p1.x = 5;
      server.send('state', world.delta()!);
      server.send('room_event', { room_id: 'r', name: 'flag_taken', data: { by: 1, team: 'red' } }, { room_id: 'r', offset: 1 });
      server.send('room_event', { room_id: 'r', name: 'flag_taken', data: { by: 1, team: 'red' } }, { room_id: 'r', offset: 1 }); // a repeat
      await taken;
      const chat = nextEvent(room, 'chat');
      server.send('chat', { room_id: 'r', text: 'after', from_client_id: 'b', player_id: 'b' }, { room_id: 'r', offset: 2 });
      await chat;
      expect(events).toEqual([[{ by: 1, team: 'red' }, 5]]);
    });
  });

  describe('routing by handle', () => {
    it("should route frames by the room's handle, and a frame without one to the only room", async () => {
      const other = new ServerRoom();
      other.state.spawn('flag', { x: 7 });
      other.delta();
      const a = await join('a', { handle: 1 });
      const roomB = await join('b', { handle: 2 }, other);
      world.state.spawn('player', { x: 1 }, owner(1));
      (other.state.get(1) as unknown as { x: number }).x = 8;
      const [deltaA, deltaB] = [world.delta()!, other.delta()!];
      const appliedB = nextEvent(roomB, 'state');
      server.send('state', { ...deltaB, room: 2 });
      await appliedB;
      const appliedA = nextEvent(a, 'state');
      server.send('state', { ...deltaA, room: 1 });
      await appliedA;
      expect(clientView(a.state)).toEqual(world.view());
      expect(clientView(roomB.state)).toEqual(other.view());
      // Out of room b: frames name no room again, and are a's.
      const leaving = roomB.leave();
      server.ack((await server.next('leave_room')).id!);
      await leaving;
      playerOf(world.state, 1).x = 2;
      await publish(a);
      expect(a.state.get(1)!.x).toBe(2);
      expect(client.debugStats.unroutedStateFrames).toBe(0);
    });
  });
});
