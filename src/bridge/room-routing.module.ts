import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ModuleRef } from '@nestjs/core';
import { ClusterModule } from '../cluster';
import { busConfig } from '../config';
import { ConnectionModule } from '../connection';
import { HistoryModule } from '../history';
import { CLIENT_DELIVERY, type ClientDelivery, LocalClientDelivery, LocalRoomRouter, ROOM_ROUTER, type RoomRouter, RoomsModule } from '../rooms';
import { RoomBridge } from './room-bridge';

/** The router and client delivery of one mode, chosen together. */
interface RoomRouting {
  router: RoomRouter;
  delivery: ClientDelivery;
}
const ROOM_ROUTING = Symbol('GAME:ROOM_ROUTING');

/**
 * Picks how rooms are reached, once, for the whole app: with REDIS_URL set the bridge (rooms span
 * instances through Redis), else the room core's local router and delivery (one instance).
 * Provides `ROOM_ROUTER` and `CLIENT_DELIVERY` globally; feature code asks those ports and never
 * which mode it runs in.
 */
@Global()
@Module({})
export class RoomRoutingModule {
  static forRoot(): DynamicModule {
    return {
      module: RoomRoutingModule,
      imports: [RoomsModule, ClusterModule, ConnectionModule, HistoryModule],
      providers: [
        {
          provide: ROOM_ROUTING,
          inject: [busConfig.KEY, ModuleRef, LocalRoomRouter, LocalClientDelivery],
          // The bridge is built only when bridged: it subscribes to the bus and runs a housekeeping timer.
          useFactory: async (
            config: ConfigType<typeof busConfig>,
            moduleRef: ModuleRef,
            router: LocalRoomRouter,
            delivery: LocalClientDelivery,
          ): Promise<RoomRouting> => (config.redisUrl ? moduleRef.create(RoomBridge) : { router, delivery }),
        },
        { provide: ROOM_ROUTER, inject: [ROOM_ROUTING], useFactory: (routing: RoomRouting) => routing.router },
        { provide: CLIENT_DELIVERY, inject: [ROOM_ROUTING], useFactory: (routing: RoomRouting) => routing.delivery },
      ],
      exports: [ROOM_ROUTER, CLIENT_DELIVERY],
    };
  }
}
