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
