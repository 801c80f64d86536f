/**
 * A token was missing, malformed, wrongly signed, not yet valid, issued in the future, for
 * another issuer or audience, without `sub`, or (`expired`) past its `exp`: the client's fault.
 */
export class AuthError extends Error {
  constructor(
    message: string,
    /** The token was fine but its `exp` passed: a new token helps, the same one never will. */
    readonly expired = false,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** The token could not be checked right now (a remote JWKS did not answer): not the client's fault, retry later. */
export class AuthUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuthUnavailableError';
  }
}
