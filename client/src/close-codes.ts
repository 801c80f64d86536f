/** Close codes of the protocol (docs/protocol.md, "Close codes") that change what the SDK does. */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  Abnormal: 1006,
  PolicyViolation: 1008,
  MessageTooBig: 1009,
  /** The gateway failed to set up the connection (a bug on its side): reconnect with backoff. */
  InternalError: 1011,
  ServiceRestart: 1012,
  SessionTakenOver: 4004,
  /** Token missing or invalid: terminal with the same credentials. */
  Unauthorized: 4100,
  /** The token expired and no `refresh` came: terminal with the same token, fine with a new one. */
  TokenExpired: 4101,
  /** A backend service removed the player (the close reason says why): terminal, the SDK does not reconnect. */
  Kicked: 4102,
} as const;

/** 1006 (dropped), 1011 (the server failed to set up the connection), 1012 (server restart), 4000-4099 (server says: come back and resume). */
export function isReconnectable(code: number): boolean {
  // 4004: another connection resumed this session; coming back would take it away again.
  return (
    code === CloseCode.Abnormal ||
    code === CloseCode.InternalError ||
    code === CloseCode.ServiceRestart ||
    (code >= 4000 && code < 4100 && code !== CloseCode.SessionTakenOver)
  );
}

/** 4100 and 4101: the credentials were refused; only a new token can help. */
export function isAuthFailure(code: number): boolean {
  return code === CloseCode.Unauthorized || code === CloseCode.TokenExpired;
}
