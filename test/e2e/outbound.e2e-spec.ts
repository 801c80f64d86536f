import WebSocket from 'ws';
import { GameClient, type WebSocketConstructor } from '../../client/src';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import type { ServerFrame } from '../../client/src/types';
import { useGateway } from '../support/gateway';
import { type Codec, decodeServerFrame, TestClient } from '../support/test-client';

type Connected = Awaited<ReturnType<typeof TestClient.connectWelcomed>>;

async function joined(url: string, room: string, options: Parameters<typeof TestClient.connectWelcomed>[1] = {}): Promise<Connected> {
  const connected = await TestClient.connectWelcomed(url, options);
  connected.client.send('join_room', { room_id: room });
  await connected.client.next('room_joined');
  return connected;
}

/** A move and a chat from `sender`; resolves when `receiver` got both the chat and the sync showing the move. */
async function moveAndChat(sender: Connected, receiver: TestClient, room: string, text: string, inputSeq: number) {
  sender.client.send('game_action', { room_id: room, action: 'move', position: { x: 2, y: 3, z: 0 }, input_seq: inputSeq });
  sender.client.send('chat', { room_id: room, text });
  const chat = await receiver.next('chat', (f) => f.payload.text === text, 15000);
  const sync = await receiver.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === inputSeq), 15000);
  return { chat, sync };
}

