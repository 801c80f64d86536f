// @ts-check
'use strict';
// One simulated client: the gateway's wire protocol as a small state machine (welcome → join →
// ready; drop → resume or, if the session is lost, join afresh), driven by its worker. It owns no
// timer: the worker's one driver loop calls `move`, `chat`, `drop` and `retryDue`.
const WebSocket = require('ws');
const { ChatOutbox } = require('./chat-outbox');
const { RoomStreamCheck, parseChatText } = require('./delivery-check');
const { FrameMeter } = require('./frame-meter');
const { parseSchema, StateMirror } = require('./state-v2');

/** @typedef {import('./codecs').WireMessage} WireMessage */
/** @typedef {import('./worker-stats').InstanceStats} InstanceStats */
/**
 * What a client needs from its worker.
 * @typedef {object} ClientContext
 * @property {import('./codecs').LoadCodec} codec
 * @property {string[]} urls
 * @property {{ batch: boolean, authSecret: string, resumeTo: string, roomPrefix: string, placement: string, roomKind: string, tickRate: number }} options
 * @property {(urlIndex: number) => InstanceStats} stats   the stats of the instance at `urls[urlIndex]`
 * @property {() => number} now                          wall clock in ms, sub-millisecond
 * @property {() => boolean} measuring                   inside the measurement window
 * @property {() => boolean} ending                      the run is over: closes are expected
 * @property {(roomId: string) => import('./frame-cache').FrameCache} frameCache
 * @property {(client: SimClient) => void} settled      first time the client is ready (or gave up)
 * @property {(seq: number, g: number) => { x: number, y: number, z: number }} position  the g-th client's seq-th move
 * @property {(roomId: string, schema: import('./state-v2').WireSchema) => StateMirror} roomMirror
 *   v2 rooms without interest management: one mirror per room and worker (members get the same frames)
 * @property {(userId: string) => string} token          JWT for the upgrade ('' = none)
 */

/** Close codes after which a client comes back and resumes (docs/protocol.md, "Close codes"). */
const reconnectable = (/** @type {number} */ code) => code === 1006 || code === 1012 || (code >= 4000 && code <= 4099);
const MAX_ATTEMPTS = 30;
/** Room placement: redirects followed per client before it joins wherever it is (the room kept moving). */
const MAX_REDIRECTS = 3;
const RETRY_JOIN_MS = 1000;

class SimClient {
  /**
   * @param {ClientContext} ctx
   * @param {{ g: number, role: 'idle' | 'lobby' | 'room', roomId: string, member: number, urlIndex: number, localAddress?: string, mirror?: boolean }} plan
   */
  constructor(ctx, plan) {
    this.ctx = ctx;
    this.g = plan.g;
    this.role = plan.role;
    this.roomId = plan.roomId;
    this.member = plan.member;
    this.urlIndex = plan.urlIndex;
    this.localAddress = plan.localAddress;
    // Short, as in the benchmarks so far (every sync carries every player's id); unique within
    // a run, and rooms are fresh per run (the room prefix), so no seat of an earlier run is in the way.
    this.userId = `p${plan.g}`;
    /** new → connecting → joining → ready; resuming / waiting after a drop; failed; closed */
    this.state = 'new';
    /** @type {WebSocket | undefined} */
    this.ws = undefined;
    /** @type {Record<string, any> | undefined} the session's latest welcome */
    this.session = undefined;
    /** @type {Record<string, any> | undefined} the fresh welcome that arrives during a resume */
    this.fresh = undefined;
    this.rejoining = false;
    this.attempt = 0;
    this.retryAt = 0;
    /** @type {'churn' | 'close' | ''} why the client is resuming */
    this.resumeCause = '';
    this.droppedAt = 0;
    this.stream = plan.role === 'idle' ? undefined : new RoomStreamCheck();
    this.cache = plan.role === 'idle' ? undefined : ctx.frameCache(plan.roomId);
    this.frames = new FrameMeter();
    this.chats = new ChatOutbox(`${ctx.options.roomPrefix}-${plan.g}`, plan.member, ctx.codec.gatewayProtocol);
    this.joinDueAt = 0;
    this.settledOnce = false;
    this.redirects = 0;
    /**
     * v2: keeps a state mirror (decodes, applies and checks every frame; input latency), or only
     * reads what it measures of each frame (--mirror-share): frame numbers, bytes, delivery latency.
     */
    this.mirrors = plan.mirror ?? true;
    /** v2: the room's mirror (mirroring players), this player's entity, and the last keyframe's (frame, time) anchor */
    /** @type {{ mirror: StateMirror | undefined, entityId: number, anchorFrame: number, anchorTime: number, lastAt: number, settling: boolean } | undefined} */
    this.v2 = undefined;
    /** bytes of the frame being handled (state frames and joins are counted in bytes) */
    this.frameBytes = 0;
  }

