import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { randomId } from '../common';
import { connectionConfig } from '../config';
import type { Connection } from '../connection';
import { ErrorCode, GameError, MessageType, type ResumePayload, type ServerMessage, serverMessage } from '../protocol';

interface Session {
  readonly id: string;
  readonly resumeToken: string;
  clientId: string;
}

/**
 * Sessions: one per connection, announced in `welcome`. Resuming a dropped session is the
 * reliable-delivery issue's work; until then every `resume` gets RESUME_FAILED and the
 * connection keeps its fresh session.
 */
@Injectable()
export class SessionService {
  private readonly byClientId = new Map<string, Session>();

  constructor(@Inject(connectionConfig.KEY) private readonly connection: ConfigType<typeof connectionConfig>) {}

  /** Opens a fresh session for a new connection and returns its `welcome`. */
  open(connection: Connection): ServerMessage<'welcome'> {
    const session: Session = { id: randomId(12), resumeToken: randomId(24), clientId: connection.clientId };
    this.byClientId.set(connection.clientId, session);
    connection.sessionId = session.id;
    return serverMessage(MessageType.Welcome, {
      client_id: connection.clientId,
      session_id: session.id,
      resume_token: session.resumeToken,
      heartbeat_interval_ms: this.connection.heartbeatIntervalMs,
      server_time: Date.now(),
    });
  }

  close(connection: Connection): void {
    this.byClientId.delete(connection.clientId);
  }

  resume(_connection: Connection, _request: ResumePayload): never {
    throw new GameError(ErrorCode.ResumeFailed, 'session cannot be resumed; continuing with the new session from welcome');
  }
}
