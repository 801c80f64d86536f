import WebSocket from 'ws';
import { performance } from 'node:perf_hooks';
import { useGateway } from '../support/gateway';
// The load tester is plain CommonJS (it runs without a build step as `npx game-gateway-load`).
import { createCodec } from '../../bench/loadgen/codecs';
import { FrameCache } from '../../bench/loadgen/frame-cache';
import { clientPlan, keepsMirror } from '../../bench/loadgen/plan';
import { SimClient } from '../../bench/loadgen/sim-client';
import { StateMirror } from '../../bench/loadgen/state-v2';
import { InstanceStats } from '../../bench/loadgen/worker-stats';

// --mirror-share: only a sample of a room's v2 players keeps a full state mirror; the others read
// just what they measure of each frame. Their measurements must be the mirroring players' own.

type Recorded = { kind: 'in'; data: Buffer; isBinary: boolean; t: number } | { kind: 'move'; t: number };
type V2Codec = 'v2-proto' | 'v2-json';

/** A walk across cells of 100 (so frames carry interest segments), on the world kind's 0.125 grid. */
const positionOf = (seq: number) => ({ x: ((seq * 5) % 400) - 200, y: 40, z: 0 });
const wallClock = () => performance.timeOrigin + performance.now();

/**
 * Player p0 joins a `world` room on a real gateway and moves once after its room_joined and after
 * every state frame; records every frame it receives (bytes, receipt time) and every move's time,
 * until `stateFrames` state frames came.
 */
async function record(url: string, codecName: V2Codec, roomId: string, stateFrames: number): Promise<Recorded[]> {
  const codec = createCodec(codecName, { batch: false });
  const events: Recorded[] = [];
  const ws = new WebSocket(url, codec.subprotocols, { perMessageDeflate: false });
  let seq = 0;
  let frames = 0;
  let joined = false;
  const move = () => {
    seq++;
    events.push({ kind: 'move', t: wallClock() });
    ws.send(codec.encode('game_action', { room_id: roomId, action: 'move', position: positionOf(seq), input_seq: seq }));
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('error', reject);
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (frames >= stateFrames) return;
      events.push({ kind: 'in', data, isBinary, t: wallClock() });
      for (const m of codec.decode(data, isBinary)) {
        if (m.type === 'welcome') ws.send(codec.encode('join_room', { room_id: roomId, user_id: 'p0', nickname: 'p0', kind: 'world' }));
        else if (m.type === 'error') reject(new Error(`gateway refused: ${JSON.stringify(m.payload)}`));
        else if (m.type === 'room_joined') {
          joined = true;
          move();
        } else if (joined && codec.state(m)) {
          if (++frames === stateFrames) resolve();
          else move();
        }
      }
    });
  });
  await new Promise((resolve) => {
    ws.once('close', resolve);
    ws.close();
  });
  return events;
}

/**
 * Feeds the recorded frames and moves, at their recorded times, to one load-tester client
 * (player p0, as recorded) with or without a state mirror; returns what it measured and how many
 * frames it decoded in full.
 */
function replay(events: Recorded[], codecName: V2Codec, roomId: string, mirror: boolean) {
  const codec = createCodec(codecName, { batch: false });
  let decodes = 0;
  const counting = { ...codec, decode: (data: Buffer, isBinary: boolean) => (decodes++, codec.decode(data, isBinary)) };
  const stats = new InstanceStats();
  let clock = 0;
  const client = new SimClient(
    {
      codec: counting,
      urls: ['ws://127.0.0.1:1/ws'], // never connected: frames come from the recording
      options: { batch: false, authSecret: '', resumeTo: 'same', roomPrefix: 'mirror', placement: 'none', roomKind: 'world', tickRate: 20 },
      stats: () => stats,
      now: () => clock,
      measuring: () => true,
      ending: () => false,
      frameCache: () => new FrameCache(),
      settled: () => undefined,
      position: (seq) => positionOf(seq),
      roomMirror: (_roomId, schema) => new StateMirror(schema),
      token: () => '',
    },
    { g: 0, role: 'room', roomId, member: 0, urlIndex: 0, mirror },
  );
  for (const e of events) {
    clock = e.t;
    if (e.kind === 'in') client.receive(e.data, e.isBinary);
    else client.move();
  }
  return { measured: stats.toJSON(), decodes, client };
}

