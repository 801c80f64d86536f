import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CodecRegistry } from '../codec';

/** RFC 6455's magic string for Sec-WebSocket-Accept. */
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A client's Sec-WebSocket-Key: 16 random bytes in base64 (the check `ws` applies too). */
const KEY_PATTERN = /^[+/0-9A-Za-z]{22}==$/;
/** How long a refused socket may wait for the client's answering close frame before it is dropped. */
const CLOSE_LINGER_MS = 2000;

/** Refuses an upgrade with an HTTP status and no socket. */
export function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Accepts the handshake and closes at once with `code` and `reason`, written straight to the TCP
 * socket: no `WebSocket` object, no session, no pool entry, and the socket is dropped after
 * CLOSE_LINGER_MS if the client never answers. A browser sees this close code, where a refused
 * upgrade reaches its code only as 1006. If the client offered subprotocols, one is selected
 * (a browser fails a handshake that offered some and got none): the codec if one was offered,
 * else the first entry. A request that is not a valid WebSocket handshake gets HTTP 401.
 */
export function closeAtUpgrade(request: IncomingMessage, socket: Duplex, code: number, reason: string): void {
  const key = request.headers['sec-websocket-key'];
  const version = request.headers['sec-websocket-version'];
  if (request.method !== 'GET' || typeof key !== 'string' || !KEY_PATTERN.test(key) || (version !== '13' && version !== '8')) {
    return rejectUpgrade(socket, 401, 'Unauthorized');
  }
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
  const protocol = CodecRegistry.selectSubprotocol(offered) || offered[0];
  const head = [
    'HTTP/1.1 101 Switching Protocols',
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Accept: ${accept}`,
    ...(protocol ? [`Sec-WebSocket-Protocol: ${protocol}`] : []),
    '',
    '',
  ].join('\r\n');
  socket.write(head);
  socket.end(closeFrame(code, reason));
  // Read (and drop) the client's answering close frame, so that its FIN can end the socket.
  socket.resume();
  if ('setTimeout' in socket) (socket as Duplex & { setTimeout(ms: number, cb: () => void): void }).setTimeout(CLOSE_LINGER_MS, destroyNow);
}

/** An unmasked, final close frame (server to client) carrying `code` and up to 123 bytes of `reason`. */
export function closeFrame(code: number, reason: string): Buffer {
  const text = Buffer.from(reason, 'utf8').subarray(0, 123);
  const frame = Buffer.allocUnsafe(4 + text.length);
  frame[0] = 0x88; // FIN + opcode 8 (close)
  frame[1] = 2 + text.length;
  frame.writeUInt16BE(code, 2);
  text.copy(frame, 4);
  return frame;
}

function destroyNow(this: Duplex): void {
  this.destroy();
}