describe('outbound engine', () => {
  describe('pre-framed broadcasts', () => {
    const gateway = useGateway();

    it('should reach JSON and protobuf clients of one room intact', async () => {
      const room = 'preframed';
      const sender = await joined(gateway.wsUrl, room);
      const json = await joined(gateway.wsUrl, room, { codec: 'json' });
      const proto = await joined(gateway.wsUrl, room, { codec: 'proto' });
      for (const [index, receiver] of [json.client, proto.client].entries()) {
        const text = `hello ${index} ${'é'.repeat(150)}`; // multi-byte text past the 125-byte short frame length
        const { chat, sync } = await moveAndChat(sender, receiver, room, text, index + 1);
        expect(chat.payload).toEqual(expect.objectContaining({ text, room_id: room, from_client_id: sender.clientId }));
        expect(sync.payload.players.find((p) => p.last_input_seq === index + 1)?.position).toEqual({ x: 2, y: 3, z: 0 });
      }
      expect(json.client.binaryFlags.every((binary) => !binary)).toBe(true);
      expect(proto.client.binaryFlags.every((binary) => binary)).toBe(true);
      await Promise.all([sender, json, proto].map(({ client }) => client.close()));
    });
  });

  describe('with WS_COMPRESSION=true (compressing sockets fall back to ws send)', () => {
    const gateway = useGateway({ WS_COMPRESSION: 'true', WS_COMPRESSION_THRESHOLD_BYTES: '512', CHAT_MAX_LENGTH: '2000' });

    it('should deliver one broadcast intact to a plain and a compressing member', async () => {
      const room = 'mixed';
      const text = 'gg '.repeat(600);
      const sender = await joined(gateway.wsUrl, room);
      // The plain member first: the broadcast has framed its buffer before it meets the compressing one.
      const plain = await joined(gateway.wsUrl, room, { ws: { perMessageDeflate: false } });
      const zipped = await joined(gateway.wsUrl, room, { ws: { perMessageDeflate: true } });
      expect(zipped.client.socket.extensions).toContain('permessage-deflate');
      sender.client.send('chat', { room_id: room, text });
      for (const { client } of [plain, zipped]) {
        expect((await client.next('chat', (f) => f.payload.text === text)).payload.from_client_id).toBe(sender.clientId);
      }
      await Promise.all([sender, plain, zipped].map(({ client }) => client.close()));
    });
  });

  // At the default BATCH_MAX_WAIT_MS=0 a batch holds what one event-loop turn sends a client.
  describe.each<[Codec]>([['json'], ['proto']])('batch frames at the default window (%s)', (codec) => {
    const gateway = useGateway();

    // Deliberate break tried: encoding a batch of one for a lone message fails this test.
    it('should send a lone message as a plain frame, not as a batch of one', async () => {
      const { client } = await TestClient.connectWelcomed(`${gateway.wsUrl}?batch=1`, { codec });
      await client.barrier();
      expect(client.frames.map((f) => f.type)).toEqual(['welcome', 'pong']);
      await client.close();
    });

    it("should pack the ack and the room's echo of a chat, sent in one turn, into one batch", async () => {
      const room = `batch-default-${codec}`;
      const batched = await joined(`${gateway.wsUrl}?batch=1`, room, { codec });
      // The join's own turn (room_joined and the sync right after it) is a batch too: let it pass.
      await batched.client.next('batch', (b) => b.payload.messages.some((m) => m.type === 'room_joined'));
      batched.client.send('chat', { room_id: room, text: 'same turn' }, 'chat-1');
      const batch = await batched.client.next('batch', (b) => b.payload.messages.some((m) => m.type === 'chat'));
      // A tick's sync may fall into the same window on a loaded machine: it may ride along.
      expect(batch.payload.messages.map((m) => m.type).filter((type) => type !== 'sync').sort()).toEqual(['ack', 'chat']);
      await batched.client.close();
    });
  });

  // A wide window makes "one batch holds the chat and the sync" independent of when the tick falls.
  describe.each<[Codec]>([['json'], ['proto']])('batch frames (%s)', (codec) => {
    const gateway = useGateway({ BATCH_MAX_WAIT_MS: '500', BATCH_MAX_BYTES: '1024', CHAT_MAX_LENGTH: '2000' });

    // Deliberate break tried: ignoring BATCH_MAX_BYTES puts the three chats in one batch frame.
    it('should send what is pending as soon as the next message would pass BATCH_MAX_BYTES', async () => {
      const room = `batch-bytes-${codec}`;
      const sender = await joined(gateway.wsUrl, room);
      const batched = await joined(`${gateway.wsUrl}?batch=1`, room, { codec });
      await batched.client.barrier();
      const texts = ['a', 'b', 'c'].map((letter) => letter.repeat(600)); // each frame over half of 1024 bytes
      for (const text of texts) sender.client.send('chat', { room_id: room, text });
      for (const text of texts) await batched.client.next('chat', (f) => f.payload.text === text);
      const bigChatsPerFrame = batched.client
        .received('batch')
        .map((b) => b.payload.messages.filter((m) => m.type === 'chat' && texts.includes((m.payload as { text: string }).text)).length);
      expect(Math.max(0, ...bigChatsPerFrame)).toBeLessThanOrEqual(1);
      await Promise.all([sender, batched].map(({ client }) => client.close()));
    });

    it('should pack an opted-in client\'s messages into one batch, and send others individual frames', async () => {
      const room = `batch-${codec}`;
      const sender = await joined(gateway.wsUrl, room);
      const batched = await joined(`${gateway.wsUrl}?batch=1`, room, { codec });
      const plain = await joined(gateway.wsUrl, room, { codec });
      await Promise.all([batched.client.barrier(), plain.client.barrier()]);

      await moveAndChat(sender, batched.client, room, 'in one frame', 5);
      const batch = await batched.client.next('batch', (f) => f.payload.messages.some((m) => m.type === 'chat'));
      const types = batch.payload.messages.map((m) => m.type);
      expect(types).toEqual(expect.arrayContaining(['chat', 'sync']));
      expect(batch.payload.messages.find((m) => m.type === 'chat')).toEqual(
        expect.objectContaining({ room_id: room, offset: expect.any(Number), payload: expect.objectContaining({ text: 'in one frame' }) }),
      );

      await moveAndChat(sender, plain.client, room, 'in one frame', 5);
      expect(plain.client.received('batch')).toEqual([]);
      await Promise.all([sender, batched, plain].map(({ client }) => client.close()));
    });

    it('should have the SDK (batch: true) deliver the batched messages as single events, in order', async () => {
      const room = `sdk-${codec}`;
      const raw: ServerFrame[][] = [];
      // Records what came over the wire, beside the SDK's own handler.
      const Recording = class extends WebSocket {
        constructor(url: string, protocols?: string[]) {
          super(url, protocols);
          // The SDK sets binaryType 'arraybuffer'.
          this.on('message', (data: Buffer | ArrayBuffer, isBinary: boolean) => {
            const frame = decodeServerFrame(Buffer.isBuffer(data) ? data : Buffer.from(data), isBinary);
            raw.push(frame.type === 'batch' ? (frame.payload.messages as ServerFrame[]) : [frame as ServerFrame]);
          });
        }
      } as unknown as WebSocketConstructor;
      const client = new GameClient(gateway.wsUrl, {
        batch: true,
        codec: codec === 'proto' ? new ProtobufCodec() : undefined,
        WebSocket: Recording,
      });
      const events: string[] = [];
      const label = (f: ServerFrame) => (f.type === 'chat' ? `chat:${f.payload.text}` : `sync:${(f as ServerFrame<'sync'>).payload.frame_num}`);
      client.on('chat', (f) => events.push(label(f)));
      client.on('sync', (f) => events.push(label(f)));
      const gotChat = new Promise<void>((resolve) => client.on('chat', (f) => f.payload.text === 'sdk' && resolve()));
      const gotSync = new Promise<void>((resolve) => client.on('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 9) && resolve()));
      const gotJoined = new Promise<void>((resolve) => client.on('room_joined', () => resolve()));
      await client.connect();
      client.joinRoom(room);
      await gotJoined;
      const sender = await joined(gateway.wsUrl, room);
      sender.client.send('game_action', { room_id: room, action: 'move', position: { x: 1, y: 1, z: 0 }, input_seq: 9 });
      sender.client.send('chat', { room_id: room, text: 'sdk' });
      await Promise.all([gotChat, gotSync]);

      const fromWire = raw.flat().filter((f) => f.type === 'chat' || f.type === 'sync').map(label);
      expect(raw.some((messages) => messages.length > 1)).toBe(true); // at least one real batch came
      expect(events).toEqual(fromWire);
      expect(events).toContain('chat:sdk');
      client.close();
      await sender.client.close();
    });
  });
});
