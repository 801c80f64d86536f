import { randomJson, WEIRD_STRINGS } from '../support/fuzz-frames';
import { useGateway } from '../support/gateway';
import { seeded } from '../support/sdk-chaos';
import { useUnhandledRejections } from '../support/unhandled-rejections';
import { serverApi } from '../support/server-api';
import { TestClient } from '../support/test-client';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const REQUESTS = 600;
const KEY = 'fuzz-server-api-key-0123456789';
const MAX_EVENT_BYTES = 512;

/**
 * Seeded random requests to the server API (`/api`, test/support/fuzz-frames.ts's values): every
 * route with odd ids in the path, odd query values, bodies of any JSON shape, malformed JSON,
 * other content types and oversized bodies. No request may get a 5xx or an answer without the
 * API's error body, the gateway logs no error (the quiet-output check), and a member of a room
 * the requests hit gets only well-formed frames.
 */
describe('random requests to the server API', () => {
  const gateway = useGateway({ SERVER_API_KEY: KEY, SERVER_API_MAX_EVENT_BYTES: String(MAX_EVENT_BYTES), TICK_RATE: '20' });
  const api = serverApi(() => gateway.httpUrl, KEY);
  const rejections = useUnhandledRejections();

  it(`should answer every request with a status below 500 and the API's error body (seed ${SEED})`, async () => {
    const { client: member } = await TestClient.connectWelcomed(gateway.wsUrl, { protocol: 'game.v2.json' });
    member.send('join_room', { room_id: 'fz-1', user_id: 'alice' });
    await member.next('room_joined');

    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const id = () => encodeURIComponent(random() < 0.5 ? pick(['fz-1', 'alice', 'nobody', 'fz-2']) : pick(WEIRD_STRINGS));
    const query = () => (random() < 0.5 ? '' : `?since=${encodeURIComponent(JSON.stringify(randomJson(random)))}&limit=${encodeURIComponent(JSON.stringify(randomJson(random)))}`);
    const routes: (() => [string, string])[] = [
      () => ['GET', '/api/rooms'],
      () => ['GET', `/api/rooms/${id()}`],
      () => ['GET', `/api/rooms/${id()}/history${query()}`],
      () => ['POST', `/api/rooms/${id()}/events`],
      () => ['POST', `/api/rooms/${id()}/close`],
      () => ['GET', `/api/players/${id()}`],
      () => ['POST', `/api/players/${id()}/events`],
      () => ['POST', `/api/players/${id()}/kick`],
      () => ['GET', '/api/instances'],
    ];
    const body = (): [string | undefined, Record<string, string>] => {
      const roll = random();
      if (roll < 0.1) return [undefined, {}];
      if (roll < 0.2) return ['{"name": "x", ', {}]; // malformed JSON
      if (roll < 0.25) return ['name=x', { 'content-type': 'text/plain' }];
      if (roll < 0.3) return [JSON.stringify({ name: 'big', data: 'x'.repeat(MAX_EVENT_BYTES * 4) }), {}];
      const shaped = random() < 0.6 ? { name: random() < 0.7 ? pick(['hit', 'score', 'x']) : randomJson(random), data: randomJson(random), reliable: randomJson(random), reason: randomJson(random) } : randomJson(random);
      return [JSON.stringify(shaped), {}];
    };

    const answers: { method: string; path: string; status: number; body: unknown }[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const [method, path] = pick(routes)();
      const [payload, headers] = method === 'POST' ? body() : [undefined, {}];
      const response = await api.call(method, path, payload, headers);
      answers.push({ method, path, status: response.status, body: response.body });
    }

    const broken = answers.filter(({ status, body }) => {
      if (status >= 500) return true;
      if (status < 400) return false;
      const error = body as { error?: unknown; message?: unknown };
      return typeof error !== 'object' || typeof error.error !== 'string' || typeof error.message !== 'string';
    });
    expect(broken).toEqual([]);
    // Not vacuous: requests reached the handlers (successes) and their checks (400s).
    const statuses = new Set(answers.map((answer) => answer.status));
    for (const status of [200, 400, 404]) expect(statuses).toContain(status);

    // Whatever reached the member was a frame it can read, and the gateway still answers it.
    if (member.socket.readyState === member.socket.OPEN) await member.barrier();
    const unexpected = member.frames.filter((frame) => !['welcome', 'room_joined', 'state', 'room_event', 'player_left', 'pong'].includes(frame.type));
    expect(unexpected).toEqual([]);
    expect(rejections).toEqual([]);
    await member.close();
  }, 60000);
});
