// @ts-check
'use strict';

/** @typedef {import('./codecs/index').WireMessage} WireMessage */

/** How many recent broadcasts a room's cache keeps (see FrameCache). */
const ENTRIES = 4;

/**
 * The decoded messages of a room's latest broadcasts, by their bytes: a room broadcast is
 * byte-identical for every member, so a worker decodes it once per room, not once per member.
 * It keeps the last few, not only the last: a tester that falls behind reads several ticks at a
 * time from each socket (N, N+1, N+2 from one member, then the same from the next), and a cache of
 * one entry then missed every frame, decoding full v1 snapshots per member exactly when the tester
 * had the least time for it (bare ws's rooms tick all at once, and its runs ended "limit: generator").
 */
class FrameCache {
  constructor() {
    /** @type {{ buf: Buffer, msgs: WireMessage[] }[]} */
    this.entries = [];
    this.next = 0;
  }

  /** The messages of a frame with these bytes, if one was remembered. @param {Buffer} data */
  get(data) {
    for (const entry of this.entries) if (entry.buf.length === data.length && entry.buf.equals(data)) return entry.msgs;
    return undefined;
  }

  /** @param {Buffer} data @param {WireMessage[]} msgs */
  remember(data, msgs) {
    if (this.entries.length < ENTRIES) this.entries.push({ buf: data, msgs });
    else this.entries[this.next] = { buf: data, msgs };
    this.next = (this.next + 1) % ENTRIES;
  }
}

module.exports = { FrameCache };
