import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { ConnectionPool } from '../../src/connection';
import { useGateway } from '../support/gateway';
import { sampleValue, scrapeMetrics } from '../support/prometheus-text';
import { TestClient } from '../support/test-client';

const SOFT = 64 * 1024;
const HARD = 1024 * 1024;
const CHAT = 'x'.repeat(4000);
/** Largest single frame written here (a chat of CHAT plus its envelope), with room to spare. */
const LARGEST_FRAME = 8 * 1024;

/**
 * A client stops reading (its TCP socket paused) while its room keeps producing chats and syncs.
 * Once the kernel buffers are full the server queues for it: past the soft watermark its syncs
 * are dropped, past the hard limit it is closed with 4003. The other member keeps getting syncs.
 */
describe('slow consumers', () => {
  const gateway = useGateway({
      SEND_BUFFER_SOFT_BYTES: String(SOFT),
      SEND_BUFFER_HARD_BYTES: String(HARD),
      CHAT_MAX_LENGTH: '4096',
      TICK_RATE: '60',
      RATE_LIMIT_PER_SEC: '1000000',
      RATE_LIMIT_BURST: '1000000',
      // The chat fills the slow reader's buffer: no room chat rate in the way.
      ROOM_CHAT_RATE_PER_SEC: '100000',
      ROOM_CHAT_BURST: '1000000',
    });

  it('should bound what it queues for a client that does not read, then close it with 4003', async () => {
    const pool = gateway.app.get(ConnectionPool);
    const slow = await TestClient.connectWelcomed(gateway.wsUrl);
    const busy = await TestClient.connectWelcomed(gateway.wsUrl);
    for (const { client } of [slow, busy]) {
      client.send('join_room', { room_id: 'slow-room' });
      await client.next('room_joined');
    }
    const serverSide = pool.get(slow.clientId)!;
    (slow.client.socket as unknown as { _socket: Socket })._socket.pause();

    let maxQueued = 0;
    let seq = 0;
    while (serverSide.socket.readyState === WebSocket.OPEN && seq < 5000) {
      seq += 1;
      for (let i = 0; i < 10; i++) busy.client.send('chat', { text: CHAT });
      busy.client.send('game_action', { action: 'move', position: { x: seq % 100, y: 0, z: 0 }, input_seq: seq });
      const expected = seq;
      await busy.client.next('sync', (f) => f.payload.players.some((p) => p.player_id === busy.clientId && p.last_input_seq === expected));
      maxQueued = Math.max(maxQueued, serverSide.socket.bufferedAmount);
    }

    expect(serverSide.socket.readyState).not.toBe(WebSocket.OPEN);
    expect(pool.slowConsumerCloses).toBe(1);
    expect(pool.droppedSyncFrames).toBeGreaterThan(0);
    const samples = await scrapeMetrics(gateway.httpUrl);
    expect(sampleValue(samples, 'gateway_closes_total', { code: '4003' })).toBe(1);
    expect(sampleValue(samples, 'gateway_dropped_frames_total', { reason: 'slow_consumer' })).toBe(pool.droppedSyncFrames);
    expect(maxQueued).toBeLessThanOrEqual(HARD + LARGEST_FRAME);
    // The reader catches up on what was queued, then reads the close frame.
    (slow.client.socket as unknown as { _socket: Socket })._socket.resume();
    expect((await slow.client.closed).code).toBe(4003);
    // The other member was never held back.
    await busy.client.barrier();
    expect(busy.client.socket.readyState).toBe(WebSocket.OPEN);
    await busy.client.close();
  });
});