  get stats() {
    return this.ctx.stats(this.urlIndex);
  }

  get ready() {
    return this.state === 'ready';
  }

  connect() {
    this.state = this.session ? 'resuming' : 'connecting';
    const { codec, options } = this.ctx;
    let url = this.ctx.urls[this.urlIndex];
    const query = [options.batch ? 'batch=1' : '', options.authSecret ? `token=${this.ctx.token(this.userId)}` : ''].filter(Boolean);
    if (query.length) url += (url.includes('?') ? '&' : '?') + query.join('&');
    // skipUTF8Validation: the tester trusts the server's text frames; validating them would make
    // the tester, not the server, the bottleneck.
    /** @type {WebSocket.ClientOptions} */
    const opts = { perMessageDeflate: false, handshakeTimeout: 30000, skipUTF8Validation: true };
    if (this.localAddress) opts.localAddress = this.localAddress;
    const ws = new WebSocket(url, codec.subprotocols, opts);
    this.ws = ws;
    ws.on('open', () => {
      const stats = this.stats; // the socket counts where it opened, even if the client moves on
      stats.run.opened++;
      stats.open++;
      ws.once('close', (code) => {
        stats.open--;
        if (!this.ctx.ending() && ws === this.ws) stats.count('closes', String(code));
      });
      // Resume is the first frame; the fresh welcome may come before its answer (protocol.md).
      if (this.session) this.send('resume', { session_id: this.session.session_id, resume_token: this.session.resume_token, ...this.position() });
    });
    ws.on('message', (data, isBinary) => this.receive(/** @type {Buffer} */ (data), isBinary));
    ws.on('ping', () => this.stats.window.pings++); // ws answers with the pong itself
    ws.on('error', (e) => this.stats.error(/** @type {any} */ (e).code ?? 'socket_error', e.message));
    ws.on('close', (code) => this.closed(ws, code));
  }

  /** Churn: cut the socket from the client's side (the gateway sees an abnormal close and parks the session). */
  drop() {
    if (this.state !== 'ready' || !this.ws) return false;
    this.stats.run.drops++;
    this.resumeCause = 'churn';
    this.droppedAt = this.ctx.now();
    if (this.ctx.options.resumeTo === 'other') this.urlIndex = (this.urlIndex + 1) % this.ctx.urls.length;
    const ws = this.ws;
    this.ws = undefined;
    ws.terminate();
    this.connect();
    return true;
  }

  close() {
    this.state = 'closed';
    this.ws?.terminate();
  }

  move() {
    if (this.state !== 'ready') return;
    const seq = this.frames.input(this.ctx.now());
    this.send('game_action', { room_id: this.roomId, action: 'move', position: this.ctx.position(seq, this.g), input_seq: seq });
    this.stats.window.moves++;
  }

  chat() {
    if (this.state !== 'ready') return;
    const { text, id } = this.chats.next(this.ctx.now());
    this.send('chat', { room_id: this.roomId, text }, id);
    this.stats.window.chatsSent++;
  }

  /** Whatever waits on the clock: a reconnect after backoff, a join retry, a re-send after RATE_LIMITED. */
  retryDue(/** @type {number} */ now) {
    if (this.state === 'waiting' && now >= this.retryAt) this.connect();
    else if (this.joinDueAt && now >= this.joinDueAt) {
      this.joinDueAt = 0;
      this.join();
    } else if (this.chats.dueAt && now >= this.chats.dueAt && this.state === 'ready') this.flushOutbox();
  }

  /**
   * On its way back after losing its socket, to a server that can resume it: one that issued a
   * resume token (a baseline issues none, so its clients never come back and are not waited for).
   */
  get returning() {
    return (this.state === 'resuming' || this.state === 'waiting' || this.state === 'joining') && Boolean(this.session?.resume_token);
  }

  get idle() {
    return this.chats.empty && (this.state === 'ready' || this.state === 'failed');
  }

  // ---- inbound ----

