import WebSocket, { type ClientOptions } from 'ws';

/**
 * Attempts an upgrade that the server is expected to refuse and resolves with the HTTP status
 * it answered; rejects if a socket opened instead.
 */
export function refusedUpgradeStatus(url: string, protocols: string[] = [], options: ClientOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, options);
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      response.resume();
      ws.terminate();
    });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('upgrade was accepted, expected a refusal'));
    });
    ws.once('error', (error) => reject(error));
  });
}

/**
 * Attempts an upgrade that the server is expected to accept and close at once (an authentication
 * failure): resolves with the close code and reason, and how many data frames arrived before it
 * (none expected: no welcome, no session). Rejects if the upgrade was refused with HTTP instead.
 */
export function closedAtUpgrade(url: string, protocols: string[] = []): Promise<{ code: number; reason: string; frames: number; protocol: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    let frames = 0;
    ws.on('message', () => (frames += 1));
    ws.once('unexpected-response', (_request, response) => {
      response.resume();
      ws.terminate();
      reject(new Error(`upgrade was refused with HTTP ${response.statusCode}, expected an accept and a close`));
    });
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString(), frames, protocol: ws.protocol }));
    ws.once('error', (error) => reject(error));
  });
}
