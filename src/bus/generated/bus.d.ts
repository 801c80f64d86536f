import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace busproto {

    namespace v2 {

        interface IEnvelope extends busproto.v2.Envelope.$Properties {
        }

        class Envelope {
            constructor(p?: busproto.v2.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            origin: string;
            topic: string;
            payload: Uint8Array;
            static create(properties: busproto.v2.Envelope.$Shape): busproto.v2.Envelope & busproto.v2.Envelope.$Shape;
            static create(properties?: busproto.v2.Envelope.$Properties): busproto.v2.Envelope;
            static encode(m: busproto.v2.Envelope.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): busproto.v2.Envelope & busproto.v2.Envelope.$Shape;
            static fromObject(d: { [k: string]: any }): busproto.v2.Envelope;
            static toObject(m: busproto.v2.Envelope, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                origin?: (string|null);
                topic?: (string|null);
                payload?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = busproto.v2.Envelope.$Properties;
        }
    }
}
