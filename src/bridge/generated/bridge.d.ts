import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace bridgeproto {

    namespace v1 {

        interface IRoomCommand extends bridgeproto.v1.RoomCommand.$Properties {
        }

        class RoomCommand {
            constructor(p?: bridgeproto.v1.RoomCommand.$Properties);
            $unknowns?: Uint8Array[];
            command: string;
            room_id: string;
            client_id: string;
            request_id: string;
            ref_id: string;
            data: Uint8Array;
            static create(properties: bridgeproto.v1.RoomCommand.$Shape): bridgeproto.v1.RoomCommand & bridgeproto.v1.RoomCommand.$Shape;
            static create(properties?: bridgeproto.v1.RoomCommand.$Properties): bridgeproto.v1.RoomCommand;
            static encode(m: bridgeproto.v1.RoomCommand.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): bridgeproto.v1.RoomCommand & bridgeproto.v1.RoomCommand.$Shape;
            static fromObject(d: { [k: string]: any }): bridgeproto.v1.RoomCommand;
            static toObject(m: bridgeproto.v1.RoomCommand, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RoomCommand {
            interface $Properties {
                command?: (string|null);
                room_id?: (string|null);
                client_id?: (string|null);
                request_id?: (string|null);
                ref_id?: (string|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = bridgeproto.v1.RoomCommand.$Properties;
        }

        interface IClientMessage extends bridgeproto.v1.ClientMessage.$Properties {
        }

        class ClientMessage {
            constructor(p?: bridgeproto.v1.ClientMessage.$Properties);
            $unknowns?: Uint8Array[];
            client_id: string;
            sequenced: boolean;
            message: Uint8Array;
            static create(properties: bridgeproto.v1.ClientMessage.$Shape): bridgeproto.v1.ClientMessage & bridgeproto.v1.ClientMessage.$Shape;
            static create(properties?: bridgeproto.v1.ClientMessage.$Properties): bridgeproto.v1.ClientMessage;
            static encode(m: bridgeproto.v1.ClientMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): bridgeproto.v1.ClientMessage & bridgeproto.v1.ClientMessage.$Shape;
            static fromObject(d: { [k: string]: any }): bridgeproto.v1.ClientMessage;
            static toObject(m: bridgeproto.v1.ClientMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientMessage {
            interface $Properties {
                client_id?: (string|null);
                sequenced?: (boolean|null);
                message?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = bridgeproto.v1.ClientMessage.$Properties;
        }
    }
}