describe('the load tester\'s mirror sample (--mirror-share) on plans', () => {
  const plan = (g: number, mirrorShare: number) =>
    clientPlan(g, { shares: { room: 100, lobby: 0, idle: 0 }, roomSize: 1000, lobbySize: 50, urls: 1, roomPrefix: 'w', sourceAddresses: [], mirrorShare });

  it('should give every player a mirror at share 1 (the default: the tester as it always was)', () => {
    const players = Array.from({ length: 1000 }, (_, g) => plan(g, 1));
    expect(players.every((p) => p.role === 'room' && p.mirror)).toBe(true);
  });

  it('should give exactly the share of a full room a mirror, member 0 and then every 1/share-th', () => {
    const mirrored = Array.from({ length: 1000 }, (_, g) => plan(g, 0.1)).filter((p) => p.mirror).map((p) => p.member).sort((a, b) => a - b);
    expect(mirrored).toHaveLength(100);
    expect(mirrored.slice(0, 3)).toEqual([0, 10, 20]);
    expect(Array.from({ length: 1000 }, (_, m) => keepsMirror(m, 0.25)).filter(Boolean)).toHaveLength(250);
    expect(Array.from({ length: 1000 }, (_, m) => keepsMirror(m, 0)).some(Boolean)).toBe(false);
  });
});

describe.each<V2Codec>(['v2-proto', 'v2-json'])('a load-tester player without a state mirror, on frames of a real gateway (%s)', (codecName) => {
  // STATE_FRAME_TIME as the benchmark servers run: every delta carries its tick's time.
  const gateway = useGateway({ TICK_RATE: '20', STATE_FRAME_TIME: 'true' });
  const STATE_FRAMES = 40;

  it('should measure the same frames, gaps, bytes and delivery latency as a player with one (on protobuf without decoding its state frames)', async () => {
    // Broken on purpose once each while writing this, and reverted: with the protobuf peek skipping
    // `time`, the delivery histograms differed; with the peek never used, the decode count did.
    const roomId = `mirror-share-${codecName}`;
    const events = await record(gateway.wsUrl, codecName, roomId, STATE_FRAMES);
    const full = replay(events, codecName, roomId, true);
    const light = replay(events, codecName, roomId, false);

    expect(full.client.v2?.mirror).toBeInstanceOf(StateMirror);
    expect(light.client.v2).toBeDefined();
    expect(light.client.v2?.mirror).toBeUndefined();

    const { input: fullInput, ...fullWindow } = full.measured.window;
    const { input: lightInput, ...lightWindow } = light.measured.window;
    expect(lightWindow).toEqual(fullWindow);
    expect(fullWindow.frames).toBe(STATE_FRAMES);
    expect(fullWindow.delivery.n).toBe(STATE_FRAMES);
    expect(fullWindow.stateBytes).toBeGreaterThan(0);
    const runOf = (r: typeof full) => {
      const { joins, joinBytes, mirrorNoBase, reanchors } = r.measured.run;
      return { joins, joinBytes, mirrorNoBase, reanchors };
    };
    expect(runOf(light)).toEqual(runOf(full));
    expect(runOf(full)).toMatchObject({ joins: 1, mirrorNoBase: 0 });

    // Input latency needs the mirror (the player's own entity at a move's position): the sample's only.
    expect(fullInput.n).toBeGreaterThan(0);
    expect(lightInput.n).toBe(0);

    // The mirroring player decodes every frame; the other, on protobuf, none of its state frames.
    const frames = events.filter((e) => e.kind === 'in').length;
    expect(full.decodes).toBe(frames);
    expect(light.decodes).toBe(codecName === 'v2-proto' ? frames - STATE_FRAMES : frames);
  });
});
