import { useGateway } from '../support/gateway';
import { OriginalProtoClient, OriginalSchema } from '../support/original-proto-client';
import { OriginalStyleClient } from '../support/original-style-client';

/** Clients written against the original design, unchanged, against the gateway. */
describe('original clients', () => {
  const gateway = useGateway({ TICK_RATE: '50' });

  it('should serve the original JavaScript GameClient: join, see others, act, get sync', async () => {
    const alice = new OriginalStyleClient(gateway.wsUrl);
    const bob = new OriginalStyleClient(gateway.wsUrl);
    const aliceSawBob = new Promise<any>((resolve) => alice.on('player_joined', resolve));
    const aliceJoined = new Promise<any>((resolve) => alice.on('room_joined', resolve));
    const bobSync = new Promise<any>((resolve) =>
      bob.on('sync', (message) => {
        if (message.payload.players.some((p: any) => p.position.x === 10)) resolve(message);
      }),
    );
    const bobJoined = new Promise<any>((resolve) => bob.on('room_joined', resolve));
    alice.onConnect = () => alice.joinRoom('classic');
    alice.connect();
    await aliceJoined;
    bob.onConnect = () => bob.joinRoom('classic');
    bob.connect();
    await bobJoined;
    expect((await aliceSawBob).payload.player_id).toEqual(expect.any(String));

    alice.sendGameAction('move', { position: { x: 10, y: 20, z: 0 } });
    const sync = await bobSync;
    expect(sync.payload.players).toEqual(
      expect.arrayContaining([expect.objectContaining({ position: { x: 10, y: 20, z: 0 }, health: 100 })]),
    );
    alice.close();
    bob.close();
  });

  it('should serve a protobuf client that knows only the original schema', async () => {
    const client = await OriginalProtoClient.connect(gateway.wsUrl);
    const { MessageType } = OriginalSchema;
    client.send(MessageType.JOIN_ROOM, OriginalSchema.JoinRoomRequest, { room_id: 'legacy', user_id: 'p1', nickname: 'P1' });
    client.send(
      MessageType.GAME_ACTION,
      OriginalSchema.GameAction,
      { action: 'move', position: { x: 1.5, y: 2.5, z: 0 }, params: { note: 'hi' } },
      'legacy',
    );
    const sync = await client.waitFor((m) => m.type === MessageType.SYNC && m.sync!.players.some((p) => p.position?.x === 1.5));
    expect(sync.room_id).toBe('legacy');
    expect(sync.sync!.players[0]).toEqual(expect.objectContaining({ player_id: 'p1', health: 100 }));
    expect(sync.sync!.frame_num).toBeGreaterThan(0);
    expect(sync.timestamp).toBeGreaterThan(0);
    client.close();
  });
});
