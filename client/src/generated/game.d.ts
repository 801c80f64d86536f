import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace gameproto {

    enum MessageType {
        UNKNOWN = 0,
        JOIN_ROOM = 1,
        LEAVE_ROOM = 2,
        GAME_ACTION = 3,
        SYNC = 4,
        CHAT = 5,
        WELCOME = 6,
        ROOM_JOINED = 7,
        PLAYER_JOINED = 8,
        PLAYER_LEFT = 9,
        ACK = 10,
        ERROR = 11,
        PING = 12,
        PONG = 13,
        RESUME = 14,
        BATCH = 15,
        REFRESH = 16,
        REFRESHED = 17,
        STATE = 18,
        ROOM_EVENT = 19
    }

    interface IMessage extends gameproto.Message.$Properties {
    }

    class Message {
        constructor(p?: gameproto.Message.$Properties);
        $unknowns?: Uint8Array[];
        type: gameproto.MessageType;
        from_client_id: string;
        to_client_id: string;
        room_id: string;
        payload: Uint8Array;
        timestamp: (number|Long);
        id: string;
        offset: (number|Long);
        seq: (number|Long);
        static create(properties: gameproto.Message.$Shape): gameproto.Message & gameproto.Message.$Shape;
        static create(properties?: gameproto.Message.$Properties): gameproto.Message;
        static encode(m: gameproto.Message.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Message & gameproto.Message.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Message;
        static toObject(m: gameproto.Message, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Message {
        interface $Properties {
            type?: (gameproto.MessageType|null);
            from_client_id?: (string|null);
            to_client_id?: (string|null);
            room_id?: (string|null);
            payload?: (Uint8Array|null);
            timestamp?: (number|Long|null);
            id?: (string|null);
            offset?: (number|Long|null);
            seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Message.$Properties;
    }

    interface IJoinRoomRequest extends gameproto.JoinRoomRequest.$Properties {
    }

    class JoinRoomRequest {
        constructor(p?: gameproto.JoinRoomRequest.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        user_id: string;
        nickname: string;
        kind: string;
        options: { [k: string]: string };
        redirect: boolean;
        static create(properties: gameproto.JoinRoomRequest.$Shape): gameproto.JoinRoomRequest & gameproto.JoinRoomRequest.$Shape;
        static create(properties?: gameproto.JoinRoomRequest.$Properties): gameproto.JoinRoomRequest;
        static encode(m: gameproto.JoinRoomRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.JoinRoomRequest & gameproto.JoinRoomRequest.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.JoinRoomRequest;
        static toObject(m: gameproto.JoinRoomRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace JoinRoomRequest {
        interface $Properties {
            room_id?: (string|null);
            user_id?: (string|null);
            nickname?: (string|null);
            kind?: (string|null);
            options?: ({ [k: string]: string }|null);
            redirect?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.JoinRoomRequest.$Properties;
    }

    interface IGameAction extends gameproto.GameAction.$Properties {
    }

    class GameAction {
        constructor(p?: gameproto.GameAction.$Properties);
        $unknowns?: Uint8Array[];
        action: string;
        position?: (gameproto.Position.$Properties|null);
        target_id: number;
        params: { [k: string]: string };
        room_id: string;
        input_seq: (number|Long);
        static create(properties: gameproto.GameAction.$Shape): gameproto.GameAction & gameproto.GameAction.$Shape;
        static create(properties?: gameproto.GameAction.$Properties): gameproto.GameAction;
        static encode(m: gameproto.GameAction.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.GameAction & gameproto.GameAction.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.GameAction;
        static toObject(m: gameproto.GameAction, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace GameAction {
        interface $Properties {
            action?: (string|null);
            position?: (gameproto.Position.$Properties|null);
            target_id?: (number|null);
            params?: ({ [k: string]: string }|null);
            room_id?: (string|null);
            input_seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.GameAction.$Properties;
    }

    interface IPosition extends gameproto.Position.$Properties {
    }

    class Position {
        constructor(p?: gameproto.Position.$Properties);
        $unknowns?: Uint8Array[];
        x: number;
        y: number;
        z: number;
        static create(properties: gameproto.Position.$Shape): gameproto.Position & gameproto.Position.$Shape;
        static create(properties?: gameproto.Position.$Properties): gameproto.Position;
        static encode(m: gameproto.Position.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Position & gameproto.Position.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Position;
        static toObject(m: gameproto.Position, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Position {
        interface $Properties {
            x?: (number|null);
            y?: (number|null);
            z?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Position.$Properties;
    }

    interface IStateSync extends gameproto.StateSync.$Properties {
    }

    class StateSync {
        constructor(p?: gameproto.StateSync.$Properties);
        $unknowns?: Uint8Array[];
        frame_num: (number|Long);
        players: gameproto.PlayerState.$Properties[];
        timestamp: (number|Long);
        room_id: string;
        static create(properties: gameproto.StateSync.$Shape): gameproto.StateSync & gameproto.StateSync.$Shape;
        static create(properties?: gameproto.StateSync.$Properties): gameproto.StateSync;
        static encode(m: gameproto.StateSync.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.StateSync & gameproto.StateSync.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.StateSync;
        static toObject(m: gameproto.StateSync, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StateSync {
        interface $Properties {
            frame_num?: (number|Long|null);
            players?: (gameproto.PlayerState.$Properties[]|null);
            timestamp?: (number|Long|null);
            room_id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.StateSync.$Properties;
    }

    interface IPlayerState extends gameproto.PlayerState.$Properties {
    }

    class PlayerState {
        constructor(p?: gameproto.PlayerState.$Properties);
        $unknowns?: Uint8Array[];
        player_id: string;
        position?: (gameproto.Position.$Properties|null);
        velocity?: (gameproto.Velocity.$Properties|null);
        health: number;
        score: number;
        last_input_seq: (number|Long);
        static create(properties: gameproto.PlayerState.$Shape): gameproto.PlayerState & gameproto.PlayerState.$Shape;
        static create(properties?: gameproto.PlayerState.$Properties): gameproto.PlayerState;
        static encode(m: gameproto.PlayerState.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.PlayerState & gameproto.PlayerState.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.PlayerState;
        static toObject(m: gameproto.PlayerState, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlayerState {
        interface $Properties {
            player_id?: (string|null);
            position?: (gameproto.Position.$Properties|null);
            velocity?: (gameproto.Velocity.$Properties|null);
            health?: (number|null);
            score?: (number|null);
            last_input_seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.PlayerState.$Properties;
    }

    interface IVelocity extends gameproto.Velocity.$Properties {
    }

    class Velocity {
        constructor(p?: gameproto.Velocity.$Properties);
        $unknowns?: Uint8Array[];
        x: number;
        y: number;
        z: number;
        static create(properties: gameproto.Velocity.$Shape): gameproto.Velocity & gameproto.Velocity.$Shape;
        static create(properties?: gameproto.Velocity.$Properties): gameproto.Velocity;
        static encode(m: gameproto.Velocity.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Velocity & gameproto.Velocity.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Velocity;
        static toObject(m: gameproto.Velocity, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Velocity {
        interface $Properties {
            x?: (number|null);
            y?: (number|null);
            z?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Velocity.$Properties;
    }

    interface IWelcome extends gameproto.Welcome.$Properties {
    }

    class Welcome {
        constructor(p?: gameproto.Welcome.$Properties);
        $unknowns?: Uint8Array[];
        client_id: string;
        session_id: string;
        resume_token: string;
        heartbeat_interval_ms: number;
        server_time: (number|Long);
        token_expires_at: (number|Long);
        wire_version: number;
        tick_rate: number;
        static create(properties: gameproto.Welcome.$Shape): gameproto.Welcome & gameproto.Welcome.$Shape;
        static create(properties?: gameproto.Welcome.$Properties): gameproto.Welcome;
        static encode(m: gameproto.Welcome.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Welcome & gameproto.Welcome.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Welcome;
        static toObject(m: gameproto.Welcome, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Welcome {
        interface $Properties {
            client_id?: (string|null);
            session_id?: (string|null);
            resume_token?: (string|null);
            heartbeat_interval_ms?: (number|null);
            server_time?: (number|Long|null);
            token_expires_at?: (number|Long|null);
            wire_version?: (number|null);
            tick_rate?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Welcome.$Properties;
    }

    interface ILeaveRoomRequest extends gameproto.LeaveRoomRequest.$Properties {
    }

    class LeaveRoomRequest {
        constructor(p?: gameproto.LeaveRoomRequest.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        static create(properties: gameproto.LeaveRoomRequest.$Shape): gameproto.LeaveRoomRequest & gameproto.LeaveRoomRequest.$Shape;
        static create(properties?: gameproto.LeaveRoomRequest.$Properties): gameproto.LeaveRoomRequest;
        static encode(m: gameproto.LeaveRoomRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.LeaveRoomRequest & gameproto.LeaveRoomRequest.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.LeaveRoomRequest;
        static toObject(m: gameproto.LeaveRoomRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace LeaveRoomRequest {
        interface $Properties {
            room_id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.LeaveRoomRequest.$Properties;
    }

    interface IRoomPlayer extends gameproto.RoomPlayer.$Properties {
    }

    class RoomPlayer {
        constructor(p?: gameproto.RoomPlayer.$Properties);
        $unknowns?: Uint8Array[];
        player_id: string;
        nickname: string;
        entity_id: number;
        client_id: string;
        position?: (gameproto.Position.$Properties|null);
        velocity?: (gameproto.Velocity.$Properties|null);
        health: number;
        score: number;
        last_input_seq: (number|Long);
        static create(properties: gameproto.RoomPlayer.$Shape): gameproto.RoomPlayer & gameproto.RoomPlayer.$Shape;
        static create(properties?: gameproto.RoomPlayer.$Properties): gameproto.RoomPlayer;
        static encode(m: gameproto.RoomPlayer.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.RoomPlayer & gameproto.RoomPlayer.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.RoomPlayer;
        static toObject(m: gameproto.RoomPlayer, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoomPlayer {
        interface $Properties {
            player_id?: (string|null);
            nickname?: (string|null);
            entity_id?: (number|null);
            client_id?: (string|null);
            position?: (gameproto.Position.$Properties|null);
            velocity?: (gameproto.Velocity.$Properties|null);
            health?: (number|null);
            score?: (number|null);
            last_input_seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.RoomPlayer.$Properties;
    }

    interface IRoomJoined extends gameproto.RoomJoined.$Properties {
    }

    class RoomJoined {
        constructor(p?: gameproto.RoomJoined.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        players: gameproto.RoomPlayer.$Properties[];
        frame_num: (number|Long);
        offset: (number|Long);
        epoch: string;
        recovered: boolean;
        handle: number;
        kind: string;
        state?: (gameproto.StateFrame.$Properties|null);
        schema: string;
        static create(properties: gameproto.RoomJoined.$Shape): gameproto.RoomJoined & gameproto.RoomJoined.$Shape;
        static create(properties?: gameproto.RoomJoined.$Properties): gameproto.RoomJoined;
        static encode(m: gameproto.RoomJoined.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.RoomJoined & gameproto.RoomJoined.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.RoomJoined;
        static toObject(m: gameproto.RoomJoined, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoomJoined {
        interface $Properties {
            room_id?: (string|null);
            players?: (gameproto.RoomPlayer.$Properties[]|null);
            frame_num?: (number|Long|null);
            offset?: (number|Long|null);
            epoch?: (string|null);
            recovered?: (boolean|null);
            handle?: (number|null);
            kind?: (string|null);
            state?: (gameproto.StateFrame.$Properties|null);
            schema?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.RoomJoined.$Properties;
    }

    interface IPlayerJoined extends gameproto.PlayerJoined.$Properties {
    }

    class PlayerJoined {
        constructor(p?: gameproto.PlayerJoined.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        player_id: string;
        nickname: string;
        entity_id: number;
        client_id: string;
        static create(properties: gameproto.PlayerJoined.$Shape): gameproto.PlayerJoined & gameproto.PlayerJoined.$Shape;
        static create(properties?: gameproto.PlayerJoined.$Properties): gameproto.PlayerJoined;
        static encode(m: gameproto.PlayerJoined.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.PlayerJoined & gameproto.PlayerJoined.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.PlayerJoined;
        static toObject(m: gameproto.PlayerJoined, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlayerJoined {
        interface $Properties {
            room_id?: (string|null);
            player_id?: (string|null);
            nickname?: (string|null);
            entity_id?: (number|null);
            client_id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.PlayerJoined.$Properties;
    }

    interface IPlayerLeft extends gameproto.PlayerLeft.$Properties {
    }

    class PlayerLeft {
        constructor(p?: gameproto.PlayerLeft.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        player_id: string;
        reason: string;
        entity_id: number;
        client_id: string;
        detail: string;
        static create(properties: gameproto.PlayerLeft.$Shape): gameproto.PlayerLeft & gameproto.PlayerLeft.$Shape;
        static create(properties?: gameproto.PlayerLeft.$Properties): gameproto.PlayerLeft;
        static encode(m: gameproto.PlayerLeft.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.PlayerLeft & gameproto.PlayerLeft.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.PlayerLeft;
        static toObject(m: gameproto.PlayerLeft, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace PlayerLeft {
        interface $Properties {
            room_id?: (string|null);
            player_id?: (string|null);
            reason?: (string|null);
            entity_id?: (number|null);
            client_id?: (string|null);
            detail?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.PlayerLeft.$Properties;
    }

    interface IChatMessage extends gameproto.ChatMessage.$Properties {
    }

    class ChatMessage {
        constructor(p?: gameproto.ChatMessage.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        to_client_id: string;
        text: string;
        from_client_id: string;
        player_id: string;
        static create(properties: gameproto.ChatMessage.$Shape): gameproto.ChatMessage & gameproto.ChatMessage.$Shape;
        static create(properties?: gameproto.ChatMessage.$Properties): gameproto.ChatMessage;
        static encode(m: gameproto.ChatMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.ChatMessage & gameproto.ChatMessage.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.ChatMessage;
        static toObject(m: gameproto.ChatMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace ChatMessage {
        interface $Properties {
            room_id?: (string|null);
            to_client_id?: (string|null);
            text?: (string|null);
            from_client_id?: (string|null);
            player_id?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.ChatMessage.$Properties;
    }

    interface IAck extends gameproto.Ack.$Properties {
    }

    class Ack {
        constructor(p?: gameproto.Ack.$Properties);
        $unknowns?: Uint8Array[];
        id: string;
        duplicate: boolean;
        static create(properties: gameproto.Ack.$Shape): gameproto.Ack & gameproto.Ack.$Shape;
        static create(properties?: gameproto.Ack.$Properties): gameproto.Ack;
        static encode(m: gameproto.Ack.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Ack & gameproto.Ack.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Ack;
        static toObject(m: gameproto.Ack, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ack {
        interface $Properties {
            id?: (string|null);
            duplicate?: (boolean|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Ack.$Properties;
    }

    interface IError extends gameproto.Error.$Properties {
    }

    class Error {
        constructor(p?: gameproto.Error.$Properties);
        $unknowns?: Uint8Array[];
        code: string;
        message: string;
        ref_type: string;
        ref_id: string;
        owner_url: string;
        static create(properties: gameproto.Error.$Shape): gameproto.Error & gameproto.Error.$Shape;
        static create(properties?: gameproto.Error.$Properties): gameproto.Error;
        static encode(m: gameproto.Error.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Error & gameproto.Error.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Error;
        static toObject(m: gameproto.Error, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Error {
        interface $Properties {
            code?: (string|null);
            message?: (string|null);
            ref_type?: (string|null);
            ref_id?: (string|null);
            owner_url?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Error.$Properties;
    }

    interface IPing extends gameproto.Ping.$Properties {
    }

    class Ping {
        constructor(p?: gameproto.Ping.$Properties);
        $unknowns?: Uint8Array[];
        t: number;
        static create(properties: gameproto.Ping.$Shape): gameproto.Ping & gameproto.Ping.$Shape;
        static create(properties?: gameproto.Ping.$Properties): gameproto.Ping;
        static encode(m: gameproto.Ping.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Ping & gameproto.Ping.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Ping;
        static toObject(m: gameproto.Ping, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Ping {
        interface $Properties {
            t?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Ping.$Properties;
    }

    interface IResume extends gameproto.Resume.$Properties {
    }

    class Resume {
        constructor(p?: gameproto.Resume.$Properties);
        $unknowns?: Uint8Array[];
        session_id: string;
        resume_token: string;
        rooms: { [k: string]: (number|Long) };
        last_seq: (number|Long);
        static create(properties: gameproto.Resume.$Shape): gameproto.Resume & gameproto.Resume.$Shape;
        static create(properties?: gameproto.Resume.$Properties): gameproto.Resume;
        static encode(m: gameproto.Resume.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Resume & gameproto.Resume.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Resume;
        static toObject(m: gameproto.Resume, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Resume {
        interface $Properties {
            session_id?: (string|null);
            resume_token?: (string|null);
            rooms?: ({ [k: string]: (number|Long) }|null);
            last_seq?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Resume.$Properties;
    }

    interface IBatch extends gameproto.Batch.$Properties {
    }

    class Batch {
        constructor(p?: gameproto.Batch.$Properties);
        $unknowns?: Uint8Array[];
        messages: gameproto.Message.$Properties[];
        static create(properties: gameproto.Batch.$Shape): gameproto.Batch & gameproto.Batch.$Shape;
        static create(properties?: gameproto.Batch.$Properties): gameproto.Batch;
        static encode(m: gameproto.Batch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Batch & gameproto.Batch.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Batch;
        static toObject(m: gameproto.Batch, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Batch {
        interface $Properties {
            messages?: (gameproto.Message.$Properties[]|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Batch.$Properties;
    }

    interface IRefresh extends gameproto.Refresh.$Properties {
    }

    class Refresh {
        constructor(p?: gameproto.Refresh.$Properties);
        $unknowns?: Uint8Array[];
        token: string;
        static create(properties: gameproto.Refresh.$Shape): gameproto.Refresh & gameproto.Refresh.$Shape;
        static create(properties?: gameproto.Refresh.$Properties): gameproto.Refresh;
        static encode(m: gameproto.Refresh.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Refresh & gameproto.Refresh.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Refresh;
        static toObject(m: gameproto.Refresh, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Refresh {
        interface $Properties {
            token?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Refresh.$Properties;
    }

    interface IRefreshed extends gameproto.Refreshed.$Properties {
    }

    class Refreshed {
        constructor(p?: gameproto.Refreshed.$Properties);
        $unknowns?: Uint8Array[];
        token_expires_at: (number|Long);
        static create(properties: gameproto.Refreshed.$Shape): gameproto.Refreshed & gameproto.Refreshed.$Shape;
        static create(properties?: gameproto.Refreshed.$Properties): gameproto.Refreshed;
        static encode(m: gameproto.Refreshed.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.Refreshed & gameproto.Refreshed.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.Refreshed;
        static toObject(m: gameproto.Refreshed, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace Refreshed {
        interface $Properties {
            token_expires_at?: (number|Long|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.Refreshed.$Properties;
    }

    interface IStateFrame extends gameproto.StateFrame.$Properties {
    }

    class StateFrame {
        constructor(p?: gameproto.StateFrame.$Properties);
        $unknowns?: Uint8Array[];
        room: number;
        frame: number;
        key: boolean;
        ops: number[];
        strings: string[];
        time: (number|Long);
        base?: (number|null);
        static create(properties: gameproto.StateFrame.$Shape): gameproto.StateFrame & gameproto.StateFrame.$Shape;
        static create(properties?: gameproto.StateFrame.$Properties): gameproto.StateFrame;
        static encode(m: gameproto.StateFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.StateFrame & gameproto.StateFrame.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.StateFrame;
        static toObject(m: gameproto.StateFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace StateFrame {
        interface $Properties {
            room?: (number|null);
            frame?: (number|null);
            key?: (boolean|null);
            ops?: (number[]|null);
            strings?: (string[]|null);
            time?: (number|Long|null);
            base?: (number|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.StateFrame.$Properties;
    }

    interface IRoomEvent extends gameproto.RoomEvent.$Properties {
    }

    class RoomEvent {
        constructor(p?: gameproto.RoomEvent.$Properties);
        $unknowns?: Uint8Array[];
        room_id: string;
        name: string;
        data: string;
        static create(properties: gameproto.RoomEvent.$Shape): gameproto.RoomEvent & gameproto.RoomEvent.$Shape;
        static create(properties?: gameproto.RoomEvent.$Properties): gameproto.RoomEvent;
        static encode(m: gameproto.RoomEvent.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
        static decode(r: ($protobuf.Reader|Uint8Array), l?: number): gameproto.RoomEvent & gameproto.RoomEvent.$Shape;
        static fromObject(d: { [k: string]: any }): gameproto.RoomEvent;
        static toObject(m: gameproto.RoomEvent, o?: $protobuf.IConversionOptions): { [k: string]: any };
        toJSON(): { [k: string]: any };
        static getTypeUrl(prefix?: string): string;
    }

    namespace RoomEvent {
        interface $Properties {
            room_id?: (string|null);
            name?: (string|null);
            data?: (string|null);
            $unknowns?: Uint8Array[];
        }
        type $Shape = gameproto.RoomEvent.$Properties;
    }
}
