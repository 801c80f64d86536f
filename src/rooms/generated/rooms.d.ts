import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace roomsproto {

    namespace v1 {

        interface IRoomBroadcast extends roomsproto.v1.RoomBroadcast.$Properties {
        }

        class RoomBroadcast {
            constructor(p?: roomsproto.v1.RoomBroadcast.$Properties);
            $unknowns?: Uint8Array[];
            message: Uint8Array;
            except: string;
            static create(properties: roomsproto.v1.RoomBroadcast.$Shape): roomsproto.v1.RoomBroadcast & roomsproto.v1.RoomBroadcast.$Shape;
            static create(properties?: roomsproto.v1.RoomBroadcast.$Properties): roomsproto.v1.RoomBroadcast;
            static encode(m: roomsproto.v1.RoomBroadcast.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.RoomBroadcast & roomsproto.v1.RoomBroadcast.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.RoomBroadcast;
            static toObject(m: roomsproto.v1.RoomBroadcast, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoomBroadcast {
            interface $Properties {
                message?: (Uint8Array|null);
                except?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.RoomBroadcast.$Properties;
        }

        interface IRoomFrame extends roomsproto.v1.RoomFrame.$Properties {
        }

        class RoomFrame {
            constructor(p?: roomsproto.v1.RoomFrame.$Properties);
            $unknowns?: Uint8Array[];
            frame: number;
            time: (number|Long);
            delta: Uint8Array;
            key: Uint8Array;
            key_only: boolean;
            sync: Uint8Array;
            static create(properties: roomsproto.v1.RoomFrame.$Shape): roomsproto.v1.RoomFrame & roomsproto.v1.RoomFrame.$Shape;
            static create(properties?: roomsproto.v1.RoomFrame.$Properties): roomsproto.v1.RoomFrame;
            static encode(m: roomsproto.v1.RoomFrame.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.RoomFrame & roomsproto.v1.RoomFrame.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.RoomFrame;
            static toObject(m: roomsproto.v1.RoomFrame, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoomFrame {
            interface $Properties {
                frame?: (number|null);
                time?: (number|Long|null);
                delta?: (Uint8Array|null);
                key?: (Uint8Array|null);
                key_only?: (boolean|null);
                sync?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.RoomFrame.$Properties;
        }

        interface IKeyframeRequest extends roomsproto.v1.KeyframeRequest.$Properties {
        }

        class KeyframeRequest {
            constructor(p?: roomsproto.v1.KeyframeRequest.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: roomsproto.v1.KeyframeRequest.$Shape): roomsproto.v1.KeyframeRequest & roomsproto.v1.KeyframeRequest.$Shape;
            static create(properties?: roomsproto.v1.KeyframeRequest.$Properties): roomsproto.v1.KeyframeRequest;
            static encode(m: roomsproto.v1.KeyframeRequest.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.KeyframeRequest & roomsproto.v1.KeyframeRequest.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.KeyframeRequest;
            static toObject(m: roomsproto.v1.KeyframeRequest, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeyframeRequest {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.KeyframeRequest.$Properties;
        }
    }
}
