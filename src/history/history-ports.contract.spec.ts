import { MessageType, serverMessage } from '../protocol';
import { useRedisPair } from '../../test/support/redis-connections';
import { eventually, redisCli } from '../../test/support/redis';
import type { DirectLog } from './direct-log.port';
import { InMemoryDirectLog } from './in-memory.direct-log';
import { InMemoryRoomHistory } from './in-memory.room-history';
import { RedisDirectLog } from './redis.direct-log';
import { RedisRoomHistory } from './redis.room-history';
import type { RoomHistory } from './room-history.port';

/** The DirectLog and RoomHistory guarantees, held against every implementation (a real redis-server and a 3-node Redis Cluster). */
const redisPair = useRedisPair('h:');

const HISTORY = { maxEvents: 3, maxAgeMs: 60000 };
const implementations: [string, () => { log: DirectLog; history: RoomHistory }][] = [
  ['in memory', () => ({ log: new InMemoryDirectLog({ directBufferSize: 2 } as never), history: new InMemoryRoomHistory(HISTORY) })],
  ['Redis', () => ({ log: new RedisDirectLog(redisPair.standalone, { directBufferSize: 2, ttlMs: 60000 }), history: new RedisRoomHistory(redisPair.standalone, HISTORY) })],
  ['Redis Cluster', () => ({ log: new RedisDirectLog(redisPair.clustered, { directBufferSize: 2, ttlMs: 60000 }), history: new RedisRoomHistory(redisPair.clustered, HISTORY) })],
];
const dm = (text: string) => serverMessage(MessageType.Chat, { text, from_client_id: 'x', player_id: 'x', to_client_id: 'c1' });
const chat = (text: string) => serverMessage(MessageType.Chat, { text, from_client_id: 'a', player_id: 'a' }, { room_id: 'r' });
const texts = (messages: { payload: unknown }[]) => messages.map((m) => (m.payload as { text: string }).text);

