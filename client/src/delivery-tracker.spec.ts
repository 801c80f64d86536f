import { DeliveryTracker } from './delivery-tracker';
import type { ServerFrame } from './types';

describe(DeliveryTracker, () => {
  const joined = (offset: number, epoch = 'e1', recovered?: boolean) =>
    ({ type: 'room_joined', payload: { room_id: 'r', players: [], frame_num: 0, offset, epoch, recovered }, timestamp: 0 }) as ServerFrame;
  const chat = (offset: number, room = 'r') =>
    ({ type: 'chat', room_id: room, offset, payload: { text: `${offset}`, from_client_id: 'a', player_id: 'a' }, timestamp: 0 }) as ServerFrame;
  const dm = (seq: number) => ({ type: 'chat', seq, payload: { text: '', from_client_id: 'a', player_id: 'a' }, timestamp: 0 }) as ServerFrame;

  /** Deterministic shuffle (mulberry32), so a failing order can be replayed. */
  const shuffled = <T>(items: T[], seed: number): T[] => {
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };

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

    // Issue #16 bug 2: a chat (offset 2) overtook its joiner's room_joined (offset 1); the
    // tracker did not record it, asked for a replay after 1 on resume and emitted it twice.
    it('should record an event that arrives before its room_joined, so its replay is dropped', () => {
      const tracker = new DeliveryTracker();
      expect(tracker.accept(chat(2))).toBe(true);
      tracker.accept(joined(1));
      expect(tracker.position().rooms).toEqual({ r: 2 });
      expect(tracker.accept(chat(2))).toBe(false); // the replay after a resume
    });

    it('should ask a resume to replay after the first gap, and drop what it had seen above the gap', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(joined(0));
      for (const offset of [1, 2, 4, 5]) tracker.accept(chat(offset));
      expect(tracker.position().rooms).toEqual({ r: 2 });
      expect([3, 4, 5, 6].map((offset) => tracker.accept(chat(offset)))).toEqual([true, false, false, true]);
      expect(tracker.position().rooms).toEqual({ r: 6 });
    });

    it('should keep waiting for the replay of a recovered resume that arrives after its room_joined', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(joined(0));
      tracker.accept(chat(1));
      tracker.accept(joined(3, 'e1', true)); // resumed: 2 and 3 are being replayed
      expect([2, 3, 3].map((offset) => tracker.accept(chat(offset)))).toEqual([true, true, false]);
    });

    it('should skip what a room_joined without recovery covers (nothing before it is replayed)', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(joined(0));
      tracker.accept(joined(5, 'e1', false));
      expect(tracker.accept(chat(4))).toBe(false);
      expect(tracker.position().rooms).toEqual({ r: 5 });
    });

    it('should not name a room in the resume position before its room_joined (where the membership starts is unknown)', () => {
      const tracker = new DeliveryTracker();
      tracker.accept(chat(7, 'early'));
      expect(tracker.position().rooms).toEqual({});
    });

    it.each([1, 2, 3, 4, 5, 6, 7, 8])(
      'should accept every offset and seq exactly once whatever the arrival order, with repeats (seed %i)',
      (seed) => {
        const tracker = new DeliveryTracker();
        // Joined at 10; events 11..60 live, each delivered once or twice (a replay), room_joined anywhere among them.
        const events = Array.from({ length: 50 }, (_, i) => chat(11 + i));
        const dms = Array.from({ length: 20 }, (_, i) => dm(i + 1));
        const repeats = shuffled([...events, ...dms], seed * 7).slice(0, 30);
        const frames = shuffled([joined(10), ...events, ...dms, ...repeats], seed);
        const accepted = frames.filter((frame) => tracker.accept(frame) && frame.type === 'chat');
        const keys = accepted.map((frame) => (frame.seq ? `seq ${frame.seq}` : `offset ${frame.offset}`));
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys.filter((key) => key.startsWith('offset')).length).toBe(50);
        expect(keys.filter((key) => key.startsWith('seq')).length).toBe(20);
        expect(tracker.position()).toEqual({ rooms: { r: 60 }, last_seq: 20 });
      },
    );
  });
});
