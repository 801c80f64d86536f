import WebSocket from 'ws';
import { useGateway } from '../support/gateway';
import { encodeClientProto, TestClient } from '../support/test-client';

describe('endpoint and codec negotiation', () => {
  const gateway = useGateway();

  it('should answer GET /health with 200 and GET /ready with 200 on the in-memory bus', async () => {
    expect((await fetch(`${gateway.httpUrl}/health`)).status).toBe(200);
    expect((await fetch(`${gateway.httpUrl}/ready`)).status).toBe(200);
  });

  it('should refuse a WebSocket upgrade on another path with HTTP 404', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${gateway.port}/other`);
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!)));
    expect(status).toBe(404);
  });

  it.each([
    ['game.v1.json', false],
    ['game.v1.proto', true],
  ])('should accept subprotocol %s and answer in its frames', async (protocol, binary) => {
    const client = await TestClient.connect(gateway.wsUrl, { codec: binary ? 'proto' : 'json', protocol });
    expect(client.socket.protocol).toBe(protocol);
    await client.next('welcome');
    expect(client.binaryFlags[0]).toBe(binary);
    await client.close();
  });

  it('should keep replying in the subprotocol codec even when the other codec is sent', async () => {
    const client = await TestClient.connect(gateway.wsUrl, { codec: 'json', protocol: 'game.v1.json' });
    await client.next('welcome');
    client.sendRaw(encodeClientProto('ping', { t: 5 }));
    expect((await client.next('pong')).payload.t).toBe(5);
    expect(client.binaryFlags.at(-1)).toBe(false);
    await client.close();
  });

  it('should answer in JSON until the first data frame is binary, then in protobuf', async () => {
    const client = await TestClient.connect(gateway.wsUrl, { codec: 'proto', protocol: null });
    expect(client.socket.protocol).toBe('');
    await client.next('welcome');
    expect(client.binaryFlags[0]).toBe(false);
    client.send('ping', { t: 7 });
    expect((await client.next('pong')).payload.t).toBe(7);
    expect(client.binaryFlags.at(-1)).toBe(true);
    await client.close();
  });

  it('should keep JSON when the first data frame is text', async () => {
    const client = await TestClient.connect(gateway.wsUrl, { codec: 'json', protocol: null });
    await client.next('welcome');
    client.send('ping', { t: 1 });
    await client.next('pong');
    client.sendRaw(encodeClientProto('ping', { t: 2 }));
    await client.next('pong', (f) => f.payload.t === 2);
    expect(client.binaryFlags.every((binary) => !binary)).toBe(true);
    await client.close();
  });
});
