import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ClusterQuery } from './cluster-query';
import { InstanceProbe } from './instance-probe';
import { NodeRegistry } from './node-registry';
import { type KickRequest, PlayerOperations, type PlayerEventRequest } from './player-operations';
import { type RoomEventRequest, RoomOperations } from './room-operations';
import { ApiOp } from './server-api.constants';

type Args = Record<string, unknown>;

/**
 * Makes this gateway instance a node of the server API: it beats with its load and answers the
 * operations other instances (and backend processes) ask of everyone.
 */
@Injectable()
export class ServerApiNode implements OnModuleInit {
  constructor(
    private readonly nodes: NodeRegistry,
    private readonly query: ClusterQuery,
    private readonly probe: InstanceProbe,
    private readonly rooms: RoomOperations,
    private readonly players: PlayerOperations,
  ) {}

  onModuleInit(): void {
    this.nodes.serve(
      () => {
        this.rooms.sampleTraffic();
        return this.probe.read();
      },
      () => this.probe.current(),
    );
    this.query.serve((op, args) => this.answer(op as ApiOp, args));
  }

  /** Arguments were checked by the asking instance's `GatewayClient`. */
  private answer(op: ApiOp, args: Args): unknown {
    switch (op) {
      case ApiOp.Rooms:
        return this.rooms.list();
      case ApiOp.Room:
        return this.rooms.detail(args.roomId as string);
      case ApiOp.History:
        return this.rooms.readHistory(args.roomId as string, args.since as number, args.limit as number);
      case ApiOp.PublishRoom:
        return this.rooms.publish(args as unknown as RoomEventRequest);
      case ApiOp.CloseRoom:
        return this.rooms.close(args.roomId as string, args.reason as string);
      case ApiOp.Presence:
        return this.players.presence(args.playerId as string);
      case ApiOp.PublishPlayer:
        return this.players.publish(args as unknown as PlayerEventRequest);
      case ApiOp.Kick:
        return this.players.kick(args as unknown as KickRequest);
      default:
        return null; // an operation of a newer version of the gateway: nothing here
    }
  }
}
