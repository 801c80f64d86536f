/**
 * WebSocket close codes the gateway uses. 4000-4099: the client should reconnect and resume;
 * 4100-4199: terminal, reconnecting with the same credentials will fail again.
 */
export const CloseCode = {
  /** Normal close: the session ends at once (no resume grace). */
  Normal: 1000,
  /** Server shutting down or restarting: reconnect (to another instance) and resume. */
  ServiceRestart: 1012,
  /** Policy violation: sustained abuse of the rate limit (a refused origin gets HTTP 403 at the upgrade). */
  PolicyViolation: 1008,
  /** Frame larger than MAX_MESSAGE_BYTES. */
  MessageTooBig: 1009,
  /** The gateway failed to set up the connection (a bug, here or in a module's connection hook): reconnect with backoff. */
  InternalError: 1011,
  /** No pong within HEARTBEAT_TIMEOUT_MS. */
  HeartbeatTimeout: 4000,
  /** No inbound data frame for MAX_IDLE_MS. */
  IdleTimeout: 4001,
  /** Connection older than MAX_LIFETIME_MS: reconnect and resume. */
  LifetimeExceeded: 4002,
  /** The client did not read: its send buffer passed the hard limit. */
  SlowConsumer: 4003,
  /** The same session was resumed on another connection. */
  SessionTakenOver: 4004,
  /** The token was missing or invalid (at the upgrade): terminal with the same credentials. */
  Unauthorized: 4100,
  /** The token's `exp` passed and no `refresh` came: reconnect (and resume) with a new token. */
  TokenExpired: 4101,
  /** A backend service removed the player (server API kick): terminal, the close reason says why. */
  Kicked: 4102,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Whether a client should reconnect (and resume) after this close code. */
export function isReconnectable(code: number): boolean {
  return code === CloseCode.ServiceRestart || code === CloseCode.InternalError || (code >= 4000 && code < 4100) || code === 1006;
}
