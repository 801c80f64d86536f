import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { BUS, InMemoryBus } from '../bus';
import { historyConfig, roomsConfig } from '../config';
import { type Connection, ConnectionPool } from '../connection';
import { DIRECT_LOG, InMemoryDirectLog, InMemoryRoomHistory, ROOM_HISTORY } from '../history';
import { ErrorCode, GameError, type SyncPayload } from '../protocol';
import {
  CLIENT_DELIVERY,
  GameLogicRunner,
  LocalClientDelivery,
  LocalRoomRouter,
  ROOM_FRAME,
  RoomAdmission,
  RoomFanout,
  RoomRegistry,
  roomChannel,
} from '../rooms';
import { Registry } from 'prom-client';
import { defineActions, type GameLogic, GameLogicRegistry, GameRoomKind, type PlayerRef, type RoomContext } from '../game-api';
import { kindRegistry } from '../game-api/testing';
import { defineState, t } from '../state';
import { MetricsService } from '../metrics';
import { RoomTick } from './room-tick';
import { SyncService } from './sync.service';

const countState = defineState({ entities: { player: { x: t.float({ precision: 1 }) } } });
type Ctx = RoomContext<typeof countState>;

/** A logic that records what the loop does with it: each move adds 1 to the mover's x. */
@GameRoomKind('count', { state: countState, v1: { type: 'player', position: ['x', 'x', 'x'] } })
class CountingLogic implements GameLogic<typeof countState> {
  readonly actions = defineActions<Ctx>()({
    move: { run: (ctx, player) => void (ctx.state.get(player.entityId)!.x += 1) },
    bad: { run: () => { throw new GameError(ErrorCode.InvalidPayload, 'bad action'); } },
    crash: { run: () => { throw new Error('logic bug'); } },
    nan: { run: (ctx, player) => void (ctx.state.get(player.entityId)!.x = Number.NaN) },
  });
  onJoin(ctx: Ctx, player: PlayerRef) {
    ctx.state.spawn('player', {}, player);
  }
  onLeave(ctx: Ctx, player: PlayerRef) {
    ctx.state.despawn(ctx.state.get(player.entityId)!);
  }
}

