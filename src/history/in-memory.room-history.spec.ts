import { MessageType, serverMessage } from '../protocol';
import { InMemoryRoomHistory } from './in-memory.room-history';

describe(InMemoryRoomHistory.name, () => {
  const event = (text: string) => serverMessage(MessageType.Chat, { text, from_client_id: 'a', player_id: 'a' });
  let history: InMemoryRoomHistory;

  beforeEach(() => {
    history = new InMemoryRoomHistory({ maxEvents: 3, maxAgeMs: 60000 });
  });

  describe('append', () => {
    it('should assign offsets 1, 2, 3 and stamp them on the message', () => {
      const e = event('x');
      expect(history.append('r', e).offset).toBe(1);
      expect(e.offset).toBe(1);
      expect(history.append('r', event('y')).offset).toBe(2);
      expect(history.position('r').offset).toBe(2);
    });
  });

  describe('readSince', () => {
    it('should return the events strictly after the offset, in order', () => {
      const { epoch } = history.position('r');
      ['a', 'b', 'c'].forEach((t) => history.append('r', event(t)));
      const result = history.readSince('r', { offset: 1, epoch });
      expect(result.recovered && result.events.map((e) => (e.payload as { text: string }).text)).toEqual(['b', 'c']);
    });

    it('should report recovered: false once events after the offset were evicted', () => {
      const { epoch } = history.position('r');
      ['a', 'b', 'c', 'd', 'e'].forEach((t) => history.append('r', event(t)));
      expect(history.readSince('r', { offset: 1, epoch }).recovered).toBe(false);
      expect(history.readSince('r', { offset: 2, epoch }).recovered).toBe(true);
    });

    it('should report recovered: false for another epoch or a future offset', () => {
      history.append('r', event('a'));
      const { epoch } = history.position('r');
      expect(history.readSince('r', { offset: 0, epoch: 'other' }).recovered).toBe(false);
      expect(history.readSince('r', { offset: 5, epoch }).recovered).toBe(false);
    });

    it('should report recovered: false for events older than the age limit', () => {
      const { epoch } = history.position('r');
      const old = event('old');
      history.append('r', old);
      old.timestamp -= 120000;
      expect(history.readSince('r', { offset: 0, epoch }).recovered).toBe(false);
    });
  });

  describe('forget', () => {
    it('should start a new epoch', () => {
      const before = history.position('r').epoch;
      history.forget('r');
      expect(history.position('r')).toEqual({ offset: 0, epoch: expect.not.stringMatching(before) });
    });
  });
});