  /** @param {Buffer} data @param {boolean} isBinary */
  receive(data, isBinary) {
    const t = this.ctx.now();
    this.frameBytes = data.length;
    if (!this.mirrors && this.v2) {
      // No mirror: a state frame is read without its ops and strings, if the codec can (v2-proto).
      let peeked;
      try {
        peeked = this.ctx.codec.peekState?.(data, isBinary);
      } catch {
        peeked = undefined; // garbage: the full decode below counts it
      }
      if (peeked) return this.stateFrame(peeked, t);
    }
    const cache = this.cache;
    let msgs = cache?.get(data);
    if (!msgs) {
      try {
        msgs = this.ctx.codec.decode(data, isBinary);
      } catch {
        this.stats.error('undecodable');
        return;
      }
      // Room broadcasts are byte-identical for every member: decode them once per room.
      if (cache && msgs.length === 1 && (msgs[0].offset || this.ctx.codec.state(msgs[0]))) cache.remember(data, msgs);
    }
    for (const m of msgs) this.handle(m, t);
  }

  /** @param {WireMessage} m @param {number} t */
  handle(m, t) {
    switch (m.type) {
      case 'welcome':
        return this.welcomed(m.payload);
      case 'room_joined':
        return this.roomJoined(m.payload);
      case 'chat':
        return this.chatReceived(m, t);
      case 'player_joined':
      case 'player_left':
        if (m.type === 'player_left') this.stats.count('playerLeft', m.payload.reason ?? '');
        return this.stream?.event(m.offset);
      case 'ack':
        return this.acked(m.payload.id);
      case 'error':
        return this.refused(m.payload);
      case 'transport':
        if (m.payload.ping) this.stats.window.pings++;
        if (m.payload.reply) this.ws?.send(m.payload.reply);
        return;
      default: {
        const state = this.ctx.codec.state(m);
        if (state) this.stateFrame(state, t);
      }
    }
  }

  /** @param {Record<string, any>} welcome */
  welcomed(welcome) {
    if (this.state === 'resuming') {
      if (welcome.client_id !== this.session?.client_id) {
        this.fresh = welcome; // the new connection's own session, adopted if the resume fails
        return;
      }
      this.session = welcome;
      this.resumed();
      return;
    }
    this.session = welcome;
    if (this.role === 'idle') this.becomeReady();
    else this.join();
  }

  join() {
    this.state = 'joining';
    // Room placement only for a first join: a session that lost its seat joins where it is.
    const redirect = this.ctx.options.placement === 'hint' && !this.rejoining && this.redirects < MAX_REDIRECTS;
    const kind = this.ctx.options.roomKind;
    this.send('join_room', { room_id: this.roomId, user_id: this.userId, nickname: this.userId, ...(kind && { kind }), ...(redirect && { redirect: true }) });
  }

  /**
   * ROOM_ELSEWHERE: end this session (it holds no seat: close 1000) and start afresh on the
   * instance that runs the room, then join there; an unknown URL: join here without a redirect.
   * @param {string} ownerUrl
   */
  follow(ownerUrl) {
    const index = this.ctx.urls.indexOf(ownerUrl);
    this.redirects++;
    if (index < 0) {
      this.stats.count('redirects', 'unknown_url');
      this.redirects = MAX_REDIRECTS;
      return this.join();
    }
    this.stats.count('redirects', 'followed');
    const ws = this.ws;
    this.ws = undefined; // its close is ours, not a drop
    ws?.close(1000);
    this.session = undefined;
    this.urlIndex = index;
    this.connect();
  }

  /** @param {Record<string, any>} payload */
  roomJoined(payload) {
    if (!this.stream || payload.room_id !== this.roomId) return;
    if (payload.schema) this.v2Joined(payload);
    if (this.state === 'resuming') {
      this.stream.resumed(payload);
      this.stats.run[payload.recovered ? 'recoveredRooms' : 'unrecoveredRooms']++;
      return; // the second welcome completes the resume
    }
    if (this.rejoining) {
      this.stream.restarted(payload);
      this.stats.rejoined(this.resumeCause, this.ctx.now() - this.droppedAt);
    } else this.stream.joined(payload);
    this.frames.restart();
    this.becomeReady();
    if (this.rejoining) this.flushOutbox(); // at least once: the lost session may or may not have applied them
    this.rejoining = false;
  }

  resumed() {
    const ms = this.ctx.now() - this.droppedAt;
    this.stats.resumed(this.resumeCause, ms);
    this.frames.restart();
    this.attempt = 0;
    this.state = 'ready';
    this.flushOutbox(); // same ids: whatever the gateway already applied is acked as a duplicate
  }

  /** Any other error to a resume (INTERNAL: the gateway kept the session but could not resume it now): reconnect and resume again after a backoff. */
  resumeLater() {
    if (++this.attempt > MAX_ATTEMPTS) return this.sessionLost();
    const ws = this.ws;
    this.ws = undefined; // our own close: not a drop
    this.fresh = undefined;
    ws?.terminate();
    this.wait();
  }