describe(SyncService.name, () => {
  let sync: SyncService;
  let rooms: LocalRoomRouter;
  let registry: RoomRegistry;
  let syncs: SyncPayload[];
  let sent: { clientId: string; type: string; payload: unknown }[];
  const connection = (id: string) => ({ clientId: id, rooms: new Set<string>(), userId: undefined, wireVersion: 1 }) as unknown as Connection;

  beforeEach(async () => {
    jest.useFakeTimers();
    const logic = new CountingLogic();
    sent = [];
    const module = await Test.createTestingModule({
      providers: [
        SyncService,
        RoomTick,
        LocalRoomRouter,
        RoomRegistry,
        RoomAdmission,
        GameLogicRunner,
        RoomFanout,
        { provide: CLIENT_DELIVERY, useClass: LocalClientDelivery },
        { provide: roomsConfig.KEY, useValue: { tickRate: 20, maxPlayers: 8, maxQueuedActions: 3, chatMaxLength: 100, maxRoomsPerConnection: 16 } },
        { provide: historyConfig.KEY, useValue: { maxEvents: 10, maxAgeMs: 60000 } },
        { provide: ROOM_HISTORY, useClass: InMemoryRoomHistory },
        { provide: DIRECT_LOG, useValue: new InMemoryDirectLog({ directBufferSize: 16 } as never) },
        { provide: BUS, useValue: new InMemoryBus() },
        { provide: MetricsService, useValue: new MetricsService(new Registry()) },
        { provide: GameLogicRegistry, useValue: kindRegistry([logic], { maxPlayers: 8 }) },
        {
          provide: ConnectionPool,
          useValue: {
            get: (clientId: string) => connection(clientId),
            // Room broadcasts are observed on the bus (`syncs`); members are plain objects here.
            broadcast: () => undefined,
            sendShared: () => true,
            countShared: () => undefined,
            send: (c: Connection, m: { type: string; payload: unknown }) => sent.push({ clientId: c.clientId, ...m }),
          },
        },
      ],
    }).compile();
    sync = module.get(SyncService);
    rooms = module.get(LocalRoomRouter);
    registry = module.get(RoomRegistry);
    syncs = [];
    module.get<InMemoryBus>(BUS).subscribe(roomChannel('r'), ROOM_FRAME, (frame) => {
      if (frame.sync) syncs.push(frame.sync);
    });
    sync.onApplicationBootstrap();
  });
  afterEach(() => {
    sync.onApplicationShutdown();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  describe('tick', () => {
    it('should keep TICK_RATE ticks per second of wall time even when every tick runs 10 ms late', () => {
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      jest.advanceTimersByTime(50); // the join's own sync
      const start = Date.now();
      const before = syncs.length;
      // Each tick costs 10 ms of wall time that timers do not see (a busy loop): with
      // setInterval every later tick would slide by it and the rate would drop to 16.7 Hz.
      const realTick = sync.tick.bind(sync);
      jest.spyOn(sync, 'tick').mockImplementation((now) => {
        rooms.queueAction(a, { action: 'move' });
        realTick(now);
        jest.setSystemTime(Date.now() + 10);
      });
      jest.advanceTimersByTime(2000);
      const expected = (Date.now() - start) / 50;
      expect(Math.abs(syncs.length - before - expected)).toBeLessThanOrEqual(2);
    });

    it('should publish one sync after a join and then nothing for an idle room', () => {
      rooms.join(connection('a'), { room_id: 'r' });
      jest.advanceTimersByTime(50);
      expect(syncs).toHaveLength(1);
      jest.advanceTimersByTime(500);
      expect(syncs).toHaveLength(1);
      expect(registry.activeRooms.size).toBe(0);
    });

    it('should apply queued actions on the next tick, in order, and echo input_seq', () => {
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      jest.advanceTimersByTime(50);
      rooms.queueAction(a, { action: 'move', input_seq: 4 });
      rooms.queueAction(a, { action: 'move', input_seq: 5 });
      expect(syncs).toHaveLength(1); // nothing happens before the tick
      jest.advanceTimersByTime(50);
      expect(syncs).toHaveLength(2);
      expect(syncs[1].frame_num).toBe(2);
      expect(syncs[1].players[0]).toEqual(expect.objectContaining({ last_input_seq: 5, position: { x: 2, y: 2, z: 2 } }));
    });

    it('should refuse a non-finite number written into the state (the action fails as INTERNAL) and keep syncs finite', () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      rooms.queueAction(a, { action: 'move' });
      rooms.queueAction(a, { action: 'nan' }, 'n1');
      jest.advanceTimersByTime(50);
      expect(sent).toContainEqual(expect.objectContaining({ type: 'error', payload: expect.objectContaining({ code: 'INTERNAL', ref_id: 'n1' }) }));
      const { position } = syncs.at(-1)!.players[0];
      expect(position).toEqual({ x: 1, y: 1, z: 1 });
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ roomId: 'r' }));
    });

    it('should send a rejected action back to its sender as an error and keep the room going', () => {
      const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      rooms.queueAction(a, { action: 'bad' }, 'm1');
      rooms.queueAction(a, { action: 'crash' }, 'm2');
      rooms.queueAction(a, { action: 'move', input_seq: 1 });
      jest.advanceTimersByTime(50);
      expect(sent.filter((m) => m.type === 'error')).toEqual([
        expect.objectContaining({ clientId: 'a', type: 'error', payload: expect.objectContaining({ code: 'INVALID_PAYLOAD', ref_id: 'm1' }) }),
        expect.objectContaining({ clientId: 'a', type: 'error', payload: expect.objectContaining({ code: 'INTERNAL', ref_id: 'm2' }) }),
      ]);
      expect(syncs.at(-1)!.players[0].last_input_seq).toBe(1);
      // The logic bug is logged once, with its room (a GameError is the client's fault: not logged).
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(expect.objectContaining({ roomId: 'r' }));
      logged.mockRestore();
    });

    it('should refuse actions past ROOM_MAX_QUEUED_ACTIONS with RATE_LIMITED', () => {
      const a = connection('a');
      rooms.join(a, { room_id: 'r' });
      for (let i = 0; i < 3; i++) rooms.queueAction(a, { action: 'move' });
      expect(() => rooms.queueAction(a, { action: 'move' })).toThrow(expect.objectContaining({ code: 'RATE_LIMITED' }));
    });

    it('should not apply actions of a member who left before the tick', () => {
      const a = connection('a');
      const b = connection('b');
      rooms.join(a, { room_id: 'r' });
      rooms.join(b, { room_id: 'r' });
      rooms.queueAction(b, { action: 'move', input_seq: 9 });
      rooms.leave(b, 'r', 'left');
      jest.advanceTimersByTime(50);
      expect(syncs.at(-1)!.players.map((p) => p.position.x)).toEqual([0]);
    });
  });
});
