import { DeliveryTracker } from './delivery-tracker';
import type { ServerFrame } from './types';

describe(DeliveryTracker, () => {
  const joined = (offset: number, epoch = 'e1') =>
    ({ type: 'room_joined', payload: { room_id: 'r', players: [], frame_num: 0, offset, epoch }, timestamp: 0 }) as ServerFrame;
  const chat = (offset: number) =>
    ({ type: 'chat', room_id: 'r', offset, payload: { text: `${offset}`, from_client_id: 'a', player_id: 'a' }, timestamp: 0 }) as ServerFrame;
  const dm = (seq: number) => ({ type: 'chat', seq, payload: { text: '', from_client_id: 'a', player_id: 'a' }, timestamp: 0 }) as ServerFrame;

  describe('accept', () => {
    it('should drop room events at or below the last offset seen, and direct messages at or below the last seq', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(joined(3));
      expect([2, 3, 4, 4, 5].map((offset) => tracker.accept(chat(offset)))).toEqual([false, false, true, false, true]);
      expect([1, 1, 2].map((seq) => tracker.accept(dm(seq)))).toEqual([true, false, true]);
      expect(tracker.position()).toEqual({ rooms: { r: 5 }, last_seq: 2 });
    });

    it('should start over in a room whose epoch changed', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(joined(9));
      tracker.accept(joined(1, 'e2'));
      expect(tracker.accept(chat(2))).toBe(true);
    });
  });
});
