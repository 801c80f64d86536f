import { Module } from '@nestjs/common';
import { ConnectionModule } from '../connection';
import { GameApiModule } from '../game-api';
import { HistoryModule } from '../history';
import { GameLogicRunner } from './game-logic.runner';
import { LocalClientDelivery } from './local.client-delivery';
import { LocalRoomRouter } from './local.room-router';
import { RoomAdmission } from './room-admission';
import { RoomFanout } from './room-fanout';
import { RoomRegistry } from './room-registry';

const CORE = [GameLogicRunner, RoomRegistry, RoomAdmission, RoomFanout];
/** The single-instance implementations of the room ports; `RoomRoutingModule` decides whether they are the ones used. */
const LOCAL = [LocalRoomRouter, LocalClientDelivery];

/** The room core: runs the rooms this instance owns and delivers room traffic to this instance's members. */
@Module({
  imports: [GameApiModule, ConnectionModule, HistoryModule],
  providers: [...CORE, ...LOCAL],
  exports: [GameApiModule, ...CORE, ...LOCAL],
})
export class RoomsModule {}
