import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace busproto {

    namespace v1 {

        enum Kind {
            KIND_UNSPECIFIED = 0,
            ROOM = 1,
            CLIENT = 2,
            COMMAND = 3,
            EVENT = 4
        }

        interface IEnvelope extends busproto.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(p?: busproto.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            origin: string;
            kind: busproto.v1.Kind;
            room_id: string;
            except: string;
            payload: Uint8Array;
            client_id: string;
            sequenced: boolean;
            command: string;
            request_id: string;
            data: Uint8Array;
            pattern: string;
            ref_id: string;
            static create(properties: busproto.v1.Envelope.$Shape): busproto.v1.Envelope & busproto.v1.Envelope.$Shape;
            static create(properties?: busproto.v1.Envelope.$Properties): busproto.v1.Envelope;
            static encode(m: busproto.v1.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): busproto.v1.Envelope & busproto.v1.Envelope.$Shape;
            static fromObject(d: { [k: string]: any }): busproto.v1.Envelope;
            static toObject(m: busproto.v1.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                origin?: (string|null);
                kind?: (busproto.v1.Kind|null);
                room_id?: (string|null);
                except?: (string|null);
                payload?: (Uint8Array|null);
                client_id?: (string|null);
                sequenced?: (boolean|null);
                command?: (string|null);
                request_id?: (string|null);
                data?: (Uint8Array|null);
                pattern?: (string|null);
                ref_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = busproto.v1.Envelope.$Properties;
        }
    }
}