describe.each(implementations)('history ports (%s)', (_name, make) => {
  let n = 0;
  const unique = (what: string) => `${what}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

  describe('DirectLog', () => {
    it('should number messages 1, 2, 3 per client, stamp seq, and replay those after a seq in order', async () => {
      const { log } = make();
      const c = unique('c');
      await log.open(c);
      const first = dm('a');
      expect(await log.append(c, first)).toBe(1);
      expect(first.seq).toBe(1);
      expect(await log.append(c, dm('b'))).toBe(2);
      const read = await log.readSince(c, 1);
      expect(read.recovered).toBe(true);
      expect(read.messages.map((m) => [m.seq, (m.payload as { text: string }).text])).toEqual([[2, 'b']]);
    });

    it('should keep nothing for a client without an open log', async () => {
      const { log } = make();
      expect(await log.append(unique('nobody'), dm('a'))).toBeUndefined();
    });

    it('should say recovered: false once messages after the seq were evicted, and keep what is left', async () => {
      const { log } = make();
      const c = unique('c');
      await log.open(c);
      for (const text of ['a', 'b', 'c']) await log.append(c, dm(text));
      const read = await log.readSince(c, 0);
      expect(read.recovered).toBe(false);
      expect(read.messages.map((m) => m.seq)).toEqual([2, 3]);
      expect((await log.readSince(c, 1)).recovered).toBe(true);
    });

    it('should take calls on one client in the order they were made, and forget a client', async () => {
      const { log } = make();
      const c = unique('c');
      void log.open(c);
      const seqs = await Promise.all([log.append(c, dm('a')), log.append(c, dm('b'))]);
      expect(seqs).toEqual([1, 2]);
      await log.forget(c);
      expect(await log.append(c, dm('c'))).toBeUndefined();
    });
  });

  describe('RoomHistory', () => {
    it('should assign offsets without gaps and replay strictly after an offset, in order', () => {
      const { history } = make();
      const room = unique('r');
      const { epoch } = history.position(room);
      ['a', 'b', 'c'].forEach((t) => history.append(room, chat(t)));
      const read = history.readSince(room, { offset: 1, epoch });
      expect(read.recovered && texts(read.events)).toEqual(['b', 'c']);
      expect(read.recovered && read.events.map((e) => e.offset)).toEqual([2, 3]);
    });

    it('should say recovered: false for an evicted range, another epoch or a future offset', () => {
      const { history } = make();
      const room = unique('r');
      const { epoch } = history.position(room);
      ['a', 'b', 'c', 'd', 'e'].forEach((t) => history.append(room, chat(t)));
      expect(history.readSince(room, { offset: 1, epoch }).recovered).toBe(false);
      expect(history.readSince(room, { offset: 2, epoch }).recovered).toBe(true);
      expect(history.readSince(room, { offset: 2, epoch: 'other' }).recovered).toBe(false);
      expect(history.readSince(room, { offset: 9, epoch }).recovered).toBe(false);
    });

    it('should start a new epoch after forget', () => {
      const { history } = make();
      const room = unique('r');
      history.append(room, chat('a'));
      const before = history.position(room).epoch;
      history.forget(room);
      expect(history.position(room)).toEqual({ offset: 0, epoch: expect.not.stringMatching(before) });
    });
  });
});

describe(RedisRoomHistory, () => {
  describe('restore', () => {
    it('should let another instance continue a room log: same epoch, next offset, held events replayable', async () => {
      const owner = new RedisRoomHistory(redisPair.standalone, HISTORY);
      const successor = new RedisRoomHistory(redisPair.standalone, HISTORY);
      const room = 'failover-room';
      const { epoch } = owner.position(room);
      ['a', 'b', 'c', 'd'].forEach((t) => owner.append(room, chat(t)));
      await eventually(async () => Number(await redisCli(redisPair.server.port, 'XLEN', `h:{r:${room}}:history`)) >= 3, 'stream written');

      await successor.restore(room);
      expect(successor.position(room)).toEqual({ offset: 4, epoch });
      const read = successor.readSince(room, { offset: 2, epoch });
      expect(read.recovered && texts(read.events)).toEqual(['c', 'd']);
      expect(successor.append(room, chat('e')).offset).toBe(5);
    });

    it('should leave a room without a stored log alone (a new room starts its own epoch)', async () => {
      const history = new RedisRoomHistory(redisPair.standalone, HISTORY);
      await history.restore('never-seen');
      expect(history.position('never-seen').offset).toBe(0);
    });

    // Deliberate break tried: the script without its lease check writes 'late' into the stream
    // (XLEN 2) and calls no listener: both expectations fail.
    it("should refuse an append while the room's lease names another instance, and tell who owns it", async () => {
      const room = 'fenced-room';
      const stream = `h:{r:${room}}:history`;
      const stale = new RedisRoomHistory(redisPair.standalone, HISTORY, 'stale-owner');
      const lost: [string, string][] = [];
      stale.onLeaseLost((roomId, owner) => lost.push([roomId, owner]));
      stale.append(room, chat('while owner')); // no lease at all: written
      await eventually(async () => Number(await redisCli(redisPair.server.port, 'XLEN', stream)) === 1, 'the first event written');
      await redisCli(redisPair.server.port, 'SET', `h:{r:${room}}:lease`, 'successor', 'PX', '60000');
      stale.append(room, chat('late'));
      await eventually(() => lost.length > 0, 'the refusal reported');
      expect(lost).toEqual([[room, 'successor']]);
      expect(Number(await redisCli(redisPair.server.port, 'XLEN', stream))).toBe(1);
      expect(stale.refusedWrites).toBe(1);
    });

    it('should delete the stored log on forget', async () => {
      const history = new RedisRoomHistory(redisPair.standalone, HISTORY);
      history.append('gone', chat('a'));
      history.forget('gone');
      const successor = new RedisRoomHistory(redisPair.standalone, HISTORY);
      await successor.restore('gone');
      expect(successor.position('gone').offset).toBe(0);
    });
  });
});
