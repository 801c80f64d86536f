import { Test } from '@nestjs/testing';
import { BUS, InMemoryBus } from '../bus';
import { historyConfig, roomsConfig } from '../config';
import { type Connection, ConnectionPool } from '../connection';
import { DIRECT_LOG, InMemoryDirectLog, InMemoryRoomHistory, ROOM_HISTORY } from '../history';
import type { ServerMessage } from '../protocol';
import { ArenaLogic } from '../games/arena/arena.logic';
import { GameLogicRegistry } from '../game-api';
import { kindRegistry } from '../game-api/testing';
import { GameLogicRunner } from './game-logic.runner';
import { LocalRoomRouter } from './local.room-router';
import { RoomAdmission } from './room-admission';
import { ROOM_BROADCAST, roomChannel } from './room-broadcast.topic';
import { RoomFanout } from './room-fanout';
import { RoomRegistry } from './room-registry';

describe(LocalRoomRouter.name, () => {
  let rooms: LocalRoomRouter;
  let registry: RoomRegistry;
  let fanout: RoomFanout;
  let bus: InMemoryBus;
  let published: ServerMessage[];
  /** What each connection was sent directly (its room_joined, the sync after it). */
  let sent: Map<string, ServerMessage[]>;
  const connection = (id: string, userId?: string) =>
    ({ clientId: id, rooms: new Set<string>(), userId, wireVersion: 1 }) as unknown as Connection;
  /** The join's `room_joined`, as the connection was sent it. */
  const join = (c: Connection, request: { room_id: string; user_id?: string; nickname?: string }) => {
    rooms.join(c, request);
    return sent.get(c.clientId)!.filter((m): m is ServerMessage<'room_joined'> => m.type === 'room_joined').at(-1)!;
  };
  const arena = new ArenaLogic({
    bounds: { min: { x: -1, y: -1, z: 0 }, max: { x: 1, y: 1, z: 0 } },
    maxHealth: 100,
    attackRange: 1,
    attackDamage: 1,
    hitScore: 1,
    killScore: 1,
    spawnRadius: 0,
  } as never);

  beforeEach(async () => {
    bus = new InMemoryBus();
    const module = await Test.createTestingModule({
      providers: [
        LocalRoomRouter,
        RoomRegistry,
        RoomAdmission,
        GameLogicRunner,
        RoomFanout,
        { provide: roomsConfig.KEY, useValue: { tickRate: 20, maxPlayers: 2, maxQueuedActions: 10, chatMaxLength: 100, maxRoomsPerConnection: 16 } },
        { provide: historyConfig.KEY, useValue: { maxEvents: 10, maxAgeMs: 60000 } },
        { provide: ROOM_HISTORY, useClass: InMemoryRoomHistory },
        { provide: DIRECT_LOG, useValue: new InMemoryDirectLog({ directBufferSize: 16 } as never) },
        { provide: BUS, useValue: bus },
        { provide: GameLogicRegistry, useValue: kindRegistry([arena], { maxPlayers: 2 }) },
        {
          provide: ConnectionPool,
          useValue: {
            broadcast: () => undefined,
            get: () => undefined,
            send: (c: Connection, m: ServerMessage) => void sent.set(c.clientId, [...(sent.get(c.clientId) ?? []), m]),
          },
        },
      ],
    }).compile();
    rooms = module.get(LocalRoomRouter);
    registry = module.get(RoomRegistry);
    fanout = module.get(RoomFanout);
    published = [];
    sent = new Map();
    bus.subscribe(roomChannel('r'), ROOM_BROADCAST, ({ message }) => published.push(message));
  });

  describe('join', () => {
    it('should create the room on first join and return a snapshot with entity ids', () => {
      const joined = join(connection('a'), { room_id: 'r', user_id: 'alice', nickname: 'Al' });
      expect(registry.size).toBe(1);
      expect(joined.payload.players).toEqual([expect.objectContaining({ player_id: 'alice', nickname: 'Al', entity_id: 1, client_id: 'a' })]);
      expect(joined.payload.offset).toBe(1);
    });

    it('should prefer the verified user id over the requested one', () => {
      const joined = join(connection('a', 'verified'), { room_id: 'r', user_id: 'spoofed' });
      expect(joined.payload.players[0].player_id).toBe('verified');
    });

    it('should publish player_joined to the others with an offset, excluding the joiner', () => {
      rooms.join(connection('a'), { room_id: 'r' });
      expect(fanout.localRoomCount).toBe(1);
      rooms.join(connection('b'), { room_id: 'r' });
      const joined = published.filter((m) => m.type === 'player_joined');
      expect(joined.map((m) => [m.payload, m.offset])).toEqual([
        [expect.objectContaining({ client_id: 'a', entity_id: 1 }), 1],
        [expect.objectContaining({ client_id: 'b', entity_id: 2 }), 2],
      ]);
    });

    it('should answer a repeated join with the snapshot and no second player_joined', () => {
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      rooms.join(a, { room_id: 'r' });
      expect(published.filter((m) => m.type === 'player_joined')).toHaveLength(1);
      expect(sent.get('a')!.filter((m) => m.type === 'room_joined')).toHaveLength(2);
    });

    it('should send a v1 joiner its room_joined, then a sync of the same frame, and no v2 state', () => {
      const snapshot = join(connection('a'), { room_id: 'r' });
      expect(sent.get('a')!.map((m) => m.type)).toEqual(['room_joined', 'sync']);
      expect(sent.get('a')![1].payload).toEqual(expect.objectContaining({ frame_num: snapshot.payload.frame_num, room_id: 'r' }));
      expect(snapshot.payload).not.toHaveProperty('state');
      expect(snapshot.payload.kind).toBe('arena');
    });

    it('should send a v2 joiner its room_joined with a handle, the keyframe and the schema, and no sync', () => {
      const b = { ...connection('b'), wireVersion: 2 } as unknown as Connection;
      const snapshot = join(b, { room_id: 'r' });
      expect(sent.get('b')!.map((m) => m.type)).toEqual(['room_joined']);
      expect(snapshot.payload).toEqual(expect.objectContaining({ handle: 1, kind: 'arena', state: expect.objectContaining({ key: true, frame: 0 }) }));
      expect(JSON.parse(snapshot.payload.schema!).types.map((t: { name: string }) => t.name)).toEqual(['room', 'player']);
    });

    it('should refuse a full room with ROOM_FULL and a duplicate player id with INVALID_PAYLOAD', () => {
      rooms.join(connection('a'), { room_id: 'r', user_id: 'same' });
      expect(() => rooms.join(connection('b'), { room_id: 'r', user_id: 'same' })).toThrow(
        expect.objectContaining({ code: 'INVALID_PAYLOAD' }),
      );
      rooms.join(connection('b'), { room_id: 'r' });
      expect(() => rooms.join(connection('c'), { room_id: 'r' })).toThrow(expect.objectContaining({ code: 'ROOM_FULL' }));
    });
  });

  describe('leave', () => {
    it('should publish player_left and dispose the room after the last member', () => {
      const a = connection('a');
      const b = connection('b');
      rooms.join(a, { room_id: 'r' });
      rooms.join(b, { room_id: 'r' });
      rooms.leave(b, 'r', 'left');
      expect(published.at(-1)).toEqual(expect.objectContaining({ type: 'player_left', offset: 3 }));
      rooms.leave(a, 'r', 'left');
      expect(registry.size).toBe(0);
      expect(fanout.localRoomCount).toBe(0); // unsubscribed with the last local member
      expect(a.rooms.size).toBe(0);
    });

    it('should start a new epoch when a disposed room is created again', () => {
      const a = connection('a');
      const first = join(a, { room_id: 'r' }).payload.epoch;
      rooms.leave(a, 'r', 'left');
      expect(join(a, { room_id: 'r' }).payload.epoch).not.toBe(first);
    });

    it('should refuse to leave a room the client is not in with NOT_IN_ROOM', () => {
      expect(() => rooms.leave(connection('a'), 'r', 'left')).toThrow(expect.objectContaining({ code: 'NOT_IN_ROOM' }));
    });
  });

  describe('membership', () => {
    it('should default to the only room and require room_id with several', () => {
      const a = connection('a');
      expect(() => rooms.membership(a, undefined)).toThrow(expect.objectContaining({ code: 'NOT_IN_ROOM' }));
      rooms.join(a, { room_id: 'r' });
      expect(rooms.membership(a, undefined).roomId).toBe('r');
      rooms.join(a, { room_id: 's' });
      expect(() => rooms.membership(a, undefined)).toThrow(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
    });
  });
});
