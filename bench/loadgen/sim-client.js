// @ts-check
'use strict';
// One simulated client: the gateway's wire protocol as a small state machine (welcome → join →
// ready; drop → resume or, if the session is lost, join afresh), driven by its worker. It owns no
// timer: the worker's one driver loop calls `move`, `chat`, `drop` and `retryDue`.
const WebSocket = require('ws');
const { ChatOutbox } = require('./chat-outbox');
const { RoomStreamCheck, parseChatText } = require('./delivery-check');
const { FrameMeter } = require('./frame-meter');
// The benchmarks' one move stream (ES module, loaded with require: Node.js ≥ 20.19).
const { movePosition } = require('../move-stream.mjs');

/** @typedef {import('./codecs').WireMessage} WireMessage */
/** @typedef {import('./worker-stats').InstanceStats} InstanceStats */
/**
 * What a client needs from its worker.
 * @typedef {object} ClientContext
 * @property {import('./codecs').LoadCodec} codec
 * @property {string[]} urls
 * @property {{ batch: boolean, authSecret: string, resumeTo: string, roomPrefix: string, placement: string }} options
 * @property {(urlIndex: number) => InstanceStats} stats   the stats of the instance at `urls[urlIndex]`
 * @property {() => number} now                          wall clock in ms, sub-millisecond
 * @property {() => boolean} measuring                   inside the measurement window
 * @property {() => boolean} ending                      the run is over: closes are expected
 * @property {(roomId: string) => { buf: Buffer | null, msgs: WireMessage[] }} frameCache
 * @property {(client: SimClient) => void} settled      first time the client is ready (or gave up)
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
   * @param {{ g: number, role: 'idle' | 'lobby' | 'room', roomId: string, member: number, urlIndex: number, localAddress?: string }} plan
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
    this.send('game_action', { room_id: this.roomId, action: 'move', position: movePosition(seq, this.g), input_seq: seq });
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

  get idle() {
    return this.chats.empty && (this.state === 'ready' || this.state === 'failed');
  }

  // ---- inbound ----

  /** @param {Buffer} data @param {boolean} isBinary */
  receive(data, isBinary) {
    const t = this.ctx.now();
    const cache = this.cache;
    /** @type {WireMessage[]} */
    let msgs;
    if (cache && cache.buf !== null && cache.buf.length === data.length && cache.buf.equals(data)) msgs = cache.msgs;
    else {
      try {
        msgs = this.ctx.codec.decode(data, isBinary);
      } catch {
        this.stats.error('undecodable');
        return;
      }
      // Room broadcasts are byte-identical for every member: decode them once per room.
      if (cache && msgs.length === 1 && (msgs[0].offset || this.ctx.codec.state(msgs[0]))) Object.assign(cache, { buf: data, msgs });
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
    this.send('join_room', { room_id: this.roomId, user_id: this.userId, nickname: this.userId, ...(redirect && { redirect: true }) });
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
    // A join refused while the old seat of a lost session is still held (same user id): try again.
    if (e.ref_type === 'join_room' && this.state === 'joining') {
      this.joinDueAt = this.ctx.now() + RETRY_JOIN_MS;
      return;
    }
    if (e.ref_id && this.chats.refused(e.ref_id, this.ctx.now())) this.stats.run.abandonedChats++;
  }

  /** @param {import('./codecs').StateFrame} s @param {number} t */
  stateFrame(s, t) {
    this.frames.frame(s, this.userId, t, this.ctx.measuring() ? this.stats.window : undefined);
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
