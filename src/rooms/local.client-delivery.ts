import { Inject, Injectable } from '@nestjs/common';
import { ConnectionPool } from '../connection';
import { DIRECT_LOG, type DirectLog } from '../history';
import type { ServerMessage } from '../protocol';
import type { ClientDelivery } from './client-delivery.port';

/** One instance: a client is reachable if it is in this instance's pool (or, for `sendDirect`, has a session log). */
@Injectable()
export class LocalClientDelivery implements ClientDelivery {
  constructor(
    private readonly pool: ConnectionPool,
    @Inject(DIRECT_LOG) private readonly directLog: DirectLog,
  ) {}

  send(clientId: string, message: ServerMessage): boolean {
    const connection = this.pool.get(clientId);
    return connection ? this.pool.send(connection, message) : false;
  }

  async sendDirect(clientId: string, message: ServerMessage): Promise<boolean> {
    const seq = await this.directLog.append(clientId, message);
    if (seq === undefined) return false;
    const connection = this.pool.get(clientId);
    if (connection) this.pool.send(connection, message);
    return true;
  }
}
