import { type ClientCodec, GameClient, type Room } from '../../client/src';
import { ProtobufCodec } from '../../client/src/protobuf-codec';
import { RoomRegistry } from '../../src/rooms';
import { useGateway } from '../support/gateway';
import { SquadModule } from '../support/squad-kind';

const CODECS: [string, () => ClientCodec | undefined][] = [
  ['json', () => undefined],
  ['protobuf', () => new ProtobufCodec()],
];

/** The SDK's matchmaking (joinOrCreate, create, listRooms) against the real gateway, on protocol v2. */
describe.each(CODECS)('client SDK matchmaking over real sockets (%s)', (name, makeCodec) => {
  const gateway = useGateway({ TICK_RATE: '50' }, { modules: [SquadModule] });
  const clients: GameClient[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
  });
  const connect = async () => {
    const client = new GameClient(gateway.wsUrl, { protocol: 2, codec: makeCodec() });
    clients.push(client);
    await client.connect();
    return client;
  };
  const until = (room: Room, predicate: () => boolean) =>
    new Promise<void>((resolve) => {
      if (predicate()) return resolve();
      const off = room.on('state', () => predicate() && (off(), resolve()));
    });

  it('should seat players with joinOrCreate in one room until it is full, then in a new one, each a Room with the state of the room', async () => {
    const mode = `sdk-${name}`;
    const players = await Promise.all(Array.from({ length: 5 }, () => connect()));
    const rooms: Room[] = [];
    for (const [i, client] of players.entries()) rooms.push(await client.joinOrCreate('squad', { userId: `p${i}` }, { mode }));
    expect(new Set(rooms.slice(0, 4).map((room) => room.id)).size).toBe(1);
    expect(rooms[4].id).not.toBe(rooms[0].id);
    const server = gateway.app.get(RoomRegistry).get(rooms[0].id)!;
    expect([...server.members.values()].map((m) => m.playerId)).toEqual(['p0', 'p1', 'p2', 'p3']);
    // The first room's members see all four players' entities, as after a join by id.
    await until(rooms[0], () => rooms[0].state.entities.size === 4);
    expect(players[0].rooms.get(rooms[0].id)).toBe(rooms[0]);
  });

  it('should create a private room that listRooms leaves out and join lets a friend into by id; list a public one with its metadata', async () => {
    const mode = `sdk-list-${name}`;
    const [owner, friend, browser] = await Promise.all([connect(), connect(), connect()]);
    const hidden = await owner.create('squad', { metadata: { mode }, private: true });
    const shown = await owner.create('squad', { metadata: { mode, region: 'eu' }, create: { level: 7 } });
    const listed = await browser.listRooms('squad', { mode });
    expect(listed).toEqual({ total: 1, page: 0, rooms: [{ room_id: shown.id, kind: 'squad', clients: 1, max_clients: 4, metadata: { mode, region: 'eu', level: 7 }, locked: false }] });
    const joined = await friend.join(hidden.id);
    expect([...joined.state.players.keys()]).toHaveLength(2);
  });

  it("should reject with the server's INVALID_PAYLOAD for an unknown kind or a malformed filter, and join nothing", async () => {
    const client = await connect();
    await expect(client.joinOrCreate('nosuch')).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('unknown room kind "nosuch"') }));
    await expect(client.joinOrCreate('squad', {}, { level: { min: 3, max: 1 } })).rejects.toEqual(
      expect.objectContaining({ code: 'INVALID_PAYLOAD', message: expect.stringContaining('payload.filters.level.min must not be greater than') }),
    );
    await expect(client.listRooms('squad', { 'no spaces': 1 })).rejects.toEqual(expect.objectContaining({ code: 'INVALID_PAYLOAD' }));
    expect(client.rooms.size).toBe(0);
  });
});
