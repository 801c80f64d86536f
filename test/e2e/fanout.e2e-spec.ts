import { JsonCodec, ProtobufCodec } from '../../src/codec';
import type { ServerMessage } from '../../src/protocol';
import { useGateway } from '../support/gateway';
import { type Codec, TestClient } from '../support/test-client';

/** A room broadcast is encoded once per codec, whatever the number of members. */
describe('fan-out encoding', () => {
  const gateway = useGateway({ TICK_RATE: '50' });

  it('should encode one sync once for JSON and once for protobuf members, not once per member', async () => {
    const codecs: Codec[] = ['json', 'json', 'json', 'proto', 'proto', 'proto'];
    const members = await Promise.all(codecs.map((codec) => TestClient.connectWelcomed(gateway.wsUrl, { codec })));
    for (const { client } of members) {
      client.send('join_room', { room_id: 'fanout' });
      await client.next('room_joined');
    }
    const encodedSyncs = { json: 0, proto: 0 };
    const count = (codec: JsonCodec | ProtobufCodec, key: 'json' | 'proto') => {
      const encode = codec.encode.bind(codec);
      jest.spyOn(codec, 'encode').mockImplementation((message: ServerMessage) => {
        if (message.type === 'sync' && message.payload.players.some((p) => p.last_input_seq === 42)) encodedSyncs[key] += 1;
        return encode(message);
      });
    };
    count(gateway.app.get(JsonCodec), 'json');
    count(gateway.app.get(ProtobufCodec), 'proto');

    members[0].client.send('game_action', { action: 'move', position: { x: 1, y: 2, z: 0 }, input_seq: 42 });
    await Promise.all(
      members.map(({ client }) => client.next('sync', (f) => f.payload.players.some((p) => p.last_input_seq === 42))),
    );
    expect(encodedSyncs).toEqual({ json: 1, proto: 1 });
    jest.restoreAllMocks();
    await Promise.all(members.map(({ client }) => client.close()));
  });
});