  /** RESUME_FAILED: carry on with the fresh session of the first welcome, and join again. */
  sessionLost() {
    this.stats.resumeFailed(this.resumeCause);
    this.stream?.sessionLost();
    this.session = this.fresh;
    this.fresh = undefined;
    this.attempt = 0;
    if (this.role === 'idle') {
      this.stats.rejoined(this.resumeCause, this.ctx.now() - this.droppedAt);
      this.state = 'ready';
      return;
    }
    this.rejoining = true;
    this.join();
  }

  /** @param {WireMessage} m @param {number} t */
  chatReceived(m, t) {
    this.stream?.event(m.offset);
    const numbered = parseChatText(String(m.payload.text ?? ''));
    if (!numbered) return;
    this.stream?.chat(numbered.sender, numbered.n, m.payload.from_client_id ?? '');
    if (this.ctx.measuring()) {
      const w = this.stats.window;
      w.chatsRecv++;
      w.chat.record(t - numbered.sentAt);
    }
  }

  /** @param {string} id */
  acked(id) {
    this.stats.run.acks++;
    this.chats.ack(id);
  }

  /** @param {Record<string, any>} e */
  refused(e) {
    if (e.code === 'ROOM_ELSEWHERE' && this.state === 'joining') return this.follow(String(e.owner_url ?? ''));
    this.stats.error(e.code ?? 'error', `${e.ref_type ?? ''}: ${e.message ?? ''}`);
    if (e.code === 'RESUME_FAILED' && this.state === 'resuming') return this.sessionLost();
    if (e.ref_type === 'resume' && this.state === 'resuming') return this.resumeLater();
    // A join refused while the old seat of a lost session is still held (same user id): try again.
    if (e.ref_type === 'join_room' && this.state === 'joining') {
      this.joinDueAt = this.ctx.now() + RETRY_JOIN_MS;
      return;
    }
    if (e.ref_id && this.chats.refused(e.ref_id, this.ctx.now())) this.stats.run.abandonedChats++;
  }

  /** @param {import('./codecs').StateFrame} s @param {number} t */
  stateFrame(s, t) {
    const w = this.ctx.measuring() ? this.stats.window : undefined;
    if (s.v2) return this.v2Frame(s, s.v2, t, w);
    if (w) w.stateBytes += this.frameBytes;
    this.frames.frame(s, this.userId, t, w);
  }

  // ---- v2 state frames ----

  /** A v2 `room_joined`: the schema, this player's entity, and the keyframe in it. @param {Record<string, any>} payload */
  v2Joined(payload) {
    const schema = parseSchema(payload.schema);
    const me = (payload.players ?? []).find((/** @type {any} */ p) => p.player_id === this.userId);
    const mirror = !this.mirrors ? undefined : schema.interest ? new StateMirror(schema) : this.ctx.roomMirror(this.roomId, schema);
    const now = this.ctx.now();
    this.v2 = { mirror, entityId: Number(me?.entity_id ?? -1), anchorFrame: -1, anchorTime: 0, lastAt: now, settling: true };
    const run = this.stats.run;
    run.joins++;
    run.joinBytes += this.frameBytes;
    if (payload.state) {
      this.anchor(payload.state);
      if (mirror?.apply(payload.state) === 'no-base') run.mirrorNoBase++;
    }
    this.frames.restart();
  }

  /** A keyframe's time is the server clock of its tick: the anchor of the frames that follow. @param {import('./codecs').V2Frame} f */
  anchor(f) {
    if (!this.v2 || !f.time) return;
    this.v2.anchorFrame = Number(f.frame);
    this.v2.anchorTime = Number(f.time);
  }

