// @ts-check
'use strict';
/**
 * The load tester's codec plug-in point. A codec turns what a simulated client says into frames
 * and frames into plain messages; the tester itself never looks at bytes. Adding a wire format
 * (the state model v2's `game.v2.json` / `game.v2.proto` with delta frames, say) is one module
 * here, registered below, or a file passed with `--codec-module`.
 *
 * @typedef {object} WireMessage   one server message, whatever the framing
 * @property {string} type           contract name: welcome, room_joined, chat, sync, ack, error, …
 * @property {Record<string, any>} payload
 * @property {string} [roomId]       envelope room id (room-scoped messages)
 * @property {number} [offset]       reliable room event offset (0/absent = none)
 * @property {number} [seq]          direct-message seq (0/absent = none)
 *
 * @typedef {object} StateFrame    what the tester measures of a room-state frame
 * @property {string} roomId
 * @property {number} frameNum       increases by one per frame of the room (gaps = missed frames)
 * @property {number} timestamp      server clock (ms since the epoch) when the state was taken
 * @property {(playerId: string) => number | undefined} inputSeqOf  last input applied for a player, if the frame says
 * @property {V2Frame} [v2]          a v2 `state` frame: the client applies it to its mirror, which
 *   gives the frame's time (from its last keyframe) and the player's own position (input latency)
 *
 * @typedef {{ room?: number, frame: number, key?: boolean, base?: number | null, ops?: number[], strings?: string[], time?: number }} V2Frame
 *
 * @typedef {object} LoadCodec
 * @property {string} name
 * @property {string[]} subprotocols  offered in Sec-WebSocket-Protocol
 * @property {boolean} gatewayProtocol  speaks resume, acks and offsets (false: a baseline's subset)
 * @property {(type: string, payload: Record<string, unknown>, id?: string) => string | Uint8Array} encode
 *   a client message; `id` asks for an `ack` and de-duplication
 * @property {(data: Buffer, isBinary: boolean) => WireMessage[]} decode
 *   one frame → its messages in order (a batch frame gives several); throws on garbage.
 *   Members of a room get byte-identical frames, and the worker reuses a decoded frame for them,
 *   so never mutate or keep per-member state in what `decode` returns.
 * @property {(message: WireMessage) => StateFrame | undefined} state
 *   a room-state frame (v1 `sync`; v2 delta or keyframe) as a StateFrame, anything else undefined
 * @property {(data: Buffer, isBinary: boolean) => StateFrame | undefined} [peekState]
 *   optional, for players without a state mirror (--mirror-share): a frame that is one v2 state
 *   message as a StateFrame whose `v2` holds frame, key, base and time as `decode` + `state` would
 *   give them (ops and strings may be left out: they are not read); undefined for anything else,
 *   which is then decoded in full. A cheap read (no ops, no strings) is the point.
 *
 * @typedef {{ name: string, create: (options: { batch: boolean }) => LoadCodec }} CodecModule
 */

/** @type {Map<string, CodecModule>} */
const registry = new Map();

/** @param {CodecModule} codec */
function registerCodec(codec) {
  registry.set(codec.name, codec);
}

for (const file of ['./json', './proto', './socketio', './v2-json', './v2-proto']) registerCodec(require(file));

/**
 * The codec named `name`; `modulePath` (a CommonJS file exporting a CodecModule) is loaded and
 * registered first.
 * @param {string} name @param {{ batch: boolean, modulePath?: string }} options
 */
function createCodec(name, options) {
  if (options.modulePath) registerCodec(require(require('node:path').resolve(options.modulePath)));
  const codec = registry.get(name);
  if (!codec) throw new Error(`unknown codec "${name}": use one of ${[...registry.keys()].join(', ')} or --codec-module <file>`);
  return codec.create(options);
}

/** @param {string} [modulePath] */
function codecNames(modulePath) {
  if (modulePath) registerCodec(require(require('node:path').resolve(modulePath)));
  return [...registry.keys()];
}

/** v1 `sync` payload → StateFrame (shared by the JSON and protobuf codecs). @param {WireMessage} m @returns {StateFrame | undefined} */
function syncState(m) {
  if (m.type !== 'sync') return undefined;
  const p = m.payload;
  /** @type {Map<string, number> | undefined} */
  let seqs;
  return {
    roomId: p.room_id || m.roomId || '',
    frameNum: Number(p.frame_num),
    timestamp: Number(p.timestamp || 0),
    inputSeqOf(playerId) {
      if (!seqs) {
        seqs = new Map();
        for (const pl of p.players ?? []) seqs.set(pl.player_id, Number(pl.last_input_seq ?? 0));
      }
      return seqs.get(playerId);
    },
  };
}

/**
 * v2 `state` payload → StateFrame. A v2 frame carries no timestamp and no input sequence: the
 * client's mirror supplies both (sim-client.js), so `timestamp` is 0 and `inputSeqOf` knows nothing.
 * @param {WireMessage} m @returns {StateFrame | undefined}
 */
function v2State(m) {
  if (m.type !== 'state') return undefined;
  const p = /** @type {V2Frame} */ (m.payload);
  return { roomId: '', frameNum: Number(p.frame ?? 0), timestamp: 0, inputSeqOf: () => undefined, v2: p };
}

module.exports = { registerCodec, createCodec, codecNames, syncState, v2State };
