import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import type { Subscription } from 'rxjs';
import { type Bus, BUS } from '../bus';
import { CLIENT_REGISTRY, type ClientRegistry, ROOM_LEASES, ROOM_STATE_STORE, type RoomLeases, type RoomStateStore } from '../cluster';
import { INSTANCE_ID } from '../common';
import { ModuleRef } from '@nestjs/core';
import { clusterConfig, connectionConfig, roomsConfig, sessionConfig } from '../config';
import { ConnectionDrain, ConnectionPool } from '../connection';
import { ROOM_HISTORY, type RoomHistory } from '../history';
import { GameLogicRegistry } from '../game-api';
import { GameLogicRunner, LocalClientDelivery, LocalRoomRouter, RoomAdmission, RoomFanout, RoomRegistry } from '../rooms';
import { BridgedClientDelivery } from './bridged.client-delivery';
import { BridgedRoomRouter } from './bridged.room-router';
import { CLIENT_MESSAGE, instanceChannel, ROOM_COMMAND, RoomCommandName } from './bridge.topics';
import { RemoteSeats } from './remote-seats';
import { RoomFence } from './room-fence';
import { RoomHandover } from './room-handover';
import { RoomHousekeeping } from './room-housekeeping';
import { RemoteLeaves } from './remote-leaves';
import { RoomLeasePass } from './room-lease-pass';
import { RoomOwnerCommands } from './room-owner-commands';
import { type Reply, RoomOwners } from './room-owners';
import { RoomPresence } from './room-presence';
import { RoomRestorer } from './room-restorer';
import { SyncService } from '../sync';

/**
 * The bridge, assembled: the distributed `RoomRouter` and `ClientDelivery` and the parts behind
 * them, wired to the room core, the cluster ports and the bus. Built only when REDIS_URL is set
 * (`RoomRoutingModule.forRoot()`); owns the bridge's lifecycle: its instance channel, presence
 * recording, the housekeeping pass and, at shutdown, the handover of the rooms run here.
 */
