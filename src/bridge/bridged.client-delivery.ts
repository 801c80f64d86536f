import type { Bus } from '../bus';
import type { ClientRegistry } from '../cluster';
import type { ConnectionPool } from '../connection';
import type { ServerMessage } from '../protocol';
import type { ClientDelivery, LocalClientDelivery } from '../rooms';
import { CLIENT_MESSAGE, type ClientMessage, instanceChannel } from './bridge.topics';
import { PASS_MS } from './room-housekeeping';


/**
 * `ClientDelivery` across instances: a client connected here is served by the local delivery;
 * any other is looked up in the client registry and its message published on its instance's
 * channel, where `deliverHere` hands it to the local delivery.
 */
export class BridgedClientDelivery implements ClientDelivery {
  constructor(
    private readonly local: LocalClientDelivery,
    private readonly pool: ConnectionPool,
    private readonly clients: ClientRegistry,
    private readonly bus: Bus,
    private readonly instanceId: string,
  ) {}

  send(clientId: string, message: ServerMessage): boolean {
    if (this.pool.get(clientId)) return this.local.send(clientId, message);
    void this.deliverRemote(clientId, message, false);
    return true;
  }

  sendDirect(clientId: string, message: ServerMessage): Promise<boolean> {
    if (this.pool.get(clientId)) return this.local.sendDirect(clientId, message);
    return this.deliverRemote(clientId, message, true);
  }

  /** A message another instance published for a client of this one. */
  deliverHere({ clientId, message, sequenced }: ClientMessage): void {
    if (sequenced) void this.local.sendDirect(clientId, message);
    else this.local.send(clientId, message);
  }

  private async deliverRemote(clientId: string, message: ServerMessage, sequenced: boolean): Promise<boolean> {
    let instance = await this.clients.locate(clientId);
    if (!instance) {
      // A client that connected a moment ago is registered by the next pass.
      await new Promise((resolve) => setTimeout(resolve, PASS_MS * 2).unref());
      instance = await this.clients.locate(clientId);
    }
    // Nowhere else (or here after all): a parked session may still take a direct message here.
    if (!instance || instance === this.instanceId) return sequenced ? this.local.sendDirect(clientId, message) : this.local.send(clientId, message);
    this.bus.publish(instanceChannel(instance), CLIENT_MESSAGE, { clientId, message, sequenced });
    return true;
  }
}
