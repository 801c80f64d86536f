import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InstancesReply } from './api-models';
import { ApiAccessGuard } from './api-access.guard';
import { GatewayClient } from './gateway-client';

/** `/api/instances`: the gateway instances and their load. */
@ApiTags('instances')
@ApiBearerAuth()
@UseGuards(ApiAccessGuard)
@Controller('api/instances')
export class InstancesController {
  constructor(private readonly gateway: GatewayClient) {}

  @Get()
  @ApiOperation({ summary: 'Every gateway instance: connections, rooms, CPU, event-loop lag, bus state' })
  @ApiOkResponse({ type: InstancesReply })
  async list(): Promise<InstancesReply> {
    return { instances: await this.gateway.instances() };
  }
}
