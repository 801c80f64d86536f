import WebSocket from 'ws';

type Handler = (message: { type: string; payload: any; timestamp: number }) => void;

/**
 * A client written the way the original design's JavaScript `GameClient` is: `onopen` /
 * `onmessage` properties, `JSON.parse` of every frame, handlers by `type`, `{type, payload,
 * timestamp}` out, and nothing of the gateway's additions (no subprotocol, no ids, no resume).
 * Tests use it to prove that such clients keep working unchanged.
 */
export class OriginalStyleClient {
  ws: WebSocket | null = null;
  reconnectInterval = 3000;
  messageHandlers = new Map<string, Handler>();
  onConnect: () => void = () => {};

  constructor(private readonly serverUrl: string) {}

  connect(): void {
    this.ws = new WebSocket(this.serverUrl);
    this.ws.onopen = () => this.onConnect();
    this.ws.onmessage = (event) => this.handleMessage(JSON.parse(event.data as string));
    this.ws.onerror = () => {};
  }

  send(type: string, payload: object): void {
    if (this.ws?.readyState === WebSocket.OPEN) {
      this.ws.send(JSON.stringify({ type, payload, timestamp: Date.now() }));
    }
  }

  handleMessage(message: { type: string; payload: any; timestamp: number }): void {
    this.messageHandlers.get(message.type)?.(message);
  }

  on(messageType: string, handler: Handler): void {
    this.messageHandlers.set(messageType, handler);
  }

  joinRoom(roomId: string): void {
    this.send('join_room', { room_id: roomId });
  }

  sendGameAction(action: string, data: object): void {
    this.send('game_action', { action, ...data });
  }

  close(): void {
    this.ws?.close();
  }
}
