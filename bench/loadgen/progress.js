// @ts-check
'use strict';
// The live progress line (stderr, once a second): phase, connections, frames/s, delivery p50/p99
// since the window began, chats/s, resumes and errors. On a terminal it rewrites itself in place.
const { mergeInto } = require('./worker-stats');

const f = (/** @type {number} */ v, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '-');
const sum = (/** @type {Record<string, number> | number[] | undefined} */ r) => Object.values(r ?? {}).reduce((a, b) => a + (b || 0), 0);

class ProgressLine {
  /**
   * @param {{ o: Record<string, any>, workers: { last: any }[], log: (line: string) => void, quiet: boolean }} options
   */
  constructor({ o, workers, log, quiet }) {
    this.o = o;
    this.workers = workers;
    this.log = log;
    this.phase = 'start';
    this.started = Date.now();
    /** per worker: its last snapshot's time and counts, and the rates they gave @type {{ t: number, frames: number, chats: number, fps: number, cps: number }[]} */
    this.prev = [];
    this.tty = process.stderr.isTTY && !quiet;
    this.timer = quiet ? undefined : setInterval(() => this.print(), 1000);
  }

  line() {
    const total = /** @type {any} */ ({});
    let fps = 0, cps = 0;
    this.workers.forEach((w, i) => {
      for (const s of w.last?.instances ?? []) mergeInto(total, s);
      // Rates per worker between its own snapshots (they arrive on the worker's clock, not ours).
      const frames = sum(w.last?.instances?.map((/** @type {any} */ s) => s.window.frames));
      const chats = sum(w.last?.instances?.map((/** @type {any} */ s) => s.window.chatsRecv));
      const prev = this.prev[i];
      const t = w.last?.t ?? 0;
      // The window restarts at "measure": across that reset keep the previous rates.
      if (prev && t > prev.t && frames >= prev.frames && chats >= prev.chats) {
        prev.fps = ((frames - prev.frames) * 1000) / (t - prev.t);
        prev.cps = ((chats - prev.chats) * 1000) / (t - prev.t);
      }
      if (!prev || t > prev.t) this.prev[i] = { t, frames, chats, fps: prev?.fps ?? 0, cps: prev?.cps ?? 0 };
      fps += this.prev[i].fps;
      cps += this.prev[i].cps;
    });
    const win = total.window ?? {};
    const run = total.run ?? {};
    const states = this.workers.reduce((acc, w) => mergeInto(acc, w.last?.states), /** @type {Record<string, number>} */ ({}));
    return (
      `[${f((Date.now() - this.started) / 1000, 0).padStart(4)}s ${this.phase.padEnd(8)}] conns ${total.open ?? 0}/${this.o.clients} ready ${states.ready ?? 0}` +
      `  frames/s ${f(fps, 0)}  deliv p50/p99 ${f(win.delivery?.percentile(50))}/${f(win.delivery?.percentile(99))} ms` +
      `  chat/s ${f(cps, 0)}  resumes ${sum(run.resumed)} (failed ${sum(run.resumeFailed)})  errors ${sum(run.errors)}`
    );
  }

  print() {
    const line = this.line();
    if (this.tty) process.stderr.write(`\r${line}\x1b[K`);
    else this.log(line);
  }

  stop() {
    clearInterval(this.timer);
    if (this.tty) process.stderr.write('\n');
  }
}

module.exports = { ProgressLine };
