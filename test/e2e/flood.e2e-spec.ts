import WebSocket from 'ws';
import { RateLimiter } from '../../src/connection';
import { useGateway } from '../support/gateway';
import { TestClient } from '../support/test-client';

/** Generous on purpose (a noisy 2-core CI box): a tick is 50 ms, an unprotected flood costs seconds. */
const ROUND_TRIP_BOUND_MS = 1000;
const SAMPLES = 15;

/**
 * One client floods game actions as fast as its socket takes them; the rate limit drops them
 * before they are decoded. A bystander in another room measures its own action → sync round trip
 * meanwhile. The abuse close is switched off here so that the flood lasts through the samples
 * (limits.e2e-spec.ts proves the 1008).
 */
describe('a flood does not slow down other clients', () => {
  const gateway = useGateway({ RATE_LIMIT_ABUSE_COUNT: '100000000' });

  it(`should keep a bystander's action → sync round trip under ${ROUND_TRIP_BOUND_MS} ms during a flood`, async () => {
    const flooder = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
    flooder.send('join_room', { room_id: 'flooded' });
    await flooder.next('room_joined');
    const bystander = (await TestClient.connectWelcomed(gateway.wsUrl)).client;
    bystander.send('join_room', { room_id: 'calm' });
    await bystander.next('room_joined');

    // The flooder's own frames are not recorded (thousands of errors): count them raw instead.
    flooder.socket.removeAllListeners('message');
    let floodErrors = 0;
    flooder.socket.on('message', () => (floodErrors += 1));
    const action = JSON.stringify({ type: 'game_action', payload: { action: 'move', position: { x: 1, y: 1, z: 0 } } });
    let sent = 0;
    let flooding = true;
    const flood = () => {
      if (!flooding || flooder.socket.readyState !== WebSocket.OPEN) return;
      // Keep the client's own send queue short so the flood is paced by the server's reading.
      if (flooder.socket.bufferedAmount < 64 * 1024) {
        for (let i = 0; i < 200; i++) flooder.socket.send(action);
        sent += 200;
      }
      setImmediate(flood);
    };
    flood();

    const roundTrips: number[] = [];
    for (let seq = 1; seq <= SAMPLES; seq++) {
      const start = performance.now();
      bystander.send('game_action', { action: 'move', position: { x: seq, y: 0, z: 0 }, input_seq: seq });
      await bystander.next('sync', (f) => f.payload.players[0].last_input_seq === seq);
      roundTrips.push(performance.now() - start);
    }
    flooding = false;

    expect(flooder.socket.readyState).toBe(WebSocket.OPEN);
    expect(sent).toBeGreaterThan(1000);
    expect(floodErrors).toBeGreaterThan(500);
    expect(gateway.app.get(RateLimiter).limitedFrames).toBeGreaterThan(500);
    expect(bystander.received('error')).toHaveLength(0);
    expect(Math.max(...roundTrips)).toBeLessThan(ROUND_TRIP_BOUND_MS);
    await flooder.close();
    await bystander.close();
  });
});
