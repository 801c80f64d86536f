// @ts-check
'use strict';
// What a worker measures, per gateway instance (the URL a client is on). `window` counts only
// inside the measurement window; `run` counts the whole run (errors, closes and resumes matter
// during ramp-up and drain too). Plain JSON crosses to the parent, which merges the workers.
const { Histogram } = require('./histogram');

const emptyWindow = () => ({
  frames: 0, gaps: 0, frameJumps: 0, pings: 0, moves: 0, chatsSent: 0, chatsRecv: 0,
  /** bytes of every state frame (v1 sync, v2 state), v2 keyframes among them */
  stateBytes: 0, keyframes: 0, keyBytes: 0,
  delivery: new Histogram(), input: new Histogram(), chat: new Histogram(),
});

const emptyRun = () => ({
  opened: 0, drops: 0, acks: 0, abandonedChats: 0, recoveredRooms: 0, unrecoveredRooms: 0,
  /** v2 room_joined frames (with their keyframe) and their bytes; deltas the mirror could not apply (a fault); latency anchors moved after an idle start (sim-client.js) */
  joins: 0, joinBytes: 0, mirrorNoBase: 0, reanchors: 0,
  /** resumes that succeeded / failed (RESUME_FAILED), by cause: churn (a drop of ours) or close (the server or network closed) */
  resumed: { churn: 0, close: 0 }, resumeFailed: { churn: 0, close: 0 },
  resumeMs: { churn: new Histogram(), close: new Histogram() },
  /** after a failed resume: back in the room (or ready, for idle clients) in a fresh session */
  rejoined: { churn: 0, close: 0 }, rejoinMs: { churn: new Histogram(), close: new Histogram() },
  /** @type {Record<string, number>} */ errors: {},
  /** the first message seen per error code, to tell what an error count is about */
  /** @type {Record<string, string>} */ errorSamples: {},
  /** @type {Record<string, number>} */ closes: {},
  /** @type {Record<string, number>} */ playerLeft: {},
  /** @type {Record<string, number>} */ gaveUp: {},
  /** room placement: ROOM_ELSEWHERE answers followed (by outcome: followed, unknown_url, too_many) */
  /** @type {Record<string, number>} */ redirects: {},
});

class InstanceStats {
  constructor() {
    /** sockets open right now */
    this.open = 0;
    this.window = emptyWindow();
    this.run = emptyRun();
  }

  startWindow() {
    this.window = emptyWindow();
  }

  /** @param {string} code @param {string} [message] */
  error(code, message) {
    this.run.errors[code] = (this.run.errors[code] ?? 0) + 1;
    if (message && !(code in this.run.errorSamples)) this.run.errorSamples[code] = message.slice(0, 200);
  }

  /** @param {'closes' | 'playerLeft' | 'gaveUp' | 'redirects'} group @param {string} key */
  count(group, key) {
    this.run[group][key] = (this.run[group][key] ?? 0) + 1;
  }

  /** @param {string} cause @param {number} ms */
  resumed(cause, ms) {
    const c = cause === 'churn' ? 'churn' : 'close';
    this.run.resumed[c]++;
    this.run.resumeMs[c].record(ms);
  }

  /** @param {string} cause @param {number} ms */
  rejoined(cause, ms) {
    const c = cause === 'churn' ? 'churn' : 'close';
    this.run.rejoined[c]++;
    this.run.rejoinMs[c].record(ms);
  }

  /** @param {string} cause */
  resumeFailed(cause) {
    this.run.resumeFailed[cause === 'churn' ? 'churn' : 'close']++;
  }

  toJSON() {
    const w = this.window;
    const r = this.run;
    return {
      open: this.open,
      window: { ...w, delivery: w.delivery.toJSON(), input: w.input.toJSON(), chat: w.chat.toJSON() },
      run: {
        ...r,
        resumeMs: { churn: r.resumeMs.churn.toJSON(), close: r.resumeMs.close.toJSON() },
        rejoinMs: { churn: r.rejoinMs.churn.toJSON(), close: r.rejoinMs.close.toJSON() },
      },
    };
  }
}

/** Adds numbers and nested records of numbers of `b` into `a`; histograms (JSON) merge into Histograms. */
function mergeInto(/** @type {any} */ a, /** @type {any} */ b) {
  for (const [key, value] of Object.entries(b ?? {})) {
    if (typeof value === 'number') a[key] = (a[key] ?? 0) + value;
    else if (typeof value === 'string') a[key] ??= value;
    else if (value instanceof Histogram) (a[key] ??= new Histogram()).add(value.toJSON());
    else if (value && Array.isArray(value.buckets)) (a[key] ??= new Histogram()).add(value);
    else if (value && typeof value === 'object') mergeInto((a[key] ??= {}), value);
  }
  return a;
}

module.exports = { InstanceStats, mergeInto };
