import { Injectable } from '@nestjs/common';
import { AuthError, AuthService, AuthUnavailableError } from '../auth';
import type { Connection } from '../connection';
import { ErrorCode, GameError, MessageType, type ServerMessage, serverMessage } from '../protocol';

/**
 * `refresh`: a client hands the open connection a new token before its current one expires (the
 * connection sweep closes it with 4101 once `token_expires_at` and the clock tolerance passed).
 * The new token must verify exactly as at the upgrade and carry the connection's `sub`.
 *
 * A refused refresh (invalid, expired, or another user's token) is answered with `error`
 * UNAUTHORIZED and changes nothing: the connection keeps its identity and its current token
 * until that one expires. It is not closed at once, because the current token is still valid
 * and a client whose token endpoint returned a bad token can still retry in time; to switch users,
 * reconnect with the other user's token.
 */
@Injectable()
export class TokenRefresh {
  constructor(private readonly auth: AuthService) {}

  async refresh(connection: Connection, token: string): Promise<ServerMessage<'refreshed'>> {
    if (!this.auth.enabled) throw new GameError(ErrorCode.Unauthorized, 'authentication is off on this gateway: there is no token to refresh');
    let verified;
    try {
      verified = await this.auth.verify(token);
    } catch (error) {
      if (error instanceof AuthUnavailableError) throw new GameError(ErrorCode.Internal, `the token could not be checked now (${error.message}); retry`);
      if (error instanceof AuthError) throw refused(error.message);
      throw error;
    }
    if (verified.userId !== connection.userId) throw refused('the token is for another user (its sub differs); reconnect with it to switch users');
    connection.tokenExpiresAt = verified.expiresAt;
    return serverMessage(MessageType.Refreshed, { token_expires_at: verified.expiresAt });
  }
}

function refused(why: string): GameError {
  return new GameError(ErrorCode.Unauthorized, `refresh refused: ${why}; the connection keeps its current token until token_expires_at`);
}
