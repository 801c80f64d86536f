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
            in_cell: number;
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
                in_cell?: (number|null);
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
            interest: boolean;
            cells: roomsproto.v1.CellBody.$Properties[];
            keys: roomsproto.v1.CellBody.$Properties[];
            global_key: Uint8Array;
            views: roomsproto.v1.ViewUpdate.$Properties[];
            syncs: roomsproto.v1.ClientSync.$Properties[];
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
                interest?: (boolean|null);
                cells?: (roomsproto.v1.CellBody.$Properties[]|null);
                keys?: (roomsproto.v1.CellBody.$Properties[]|null);
                global_key?: (Uint8Array|null);
                views?: (roomsproto.v1.ViewUpdate.$Properties[]|null);
                syncs?: (roomsproto.v1.ClientSync.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.RoomFrame.$Properties;
        }

        interface ICellBody extends roomsproto.v1.CellBody.$Properties {
        }

        class CellBody {
            constructor(p?: roomsproto.v1.CellBody.$Properties);
            $unknowns?: Uint8Array[];
            cell: number;
            body: Uint8Array;
            static create(properties: roomsproto.v1.CellBody.$Shape): roomsproto.v1.CellBody & roomsproto.v1.CellBody.$Shape;
            static create(properties?: roomsproto.v1.CellBody.$Properties): roomsproto.v1.CellBody;
            static encode(m: roomsproto.v1.CellBody.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.CellBody & roomsproto.v1.CellBody.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.CellBody;
            static toObject(m: roomsproto.v1.CellBody, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace CellBody {
            interface $Properties {
                cell?: (number|null);
                body?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.CellBody.$Properties;
        }

        interface IViewUpdate extends roomsproto.v1.ViewUpdate.$Properties {
        }

        class ViewUpdate {
            constructor(p?: roomsproto.v1.ViewUpdate.$Properties);
            $unknowns?: Uint8Array[];
            client_id: string;
            entered: number[];
            left: number[];
            full: boolean;
            static create(properties: roomsproto.v1.ViewUpdate.$Shape): roomsproto.v1.ViewUpdate & roomsproto.v1.ViewUpdate.$Shape;
            static create(properties?: roomsproto.v1.ViewUpdate.$Properties): roomsproto.v1.ViewUpdate;
            static encode(m: roomsproto.v1.ViewUpdate.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.ViewUpdate & roomsproto.v1.ViewUpdate.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.ViewUpdate;
            static toObject(m: roomsproto.v1.ViewUpdate, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ViewUpdate {
            interface $Properties {
                client_id?: (string|null);
                entered?: (number[]|null);
                left?: (number[]|null);
                full?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.ViewUpdate.$Properties;
        }

        interface IClientSync extends roomsproto.v1.ClientSync.$Properties {
        }

        class ClientSync {
            constructor(p?: roomsproto.v1.ClientSync.$Properties);
            $unknowns?: Uint8Array[];
            client_id: string;
            sync: Uint8Array;
            static create(properties: roomsproto.v1.ClientSync.$Shape): roomsproto.v1.ClientSync & roomsproto.v1.ClientSync.$Shape;
            static create(properties?: roomsproto.v1.ClientSync.$Properties): roomsproto.v1.ClientSync;
            static encode(m: roomsproto.v1.ClientSync.$Properties, w?: $protobuf.Writer): $protobuf.Writer;
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): roomsproto.v1.ClientSync & roomsproto.v1.ClientSync.$Shape;
            static fromObject(d: { [k: string]: any }): roomsproto.v1.ClientSync;
            static toObject(m: roomsproto.v1.ClientSync, o?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientSync {
            interface $Properties {
                client_id?: (string|null);
                sync?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.ClientSync.$Properties;
        }

        interface IKeyframeRequest extends roomsproto.v1.KeyframeRequest.$Properties {
        }

        class KeyframeRequest {
            constructor(p?: roomsproto.v1.KeyframeRequest.$Properties);
            $unknowns?: Uint8Array[];
            client_id: string;
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
                client_id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = roomsproto.v1.KeyframeRequest.$Properties;
        }
    }
}
