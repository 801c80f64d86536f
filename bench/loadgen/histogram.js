// @ts-check
'use strict';
// Fixed-bucket latency histogram (0.1 ms up to 100 ms, 1 ms up to 10 s, then 100 ms up to 100 s
// for resumes and rejoins): constant memory, mergeable across worker processes by adding counts.
const FINE = 1000; // 0.1 ms buckets below 100 ms
const MID = FINE + 9900; // 1 ms buckets below 10 s
const SIZE = MID + 900 + 1;

/** @typedef {{ buckets: number[], n: number, sum: number, max: number }} HistogramJSON */

class Histogram {
  constructor() {
    this.counts = new Uint32Array(SIZE);
    this.n = 0;
    this.sum = 0;
    this.max = 0;
  }

  /** @param {number} ms */
  record(ms) {
    if (!(ms >= 0)) ms = 0; // clock skew between our clock and the server timestamp can round below 0
    const i = ms < 100 ? Math.floor(ms * 10) : ms < 10000 ? FINE + Math.floor(ms - 100) : Math.min(SIZE - 1, MID + Math.floor((ms - 10000) / 100));
    this.counts[i]++;
    this.n++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  /** Sparse form for IPC. @returns {HistogramJSON} */
  toJSON() {
    const buckets = [];
    for (let i = 0; i < SIZE; i++) if (this.counts[i]) buckets.push(i, this.counts[i]);
    return { buckets, n: this.n, sum: this.sum, max: this.max };
  }

  /** @param {HistogramJSON | undefined} json */
  add(json) {
    if (!json) return this;
    for (let i = 0; i < json.buckets.length; i += 2) this.counts[json.buckets[i]] += json.buckets[i + 1];
    this.n += json.n;
    this.sum += json.sum;
    if (json.max > this.max) this.max = json.max;
    return this;
  }

  reset() {
    this.counts.fill(0);
    this.n = 0;
    this.sum = 0;
    this.max = 0;
  }

  /** Upper edge of the bucket holding the p-th percentile; NaN when empty. @param {number} p */
  percentile(p) {
    if (this.n === 0) return NaN;
    let rank = Math.ceil((p / 100) * this.n);
    for (let i = 0; i < SIZE; i++) {
      rank -= this.counts[i];
      if (rank <= 0) return i < FINE ? (i + 1) / 10 : i < MID ? i - FINE + 101 : 10000 + (i - MID + 1) * 100;
    }
    return this.max;
  }

  get mean() {
    return this.n ? this.sum / this.n : NaN;
  }
}

module.exports = { Histogram };
