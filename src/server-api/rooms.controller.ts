import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  ApiErrorBody,
  CloseRoomBody,
  CloseRoomReply,
  HistoryReply,
  PublishReply,
  PublishRoomEventBody,
  RoomDetail,
  RoomsReply,
} from './api-models';
import { ApiAccessGuard } from './api-access.guard';
import { objectBody, queryInt } from './api-checks';
import { GatewayClient } from './gateway-client';

/** `/api/rooms`: list, detail, history, publish, close. Handlers only translate HTTP to `GatewayClient` calls. */
@ApiTags('rooms')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ApiErrorBody, description: 'Missing or wrong key (UNAUTHORIZED)' })
@ApiResponse({ status: 404, type: ApiErrorBody, description: 'UNKNOWN_ROOM, or API_OFF when no key is configured' })
@UseGuards(ApiAccessGuard)
@Controller('api/rooms')
export class RoomsController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @ApiOperation({ summary: 'Every room on every instance' })
  @ApiOkResponse({ type: RoomsReply })
  list(): Promise<RoomsReply> {
    return this.gateway.listRooms();
  }

  @Get(':roomId')
  @ApiOperation({ summary: "A room's members (with each socket's instance) and its state as clients see it" })
  @ApiOkResponse({ type: RoomDetail })
  detail(@Param('roomId') roomId: string): Promise<RoomDetail> {
    return this.gateway.room(roomId);
  }

  @Get(':roomId/history')
  @ApiOperation({ summary: "A room's reliable events after an offset (newest SERVER_API_HISTORY_MAX_EVENTS at most)" })
  @ApiQuery({ name: 'since', required: false, description: 'Offset to read after (default 0: from the start)' })
  @ApiQuery({ name: 'limit', required: false, description: 'Most events returned' })
  @ApiOkResponse({ type: HistoryReply })
  history(@Param('roomId') roomId: string, @Query('since') since?: string, @Query('limit') limit?: string): Promise<HistoryReply> {
    return this.gateway.history(roomId, queryInt(since, 'since', 0), queryInt(limit, 'limit', Number.MAX_SAFE_INTEGER));
  }

  @Post(':roomId/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a room_event to every member' })
  @ApiBody({ type: PublishRoomEventBody })
  @ApiOkResponse({ type: PublishReply })
  @ApiResponse({ status: 400, type: ApiErrorBody, description: 'INVALID_BODY' })
  @ApiResponse({ status: 413, type: ApiErrorBody, description: 'PAYLOAD_TOO_LARGE' })
  publish(@Param('roomId') roomId: string, @Body() body: unknown): Promise<PublishReply> {
    const event = objectBody(body);
    return this.gateway.publishToRoom(roomId, { name: event.name, data: event.data, reliable: event.reliable });
  }

  @Post(':roomId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a room: every member gets player_left "kicked" and is removed' })
  @ApiBody({ type: CloseRoomBody, required: false })
  @ApiOkResponse({ type: CloseRoomReply })
  close(@Param('roomId') roomId: string, @Body() body: unknown): Promise<CloseRoomReply> {
    return this.gateway.closeRoom(roomId, { reason: objectBody(body).reason });
  }
}
