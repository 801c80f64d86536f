import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import type { WebSocket } from 'ws';
import { BusModule } from '../bus';
import { GatewayConfigModule } from '../config/config.module';
import { Connection } from '../connection';
import { GamesModule } from '../games/games.module';
import { ErrorCode, GameError } from '../protocol';
import { type JoiningUser, ROOM_AUTHORIZER, type RoomAuthorizer } from '../game-api';
import { LocalRoomRouter } from './local.room-router';
import { RoomsModule } from './rooms.module';
import { LoggingModule } from '../logging';
import { MetricsModule } from '../metrics';

/** Lets alice into every room and nobody into "vip". */
class VipAuthorizer implements RoomAuthorizer {
  readonly asked: [JoiningUser, string][] = [];
  canJoin(user: JoiningUser, roomId: string): boolean {
    this.asked.push([user, roomId]);
    return roomId !== 'vip' || user.userId === 'alice';
  }
}

const authorizer = new VipAuthorizer();

@Global()
@Module({ providers: [{ provide: ROOM_AUTHORIZER, useValue: authorizer }], exports: [ROOM_AUTHORIZER] })
class AccessModule {}

function connection(clientId: string, userId?: string): Connection {
  const c = new Connection({} as WebSocket, 0, true, '', Date.now());
  c.clientId = clientId;
  c.userId = userId;
  return c;
}

describe('LocalRoomRouter with a ROOM_AUTHORIZER', () => {
  let rooms: LocalRoomRouter;
  let module: TestingModule;

  beforeAll(async () => {
    module = await Test.createTestingModule({
      imports: [GatewayConfigModule, LoggingModule, MetricsModule, BusModule.forRoot(), AccessModule, GamesModule, RoomsModule],
    }).compile();
    await module.init();
    rooms = module.get(LocalRoomRouter);
  });
  afterAll(() => module.close());

  describe('join', () => {
    it('should ask the authorizer with the verified user and the room id, and let an allowed user in', async () => {
      const alice = connection('c1', 'alice');
      await rooms.join(alice, { room_id: 'vip' });
      expect(alice.rooms.has('vip')).toBe(true);
      expect(authorizer.asked).toContainEqual([{ clientId: 'c1', userId: 'alice' }, 'vip']);
    });

    it('should refuse a user the authorizer refuses with UNAUTHORIZED, creating nothing', () => {
      const bob = connection('c2', 'bob');
      expect.assertions(3);
      try {
        rooms.join(bob, { room_id: 'vip' });
      } catch (error) {
        expect(error).toBeInstanceOf(GameError);
        expect((error as GameError).code).toBe(ErrorCode.Unauthorized);
      }
      expect(bob.rooms.size).toBe(0);
    });
  });
});
