import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the server API answers, as classes so that @nestjs/swagger can describe them; the
 * `GatewayClient` returns the same shapes. Field names are snake_case like the wire protocol's.
 */

export class BusState {
  @ApiProperty({ description: 'Whether the bus reaches the other instances (always true in memory)' }) ready!: boolean;
  @ApiProperty() published!: number;
  @ApiProperty() received!: number;
  @ApiProperty({ description: 'Published while the transport was away: dropped' }) dropped!: number;
  @ApiProperty() failed!: number;
}

export class InstanceSummary {
  @ApiProperty() instance_id!: string;
  @ApiProperty({ description: 'Open WebSocket connections' }) connections!: number;
  @ApiProperty({ description: 'Rooms this instance runs' }) rooms!: number;
  @ApiProperty({ description: 'CPU used by the process over the last heartbeat interval, in % of one core' }) cpu_percent!: number;
  @ApiProperty({ description: 'Mean event-loop delay over the last heartbeat interval (ms)' }) event_loop_lag_ms!: number;
  @ApiProperty() rss_bytes!: number;
  @ApiProperty() uptime_s!: number;
  @ApiProperty({ type: BusState }) bus!: BusState;
  @ApiProperty({ description: 'When these figures were taken (ms since the epoch)' }) at!: number;
}

export class InstancesReply {
  @ApiProperty({ type: [InstanceSummary] }) instances!: InstanceSummary[];
}

export class RoomSummary {
  @ApiProperty() room_id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ description: 'Members (seats taken, parked seats included)' }) clients!: number;
  @ApiProperty() max_clients!: number;
  @ApiProperty({ description: 'The instance that runs the room' }) instance!: string;
  @ApiProperty({ description: 'Number of the last frame published' }) frame!: number;
  @ApiProperty({ description: "Recent mean time of one of the room's ticks (ms)" }) tick_ms!: number;
  @ApiProperty({ description: 'State frames sent to the members, bytes per second, summed over the instances' }) bytes_per_second!: number;
}

export class RoomsReply {
  @ApiProperty({ type: [RoomSummary] }) rooms!: RoomSummary[];
  @ApiProperty({ type: [String], description: 'Instances that did not answer in time (their rooms are missing)' }) missing_instances!: string[];
}

export class RoomMember {
  @ApiProperty() player_id!: string;
  @ApiProperty() client_id!: string;
  @ApiProperty() nickname!: string;
  @ApiProperty() entity_id!: number;
  @ApiProperty({ description: "The instance holding the member's socket" }) instance!: string;
  @ApiProperty({ description: 'Protocol version of its connection' }) protocol!: number;
  @ApiProperty({ description: 'Its socket dropped and the seat waits for a resume' }) parked!: boolean;
}

export class StateEntity {
  @ApiProperty() id!: number;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Field values as clients see them' }) fields!: Record<string, unknown>;
}

export class StateSummary {
  @ApiProperty({ description: 'Entities in the room (id 0, the room itself, included)' }) entity_count!: number;
  @ApiProperty({ type: [StateEntity], description: 'The first SERVER_API_STATE_MAX_ENTITIES entities, by id' }) entities!: StateEntity[];
  @ApiProperty() truncated!: boolean;
}

export class RoomDetail extends RoomSummary {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) options!: Record<string, string>;
  @ApiProperty({ type: [RoomMember] }) members!: RoomMember[];
  @ApiProperty({ type: StateSummary }) state!: StateSummary;
  @ApiProperty({ description: 'Offset of the last reliable event' }) offset!: number;
  @ApiProperty() epoch!: string;
}

export class PlayerConnection {
  @ApiProperty() client_id!: string;
  @ApiProperty() player_id!: string;
  @ApiProperty() instance!: string;
  @ApiProperty({ type: [String] }) rooms!: string[];
  @ApiProperty({ description: 'ms since the epoch' }) connected_at!: number;
  @ApiProperty() protocol!: number;
}

export class PresenceReply {
  @ApiProperty() player_id!: string;
  @ApiProperty({ type: [PlayerConnection] }) connections!: PlayerConnection[];
  @ApiProperty({ type: [String] }) missing_instances!: string[];
}

export class HistoryReply {
  @ApiProperty() room_id!: string;
  @ApiProperty() epoch!: string;
  @ApiProperty({ description: 'Offset of the newest event' }) offset!: number;
  @ApiProperty({ description: 'Whether `events` is everything after `since` (false: older events were evicted)' }) complete!: boolean;
  @ApiProperty({ type: 'array', items: { type: 'object' }, description: 'Reliable room events as the JSON codec sends them, oldest first' })
  events!: object[];
}

export class PublishRoomEventBody {
  @ApiProperty({ description: 'Event name (1-64 characters)', example: 'announcement' }) name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'A JSON object, at most SERVER_API_MAX_EVENT_BYTES as JSON', example: { text: 'Double XP!' } })
  data!: Record<string, unknown>;
  @ApiPropertyOptional({ default: true, description: 'Reliable events get an offset and are replayed after a resume; transient ones are not' })
  reliable?: boolean;
}

export class PublishPlayerEventBody {
  @ApiProperty({ example: 'reward' }) name!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { coins: 50 } }) data!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'A room the event is about (sent as the `room_event`\'s room_id); empty: a direct event' }) room_id?: string;
}

export class KickBody {
  @ApiPropertyOptional({ default: 4102, description: 'WebSocket close code: 4102 (Kicked, terminal) or another 4000-4999 code' }) code?: number;
  @ApiPropertyOptional({ default: 'kicked', description: 'Close reason the client sees (at most 120 bytes as UTF-8)' }) reason?: string;
}

export class CloseRoomBody {
  @ApiPropertyOptional({ default: 'closed by the server', description: 'Why; every member gets `player_left` "kicked" with detail "room closed: <reason>"' })
  reason?: string;
}

export class PublishReply {
  @ApiProperty({ description: 'Offset the event got (reliable room events; 0 otherwise)' }) offset!: number;
  @ApiProperty({ description: 'Connections that got it (player events)' }) delivered!: number;
}

export class KickReply {
  @ApiProperty({ description: 'Connections closed' }) kicked!: number;
}

export class CloseRoomReply {
  @ApiProperty({ description: 'Members removed' }) removed!: number;
}

export class ApiErrorBody {
  @ApiProperty({ example: 404 }) statusCode!: number;
  @ApiProperty({ example: 'UNKNOWN_ROOM', description: 'UNAUTHORIZED, API_OFF, UNKNOWN_ROOM, UNKNOWN_PLAYER, INVALID_BODY, PAYLOAD_TOO_LARGE, INSTANCES_UNAVAILABLE' })
  error!: string;
  @ApiProperty({ example: 'no room "lobby-7" on any instance' }) message!: string;
}