@Injectable()
export class RoomBridge implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(RoomBridge.name);
  readonly router: BridgedRoomRouter;
  readonly delivery: BridgedClientDelivery;
  private readonly owners: RoomOwners;
  private readonly commands: RoomOwnerCommands;
  private readonly housekeeping: RoomHousekeeping;
  private readonly presence: RoomPresence;
  private readonly handover: RoomHandover;
  private readonly subscriptions: Subscription[] = [];
  private readonly unsubscribers: (() => void)[] = [];

  constructor(
    @Inject(BUS) private readonly bus: Bus,
    @Inject(INSTANCE_ID) private readonly instanceId: string,
    @Inject(ROOM_LEASES) leases: RoomLeases,
    @Inject(CLIENT_REGISTRY) clients: ClientRegistry,
    @Inject(ROOM_STATE_STORE) store: RoomStateStore,
    @Inject(ROOM_HISTORY) history: RoomHistory,
    @Inject(clusterConfig.KEY) cluster: ConfigType<typeof clusterConfig>,
    @Inject(sessionConfig.KEY) session: ConfigType<typeof sessionConfig>,
    @Inject(roomsConfig.KEY) roomsConfiguration: ConfigType<typeof roomsConfig>,
    pool: ConnectionPool,
    rooms: RoomRegistry,
    private readonly admission: RoomAdmission,
    fanout: RoomFanout,
    runner: GameLogicRunner,
    kinds: GameLogicRegistry,
    local: LocalRoomRouter,
    localDelivery: LocalClientDelivery,
    private readonly drain: ConnectionDrain,
    @Inject(connectionConfig.KEY) private readonly connection: ConfigType<typeof connectionConfig>,
    moduleRef: ModuleRef,
  ) {
    const remote = new RemoteSeats();
    // The tick loop and every path that acts for a room run here ask it first.
    const fence = new RoomFence(cluster.roomLeaseMs);
    rooms.guardWith(fence);
    this.owners = new RoomOwners(bus, instanceId, leases, rooms, remote, cluster.forwardTimeoutMs, fence);
    const restorer = new RoomRestorer(rooms, kinds, runner, store, history, instanceId);
    this.delivery = new BridgedClientDelivery(localDelivery, pool, clients, bus, instanceId);
    // Kept until the room's restore by a resume is no longer possible, plus a lease to find its owner.
    const leaves = new RemoteLeaves(this.owners, instanceId, session.resumeGraceMs + 2 * cluster.roomLeaseMs);
    this.router = new BridgedRoomRouter(local, { rooms, admission, fanout, history, presence: store }, this.owners, restorer, remote, leaves, instanceId);
    this.commands = new RoomOwnerCommands(
      rooms, admission, fanout, this.delivery, this.owners, restorer, instanceId, roomsConfiguration.maxQueuedActions, history, cluster.publicUrl,
    );
    this.presence = new RoomPresence(store, leases, instanceId);
    const leasePass = new RoomLeasePass({ leases }, { rooms, admission, history, fanout }, { remote, restorer, owners: this.owners, fence, leaves }, pool, instanceId);
    this.housekeeping = new RoomHousekeeping(
      { clients, store },
      { rooms, admission },
      { leasePass, fence },
      pool,
      instanceId,
      { roomLeaseMs: cluster.roomLeaseMs, snapshotIntervalMs: cluster.snapshotIntervalMs, resumeGraceMs: session.resumeGraceMs },
      () => this.commands.retryDeferred(),
    );
    this.handover = new RoomHandover(
      { rooms, history },
      { leases, store },
      { owners: this.owners, restorer, housekeeping: this.housekeeping },
      instanceId,
      // Looked up when used: the tick loop depends on CLIENT_DELIVERY, which this bridge provides.
      (now) => moduleRef.get(SyncService, { strict: false }).tick(now),
    );
    restorer.whenRestored((roomId) => leasePass.adopt(roomId));
    // Redis refused a history append: the room's lease is another instance's (as the lease pass would find).
    history.onLeaseLost?.((roomId, owner) => leasePass.lose(roomId, owner));
    // From the first seat on: the next owner restores the room from this presence.
    this.subscriptions.push(this.admission.changes$.subscribe((change) => this.presence.record(change)));
    // A member of a room run elsewhere that its owner kicked holds no seat here any more.
    this.subscriptions.push(fanout.departures$.subscribe(({ connection, roomId }) => remote.unseat(roomId, connection.clientId)));
  }

  onApplicationBootstrap(): void {
    const channel = instanceChannel(this.instanceId);
    this.unsubscribers.push(
      this.bus.subscribe(channel, ROOM_COMMAND, (command, origin) => {
        if (command.command === RoomCommandName.Reply) this.owners.settle(command.requestId, command.data as Reply);
        else if (command.command === RoomCommandName.Released) this.housekeeping.checkLeasesNow();
        else this.commands.handle(command, origin);
      }),
      this.bus.subscribe(channel, CLIENT_MESSAGE, (message) => this.delivery.deliverHere(message)),
    );
    this.subscriptions.push(
      this.bus.status$.subscribe((status) => {
        if (status === 'connected') {
          this.owners.redisBack();
          this.housekeeping.rewriteAll();
        } else this.owners.redisAway();
      }),
    );
    this.housekeeping.start();
  }

  /**
   * After the connections are closed (their clients resume elsewhere; `drain` is awaited here
   * because Nest may call this module's hook before the connection module's), before Redis
   * closes: the rooms run here are handed over, within a quarter of SHUTDOWN_TIMEOUT_MS.
   */
  async beforeApplicationShutdown(signal?: string): Promise<void> {
    await this.drain.drain(signal);
    const boundMs = this.connection.shutdownTimeoutMs / 4;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), boundMs)));
    const handedOver = this.handover.handOver().then(
      () => true,
      (error: Error) => (this.logger.warn(`room handover failed: ${error.message}`), true),
    );
    const done = await Promise.race([handedOver, bound]);
    clearTimeout(timer);
    // Rooms not released in time move when their leases expire, as after a failover.
    if (!done) this.logger.warn(`room handover did not finish within ${boundMs} ms; leaving the rest to lease expiry`);
  }

  onApplicationShutdown(): void {
    void this.housekeeping.stop();
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    for (const subscription of this.subscriptions.splice(0)) subscription.unsubscribe();
    this.owners.close();
  }
}
