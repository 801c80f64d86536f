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
    }
}
