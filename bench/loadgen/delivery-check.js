// @ts-check
'use strict';
/**
 * The exactly-once check of the load tester, on one member's view of one room (the chaos test's
 * numbered-message check, at scale). Two independent witnesses:
 *
 * - **offsets**: every reliable room event carries the room's next offset, so a member sees
 *   1, 2, 3, … after its join snapshot's offset, in order, with nothing skipped (a lost event)
 *   and nothing repeated (a duplicate), across any number of drops and resumes;
 * - **numbered chats**: each sender numbers its chats 1, 2, 3, … (`<sender>:<n>:<sent-at>`), so
 *   a message the gateway applied twice (de-duplication broken: it gets a new offset, which the
 *   offset witness cannot see) shows up as a repeated number, and one it never delivered as a
 *   number missing at the end, when each member must have every number of every sender up to
 *   the last one the sender saw acknowledged (`finish`).
 *
 * What is not a fault of the gateway is counted apart: a resume that answers `recovered: false`
 * (history no longer reaches back) or a session lost and joined afresh makes the stream partial
 * (baselines reset, no loss counted for the missed part), and a chat re-sent by its sender in a
 * new session after a lost session may arrive twice from two different client ids (`resent`).
 */

/** @typedef {ReturnType<typeof emptyCounts>} CheckCounts */
const emptyCounts = () => ({
  /** reliable events seen (with an offset) */
  events: 0,
  /** offsets skipped */
  lostEvents: 0,
  /** of those: covered by a recovered resume's snapshot but not replayed before it */
  lostAtResume: 0,
  /** offsets seen again */
  duplicateEvents: 0,
  /** offsets that came after a higher one (order broken; each was first counted lost) */
  reorderedEvents: 0,
  /** events at or below the member's join snapshot offset, delivered after it (already reflected in it; a client keeping the highest offset drops them) */
  staleEvents: 0,
  /** events above the join snapshot's offset delivered before that room_joined (order broken: a client applying frames in order loses them under the snapshot) */
  earlyEvents: 0,
  /** events before the member's first room_joined at or below its snapshot offset (not part of its stream) */
  beforeJoin: 0,
  /** numbered chats seen */
  chats: 0,
  /** numbered chats skipped, or missing at the end */
  lostChats: 0,
  /** numbered chats seen again from the same session */
  duplicateChats: 0,
  /** chats seen again after their sender re-sent them in a new session (not a fault) */
  resentChats: 0,
  /** resumes answered with recovered: false (stream partial from there) */
  unrecovered: 0,
  /** fresh joins after a lost session (stream partial from there) */
  restarts: 0,
  /** chats beyond what their sender had confirmed when the run ended (not a fault) */
  unconfirmed: 0,
});

/** Adds `b` into `a`. @param {CheckCounts} a @param {Partial<CheckCounts>} b */
function addCounts(a, b) {
  for (const key of /** @type {(keyof CheckCounts)[]} */ (Object.keys(a))) a[key] += b[key] ?? 0;
  return a;
}

/** Whether counts prove exactly-once delivery. @param {CheckCounts} c */
const exactlyOnce = (c) => c.lostEvents === 0 && c.duplicateEvents === 0 && c.reorderedEvents === 0 && c.earlyEvents === 0 && c.lostChats === 0 && c.duplicateChats === 0;

/** Text of numbered chat `n` of member `sender`. @param {number} sender @param {number} n @param {number} sentAt */
const chatText = (sender, n, sentAt) => `${sender}:${n}:${sentAt.toFixed(1)}`;

/** `{ sender, n, sentAt }` of a numbered chat's text, or undefined for any other text. @param {string} text */
function parseChatText(text) {
  const m = /^(\d+):(\d+):([\d.]+)$/.exec(text);
  return m ? { sender: Number(m[1]), n: Number(m[2]), sentAt: Number(m[3]) } : undefined;
}

class RoomStreamCheck {
  constructor() {
    this.counts = emptyCounts();
    /** Highest offset seen; undefined until the first room_joined. @type {number | undefined} */
    this.lastOffset = undefined;
    /** Offset of the join snapshot: events at or below it were never this member's to receive. */
    this.floor = 0;
    /** Offsets skipped so far (small gaps only), so that one arriving late counts as reordered, not lost. */
    this.missing = new Set();
    /** Offsets that came before the first room_joined, judged against its snapshot. @type {number[]} */
    this.beforeSnapshot = [];
    this.epoch = '';
    /** Whether the stream has seen everything since the member's first join. */
    this.complete = true;
    /** sender → numbers seen (all up to `upTo`, and those in `above`), the highest, and the sender's current session with what it re-sent. @type {Map<number, { upTo: number, above: Set<number>, max: number, from: string, resendUpTo: number, resent: Set<number> }>} */
    this.lastBySender = new Map();
  }

  /** The first `room_joined` of the member: the baseline. @param {{ offset?: number, epoch?: string }} snapshot */
  joined(snapshot) {
    this.lastOffset = this.floor = Number(snapshot.offset ?? 0);
    this.epoch = snapshot.epoch ?? '';
    this.judgeBeforeSnapshot();
  }

  /** Offsets that came before the room_joined just applied: not the member's, or early. */
  judgeBeforeSnapshot() {
    for (const offset of this.beforeSnapshot.sort((a, b) => a - b)) {
      if (offset <= this.floor) this.counts.beforeJoin++;
      else {
        this.counts.earlyEvents++;
        this.counts.events--; // counted once already, on arrival
        this.event(offset);
      }
    }
    this.beforeSnapshot = [];
  }

