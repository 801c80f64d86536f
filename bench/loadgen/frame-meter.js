// @ts-check
'use strict';
// A game-room player's view of its room's state frames: missed frame numbers, delivery latency,
// and input latency (a move until the first frame whose last_input_seq covers it).

/** A room taken over after its instance died skips frame numbers on purpose: a jump, not missed frames. */
const FRAME_JUMP = 100;

class FrameMeter {
  constructor() {
    this.lastFrame = -1;
    this.inputSeq = 0;
    /** input_seq, sent-at pairs awaiting the frame that reflects them */
    this.pending = /** @type {number[]} */ ([]);
  }

  /** A new input; returns its input_seq. @param {number} now */
  input(now) {
    const seq = ++this.inputSeq;
    this.pending.push(seq, now);
    if (this.pending.length > 200) this.pending.splice(0, 2); // no state frames coming: stay bounded
    return seq;
  }

  /** After a resume or a rejoin frame numbers continue from wherever the room is. */
  restart() {
    this.lastFrame = -1;
  }

  /**
   * @param {import('./codecs').StateFrame} s @param {string} playerId @param {number} t receipt time
   * @param {import('./worker-stats').InstanceStats['window'] | undefined} w where to count (undefined: not measuring)
   */
  frame(s, playerId, t, w) {
    const skipped = this.lastFrame >= 0 ? s.frameNum - this.lastFrame - 1 : 0;
    this.lastFrame = s.frameNum;
    if (w) {
      if (skipped > FRAME_JUMP) w.frameJumps++;
      else if (skipped > 0) w.gaps += skipped;
      w.frames++;
      if (s.timestamp) w.delivery.record(t - s.timestamp);
    }
    if (this.pending.length === 0) return;
    const mine = s.inputSeqOf(playerId) ?? 0;
    while (this.pending.length && this.pending[0] <= mine) {
      const sentAt = this.pending[1];
      this.pending.splice(0, 2);
      w?.input.record(t - sentAt);
    }
  }
}

module.exports = { FrameMeter };
