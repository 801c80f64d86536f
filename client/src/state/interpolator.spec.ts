import { owner, propDescriptor, ServerRoom } from '../testing/server-state';
import type { StateFramePayload } from '../types';
import { FrameTimeline } from './frame-timeline';
import type { Room } from '../room';
import { createInterpolator } from './interpolator';
import type { AnyRoomTypes } from './room-types';
import { StateCallbacks } from './state-callbacks';
import { StateMirror } from './state-mirror';

/** The part of a Room an interpolator follows, with frames that arrive at times the test chooses (a Room stamps them with the clock). */
function timedRoom() {
  const mirror = new StateMirror(propDescriptor);
  const callbacks = new StateCallbacks();
  const source = {
    state: { time: 0 },
    tickRate: 20,
    onAdd: (type: string, callback: (entity: never) => void) => {
      const off = callbacks.on('add', type, callback);
      for (const entity of mirror.ofType(type).values()) callback(entity as never);
      return off;
    },
    onRemove: (type: string, callback: (entity: never) => void) => callbacks.on('remove', type, callback),
    onChange: (type: string, callback: (entity: never, fields?: readonly string[]) => void) => callbacks.on('change', type, callback),
    onEnterView: (type: string, callback: (entity: never) => void) => callbacks.on('enter', type, callback),
    onLeaveView: (type: string, callback: (entity: never) => void) => callbacks.on('leave', type, callback),
  };
  const feed = (frame: StateFramePayload, time: number) => {
    source.state.time = time;
    callbacks.dispatch(mirror.apply(frame)!);
  };
  return { source: source as unknown as Room<AnyRoomTypes>, feed };
}

describe(createInterpolator, () => {
  let world: ServerRoom;
  let room: ReturnType<typeof timedRoom>;
  let player: { x: number; y: number };

  beforeEach(() => {
    world = new ServerRoom();
    player = world.state.spawn('player', { x: 0, y: 0 }, owner(1)) as unknown as { x: number; y: number };
    world.delta();
    room = timedRoom();
    room.feed(world.keyframe(), 0);
  });
  /** The player moves to (x, y) in a frame that happens at `time`. */
  const move = (x: number, y: number, time: number) => {
    player.x = x;
    player.y = y;
    room.feed(world.delta()!, time);
  };

  describe('at', () => {
    it('should interpolate between the two frames around now - delayMs', () => {
      const smooth = createInterpolator(room.source, { type: 'player', fields: ['x', 'y'], delayMs: 100 });
      move(10, -10, 50);
      move(20, -20, 100);
      expect(smooth.at(1, 125)).toEqual({ x: 5, y: -5 });
      expect(smooth.at(1, 150)).toEqual({ x: 10, y: -10 });
      expect(smooth.at(1, 175)).toEqual({ x: 15, y: -15 });
    });

    it('should give the newest values after the last frame, and the oldest before the first', () => {
      const smooth = createInterpolator(room.source, { type: 'player', fields: ['x'], delayMs: 100 });
      move(10, 0, 50);
      expect(smooth.at(1, 50)).toEqual({ x: 0 });
      expect(smooth.at(1, 1000)).toEqual({ x: 10 });
    });

    it('should hold an entity that stood still at its old value until the tick before its next frame', () => {
      const smooth = createInterpolator(room.source, { type: 'player', fields: ['x'], delayMs: 100 });
      move(10, 0, 1000); // still for a second, then one step (ticks are 50 ms)
      expect(smooth.at(1, 600)).toEqual({ x: 0 }); // not a slow glide over the whole second
      expect(smooth.at(1, 1075)).toEqual({ x: 5 });
    });

    it('should follow entities that appear later, forget removed ones, and nothing after dispose', () => {
      const smooth = createInterpolator(room.source, { type: 'player', fields: ['x'], delayMs: 0 });
      const other = world.state.spawn('player', { x: 3 }, owner(2));
      room.feed(world.delta()!, 50);
      expect(smooth.at(2, 60)).toEqual({ x: 3 });
      world.state.despawn(other);
      room.feed(world.delta()!, 100);
      expect(smooth.at(2, 110)).toBeUndefined();
      smooth.dispose();
      expect(smooth.at(1, 110)).toBeUndefined();
    });
  });
});

describe(FrameTimeline, () => {
  describe('place', () => {
    it('should place frames at their arrival, spread frames that arrive bunched a tick apart, at most two ticks ahead', () => {
      const timeline = new FrameTimeline(50);
      expect(timeline.place(1000)).toBe(1000);
      expect(timeline.place(1080)).toBe(1080); // late: at its arrival
      expect([1090, 1090, 1090, 1090].map((at) => timeline.place(at))).toEqual([1130, 1180, 1190, 1190]); // a burst after a stall
      expect(timeline.place(1400)).toBe(1400);
    });
  });
});