  /**
   * `room_joined` in answer to a resume (after the replayed events). Recovered: events the
   * snapshot covers but that were not replayed are lost; not recovered: partial from here.
   * @param {{ offset?: number, epoch?: string, recovered?: boolean }} snapshot
   */
  resumed(snapshot) {
    const offset = Number(snapshot.offset ?? 0);
    if (!snapshot.recovered || this.lastOffset === undefined || (snapshot.epoch ?? '') !== this.epoch) {
      this.counts.unrecovered++;
      this.rebase(offset, snapshot.epoch ?? '');
      return;
    }
    // A replay may already be past the snapshot (events that came in meanwhile): never go back.
    if (offset > this.lastOffset) {
      this.counts.lostEvents += offset - this.lastOffset;
      this.counts.lostAtResume += offset - this.lastOffset;
      this.lastOffset = offset;
    }
  }

  /** The member's session was lost (RESUME_FAILED): whatever came meanwhile is not its to miss. */
  sessionLost() {
    this.counts.restarts++;
    this.complete = false;
    this.lastBySender.clear(); // compared again from the first chat after the new join
    this.missing.clear();
    this.lastOffset = undefined; // events before the new room_joined wait for its snapshot
  }

  /** The fresh `room_joined` after a lost session. @param {{ offset?: number, epoch?: string }} snapshot */
  restarted(snapshot) {
    this.rebase(Number(snapshot.offset ?? 0), snapshot.epoch ?? '');
    this.judgeBeforeSnapshot();
  }

  /**
   * Any reliable room event; `offset` 0/undefined (a baseline server) is ignored. Above the
   * highest offset: new (a jump counts the skipped ones lost); at or below the join snapshot:
   * stale; a skipped one arriving late: reordered; anything else: a duplicate. Before the first
   * room_joined, offsets wait for its snapshot (see `joined`).
   * @param {number | undefined} offset
   */
  event(offset) {
    if (!offset) return;
    this.counts.events++;
    if (this.lastOffset === undefined) {
      if (this.beforeSnapshot.length < 10000) this.beforeSnapshot.push(offset);
      return;
    }
    if (offset > this.lastOffset) {
      const skipped = offset - this.lastOffset - 1;
      this.counts.lostEvents += skipped;
      if (skipped <= 1000) for (let o = this.lastOffset + 1; o < offset; o++) this.missing.add(o);
      this.lastOffset = offset;
    } else if (offset <= this.floor) this.counts.staleEvents++;
    else if (this.missing.delete(offset)) {
      this.counts.lostEvents--;
      this.counts.reorderedEvents++;
    } else this.counts.duplicateEvents++;
  }

  /**
   * Numbered chat `n` of `sender`, relayed from session `from` (the sender's client id). Each
   * number counts once: a number seen again from the same session is a duplicate (the gateway
   * applied a message twice); seen again from a new session of the sender (its old one was lost
   * and it re-sent what it could not know was applied) it is `resentChats`, not a fault. Order
   * among chats is not judged here (a sender re-sends a refused number after later ones; the
   * offsets judge the gateway's order), and gaps only at the end (`finish`).
   * @param {number} sender @param {number} n @param {string} from
   */
  chat(sender, n, from) {
    this.counts.chats++;
    let seen = this.lastBySender.get(sender);
    if (!seen) {
      // A complete stream saw the room before anyone chatted: every sender starts at 1; a
      // partial one starts wherever it picked the sender up.
      const upTo = this.complete ? 0 : n - 1;
      seen = { upTo, above: new Set(), max: upTo, from, resendUpTo: 0, resent: new Set() };
      this.lastBySender.set(sender, seen);
    }
    if (from !== seen.from) {
      // A new session of the sender: what it sends up to the old sessions' highest number may be re-sends.
      Object.assign(seen, { from, resendUpTo: seen.max, resent: new Set() });
    }
    if (n <= seen.upTo || seen.above.has(n)) {
      if (n <= seen.resendUpTo && !seen.resent.has(n)) {
        seen.resent.add(n);
        this.counts.resentChats++;
      } else this.counts.duplicateChats++;
      return;
    }
    seen.max = Math.max(seen.max, n);
    if (n !== seen.upTo + 1) {
      seen.above.add(n);
      return;
    }
    seen.upTo = n;
    while (seen.above.delete(seen.upTo + 1)) seen.upTo++;
  }

  /** Whether every sender's numbers up to `expected[sender]` are here (or this stream is partial). @param {ArrayLike<number>} expected */
  caughtUp(expected) {
    if (!this.complete) return true;
    for (let sender = 0; sender < expected.length; sender++) {
      if ((expected[sender] ?? 0) > (this.lastBySender.get(sender)?.upTo ?? 0)) return false;
    }
    return true;
  }

  /**
   * End of run: compares with each sender's last confirmed number (`expected[sender]`). Missing
   * numbers are lost; numbers past it were sent but not confirmed when the run ended.
   * @param {ArrayLike<number>} expected
   */
  finish(expected) {
    for (let sender = 0; sender < expected.length; sender++) {
      const want = expected[sender] ?? 0;
      const seen = this.lastBySender.get(sender);
      if (!seen && !this.complete) continue; // partial stream: nothing to compare this sender with
      const upTo = seen?.upTo ?? 0;
      const above = [...(seen?.above ?? [])];
      const beyond = Math.max(0, upTo - want) + above.filter((n) => n > want).length;
      if (upTo < want) this.counts.lostChats += want - upTo - above.filter((n) => n <= want).length;
      this.counts.unconfirmed += beyond;
    }
    return this.counts;
  }

  /** @param {number} offset @param {string} epoch */
  rebase(offset, epoch) {
    this.complete = false;
    this.lastOffset = this.floor = offset;
    this.missing.clear();
    this.epoch = epoch;
    this.lastBySender.clear();
  }
}

module.exports = { RoomStreamCheck, emptyCounts, addCounts, exactlyOnce, chatText, parseChatText };
