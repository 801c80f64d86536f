import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorBody, KickBody, KickReply, PresenceReply, PublishPlayerEventBody, PublishReply } from './api-models';
import { ApiAccessGuard } from './api-access.guard';
import { objectBody } from './api-checks';
import { GatewayClient } from './gateway-client';

/** `/api/players/:playerId`: presence, direct events, kick. A player is named by player id or client id. */
@ApiTags('players')
@ApiBearerAuth()
@ApiResponse({ status: 401, type: ApiErrorBody, description: 'Missing or wrong key (UNAUTHORIZED)' })
@ApiResponse({ status: 404, type: ApiErrorBody, description: 'UNKNOWN_PLAYER (not connected anywhere), or API_OFF' })
@UseGuards(ApiAccessGuard)
@Controller('api/players')
export class PlayersController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get(':playerId')
  @ApiOperation({ summary: "Where a player is connected: each connection's instance and rooms" })
  @ApiOkResponse({ type: PresenceReply })
  presence(@Param('playerId') playerId: string): Promise<PresenceReply> {
    return this.gateway.presence(playerId);
  }

  @Post(':playerId/events')
  @HttpCode(200)
  @ApiOperation({ summary: "Send a room_event to the player's connections (a direct message: sequenced, replayed after a resume)" })
  @ApiBody({ type: PublishPlayerEventBody })
  @ApiOkResponse({ type: PublishReply })
  @ApiResponse({ status: 400, type: ApiErrorBody, description: 'INVALID_BODY' })
  @ApiResponse({ status: 413, type: ApiErrorBody, description: 'PAYLOAD_TOO_LARGE' })
  publish(@Param('playerId') playerId: string, @Body() body: unknown): Promise<PublishReply> {
    const event = objectBody(body);
    return this.gateway.publishToPlayer(playerId, { name: event.name, data: event.data, room_id: event.room_id });
  }

  @Post(':playerId/kick')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove the player from its rooms and close its connections (default close code 4102 Kicked)' })
  @ApiBody({ type: KickBody, required: false })
  @ApiOkResponse({ type: KickReply })
  @ApiResponse({ status: 400, type: ApiErrorBody, description: 'INVALID_BODY (a bad code or an over-long reason)' })
  kick(@Param('playerId') playerId: string, @Body() body: unknown): Promise<KickReply> {
    const options = objectBody(body);
    return this.gateway.kick(playerId, { code: options.code, reason: options.reason });
  }
}
