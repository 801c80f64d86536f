// NOT PART OF THE PRODUCT. The arena rules both comparison servers share, kept equivalent to
// src/games/arena (move → clamped position + velocity from displacement/time, velocity zeroed
// on the first tick without a move, last_input_seq echoed) so the baselines do the same work.
const BOUND = 1000;
const clamp = (v) => (v < -BOUND ? -BOUND : v > BOUND ? BOUND : v);

class Room {
  constructor(id, tickMs) {
    this.id = id;
    this.tickMs = tickMs;
    this.members = new Map(); // client id → { socket, player }
    this.frameNum = 0;
    this.changed = false;
  }
  join(clientId, socket, playerId) {
    const player = { player_id: playerId, position: { x: 0, y: 0, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, health: 100, score: 0, last_input_seq: 0, lastMoveAt: Date.now(), moving: false, moved: false };
    this.members.set(clientId, { socket, player });
    this.changed = true;
    return player;
  }
  move(clientId, action, now) {
    const m = this.members.get(clientId);
    if (!m || !action.position) return false;
    const p = m.player;
    const to = { x: clamp(+action.position.x || 0), y: clamp(+action.position.y || 0), z: 0 };
    const sec = Math.max(now - p.lastMoveAt, this.tickMs) / 1000;
    p.velocity = { x: (to.x - p.position.x) / sec, y: (to.y - p.position.y) / sec, z: 0 };
    p.position = to;
    p.lastMoveAt = now;
    p.moving = p.moved = this.changed = true;
    if (action.input_seq) p.last_input_seq = Number(action.input_seq);
    return true;
  }
  /** One tick: returns the sync payload if anything changed, else null. */
  tick(now) {
    for (const { player: p } of this.members.values()) {
      if (p.moved) p.moved = false;
      else if (p.moving) {
        p.velocity = { x: 0, y: 0, z: 0 };
        p.moving = false;
        this.changed = true;
      }
    }
    if (!this.changed) return null;
    this.changed = false;
    const players = [];
    for (const { player: p } of this.members.values()) {
      players.push({ player_id: p.player_id, position: p.position, velocity: p.velocity, health: p.health, score: p.score, last_input_seq: p.last_input_seq });
    }
    return { room_id: this.id, frame_num: ++this.frameNum, players, timestamp: now };
  }
}

const env = {
  port: Number(process.env.PORT ?? 8080),
  tickRate: Number(process.env.TICK_RATE ?? 20),
  heartbeatMs: Number(process.env.HEARTBEAT_INTERVAL_MS ?? 30000),
};

module.exports = { Room, env };