  /**
   * A v2 frame: mirror, counts, delivery latency and input latency. A delta carries its tick's
   * `time` only from a server run with STATE_FRAME_TIME; otherwise its tick time is estimated: the
   * last keyframe's plus one tick per frame number since (rooms that change
   * every tick make one frame per tick). Once per join, at the first delta after this client's
   * first move: if it came over 500 ms after the previous frame (the room stood idle before the
   * load started: frame numbers stood still while ticks went on), it is taken to be under one tick
   * late and the anchor moves there. Nothing moves the anchor after that but a keyframe, so any
   * later lateness, ticks the room skipped included, counts as delivery latency (an overestimate
   * when the room really had nothing to send at some tick).
   * @param {import('./codecs').StateFrame} s @param {import('./codecs').V2Frame} f @param {number} t
   * @param {import('./worker-stats').InstanceStats['window'] | undefined} w
   */
  v2Frame(s, f, t, w) {
    const v2 = this.v2;
    if (!v2) return; // a frame before room_joined: never sent (protocol.md), so not measured
    const tickMs = 1000 / (this.ctx.options.tickRate || 20);
    const frame = Number(f.frame);
    if (f.key) this.anchor(f);
    else if (v2.settling && this.frames.inputSeq > 0) {
      v2.settling = false;
      if (v2.anchorFrame >= 0 && t - v2.lastAt > 500) {
        const expected = v2.anchorTime + (frame - v2.anchorFrame) * tickMs;
        v2.anchorTime = expected + Math.max(0, Math.floor((t - expected) / tickMs)) * tickMs;
        v2.anchorFrame = frame;
        this.stats.run.reanchors++;
      }
    }
    v2.lastAt = t;
    if (v2.mirror?.apply(f) === 'no-base') this.stats.run.mirrorNoBase++;
    const hasBase = f.base !== undefined && f.base !== null;
    if (w) {
      w.stateBytes += this.frameBytes;
      if (f.key) {
        w.keyframes++;
        w.keyBytes += this.frameBytes;
      }
    }
    // Frame-number gaps: a delta without `base` builds on frame - 1, so a gap is a missed frame;
    // with `base` (interest management) frames skip numbers on purpose when nothing in view changed.
    const gapFree = f.key || hasBase;
    // A server run with STATE_FRAME_TIME puts its tick's time on every frame: exact, no estimate.
    const stamped = Number(f.time) || 0;
    const timestamp = stamped || (v2.anchorFrame >= 0 ? v2.anchorTime + (frame - v2.anchorFrame) * tickMs : 0);
    if (gapFree) this.frames.restart();
    this.frames.frame({ ...s, timestamp, inputSeqOf: () => this.inputSeqAt() }, this.userId, t, w);
  }

  /** The newest pending move whose position the mirror shows for this player's entity (none without a mirror). */
  inputSeqAt() {
    const v2 = this.v2;
    const pos = v2?.mirror?.position(v2.entityId);
    if (!pos) return undefined;
    const pending = this.frames.pending;
    for (let k = pending.length - 2; k >= 0; k -= 2) {
      const p = this.ctx.position(pending[k], this.g);
      // within half of the kinds' 0.125 precision: the position the server stored for that move
      if (Math.abs(p.x - pos.x) <= 0.0625 && Math.abs(p.y - pos.y) <= 0.0625) return pending[k];
    }
    return undefined;
  }

  // ---- connection life ----

  /** @param {WebSocket} ws @param {number} code */
  closed(ws, code) {
    if (ws !== this.ws || this.state === 'closed') return; // a socket we dropped on purpose
    this.ws = undefined;
    if (this.ctx.ending()) return;
    if (this.session === undefined) {
      // Never welcomed: a refused or failed handshake. Try again a few times, then give up.
      if (++this.attempt > 3) return this.giveUp();
      return this.wait();
    }
    if (!reconnectable(code) || this.attempt >= MAX_ATTEMPTS) return this.giveUp();
    if (this.state !== 'resuming' && this.state !== 'waiting') {
      this.resumeCause = 'close';
      this.droppedAt = this.ctx.now();
    }
    // A refused reconnect (the instance is gone) moves on to another instance, clients of one
    // instance spreading over the others (as a load balancer would spread them).
    const n = this.ctx.urls.length;
    if (this.attempt > 0 && n > 1) this.urlIndex = (this.urlIndex + 1 + (this.g % (n - 1))) % n;
    this.attempt++;
    this.wait();
  }

  wait() {
    this.state = 'waiting';
    const backoff = Math.min(5000, 100 * 2 ** Math.min(this.attempt, 6));
    this.retryAt = this.ctx.now() + backoff * (0.5 + Math.random() / 2);
  }

  giveUp() {
    this.stats.count('gaveUp', this.session ? 'after_welcome' : 'before_welcome');
    this.state = 'failed';
    this.settle();
  }

  becomeReady() {
    this.state = 'ready';
    this.attempt = 0;
    this.settle();
  }

  /** Tells the worker once that this client is past its first connect (ready or given up). */
  settle() {
    if (this.settledOnce) return;
    this.settledOnce = true;
    this.ctx.settled(this);
  }

  flushOutbox() {
    for (const [id, text] of this.chats.resend()) this.send('chat', { room_id: this.roomId, text }, id);
  }

  position() {
    const rooms = this.stream?.lastOffset !== undefined ? { [this.roomId]: this.stream.lastOffset } : {};
    return { rooms, last_seq: 0 };
  }

  /** @param {string} type @param {Record<string, unknown>} payload @param {string} [id] */
  send(type, payload, id) {
    const ws = this.ws;
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(this.ctx.codec.encode(type, payload, id));
  }
}

module.exports = { SimClient };
