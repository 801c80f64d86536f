import type { BackoffOptions } from './backoff.js';
import type { ClientCodec } from './codec.js';
import type { RequestOptions } from './room-events.js';
import type { AnyRoomTypes, RoomTypes } from './state/room-types.js';
import type { TokenProvider } from './token-refresher.js';
import type { WebSocketConstructor } from './websocket.js';

export interface GameClientOptions {
  /** Wire format. @default new JsonCodec() (for protobuf: `new ProtobufCodec()` from `@game-gateway/client/protobuf`) */
  codec?: ClientCodec;
  /**
   * Protocol version to speak (subprotocol `game.v<n>.json` / `game.v<n>.proto`). With 2 the server
   * describes each room's state as typed entities, a keyframe at the join then one delta per tick,
   * kept in `room.state` with change callbacks (`room.onAdd`, `onChange`, `listen`, …); with 1 it
   * sends full `sync` snapshots of the players. A server without v2 refuses the connection.
   * @default 1
   * @example new GameClient(url, { protocol: 2, codec: new ProtobufCodec() })
   */
  protocol?: ProtocolVersion;
  /** Reconnect delays. @default { baseMs: 500, capMs: 10000 } */
  reconnect?: BackoffOptions & {
    /** Give up (event `closed`) after this many failed attempts in a row. @default Infinity */
    maxAttempts?: number;
  };
  /** WebSocket implementation. @default globalThis.WebSocket, else the `ws` package */
  WebSocket?: WebSocketConstructor;
  /**
   * Ask the server to pack the messages of one server turn into one `batch` frame (`?batch=1` on
   * the URL): fewer frames and wakeups on busy rooms. Transparent: handlers still get each message,
   * in order. @default false
   */
  batch?: boolean;
  /**
   * Gives the JWT to present (as subprotocol `token.<jwt>`): called before the first connection,
   * before every reconnect, and shortly before the token expires (`welcome.token_expires_at`; the
   * fresh one goes out as `refresh`). After a 4100/4101 close it is asked once more and the
   * connection retried; a second refusal ends with `auth_failed`. @default undefined (no token)
   * @example getToken: async () => (await fetch('/api/game-token')).text()
   */
  getToken?: TokenProvider;
  /** How long before its expiry a token is refreshed (at most half its remaining lifetime). @default 30000 */
  tokenRefreshMarginMs?: number;
  /** Default timeout of requests (`join`, `room.send`, `room.chat`, `ping`, …). @default 10000 */
  requestTimeoutMs?: number;
  /**
   * In a browser, end the session (close 1000) when the page is unloaded, so a closed tab leaves
   * its rooms at once instead of lingering as a ghost for the resume grace. @default true
   */
  closeOnPageHide?: boolean;
  /**
   * Room placement, for gateways running as several instances: a `join` made while the client is in
   * no room asks to be redirected (`join_room.redirect`), and when the room runs on another instance
   * (`ROOM_ELSEWHERE` with its `owner_url`) the client ends its empty session, connects to that
   * instance and joins there, so its inputs and frames skip the hop between instances. The client
   * then has a new `clientId` (`welcome` is emitted again) and reconnects to that instance first
   * after a drop (then to `serverUrl`). With rooms already joined, `join` joins where the client is.
   * @default false
   */
  followRoomOwner?: boolean;
}

/** The protocol versions this SDK speaks. */
export type ProtocolVersion = 1 | 2;

/** What `join` takes; `T` (a kind's generated declaration) types `kind` and `create`. */
export interface JoinOptions<T extends RoomTypes = AnyRoomTypes> extends RequestOptions {
  /** Shown to the others. */
  nickname?: string;
  /** The player id to claim (open mode); with authentication the token's `sub` wins. */
  userId?: string;
  /**
   * The kind of room to create if the room does not exist yet (an operator's `ROOM_KINDS` rule for
   * the room id wins; a kind other than the room's is refused with `INVALID_PAYLOAD`).
   * @default the server's choice (`ROOM_KINDS`, else its default kind)
   */
  kind?: T['kind'] & string;
  /**
   * The kind's creation options (its descriptor lists them), used only when this join creates the
   * room; sent as strings.
   * @example await client.join<CtfRoom>('ctf-1', { kind: 'ctf', create: { score_to_win: 5 } })
   */
  create?: CreateOptions<T>;
}

/** A kind's creation options: the names its descriptor lists (any name for an untyped room), values sent as strings. */
export type CreateOptions<T extends RoomTypes> = T extends { options: infer O } ? { [K in keyof O]?: O[K] | number | boolean } : Record<string, string | number | boolean>;

/** What `joinOrCreate` will take once the server offers matchmaking. */
export interface JoinOrCreateOptions extends Omit<JoinOptions, 'kind' | 'create'> {
  /** Creation options for a new room of the kind (e.g. `{ maxPlayers: 4 }`). */
  create?: Record<string, string | number | boolean>;
}

/** Where the connection is: `waiting` = between reconnect attempts, `resuming` = sent `resume`, awaiting its answer. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'resuming' | 'waiting' | 'closed';
