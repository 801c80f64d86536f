import { Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DiscoveryModule } from '@nestjs/core';
import { type Bus, BUS, INSTANCE_ID } from '../bus';
import { ClientRegistry, ClusterModule, RoomLeases, RoomStateStore } from '../cluster';
import { clusterConfig, sessionConfig } from '../config';
import { ConnectionModule, ConnectionPool } from '../connection';
import { HistoryModule, ROOM_HISTORY, type RoomHistory } from '../history';
import { GameLogicRegistry } from './game-logic.registry';
import { RoomBridge } from './room-bridge.service';
import { RoomFanout } from './room-fanout.service';
import { RoomSeats } from './room-seats.service';
import { RoomsService } from './rooms.service';

/** Spans rooms over instances when the cluster services exist (REDIS_URL set); else null. */
const roomBridge = {
  provide: RoomBridge,
  inject: [RoomsService, RoomFanout, ConnectionPool, BUS, INSTANCE_ID, RoomLeases, ClientRegistry, RoomStateStore, ROOM_HISTORY, clusterConfig.KEY, sessionConfig.KEY],
  useFactory: (
    ...[rooms, fanout, pool, bus, instanceId, leases, registry, store, history, cluster, session]: [
      RoomsService, RoomFanout, ConnectionPool, Bus, string, RoomLeases | null, ClientRegistry | null, RoomStateStore | null, RoomHistory,
      ConfigType<typeof clusterConfig>, ConfigType<typeof sessionConfig>,
    ]
  ) => (leases && registry && store ? new RoomBridge({ rooms, fanout, pool, bus, instanceId, leases, registry, store, history, cluster, session }) : null),
};

@Module({
  imports: [DiscoveryModule, ConnectionModule, HistoryModule, ClusterModule],
  providers: [GameLogicRegistry, RoomFanout, RoomsService, RoomSeats, roomBridge],
  exports: [RoomsService, RoomFanout, RoomSeats, GameLogicRegistry],
})
export class RoomsModule {}
