/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Array = $util.global.Array, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $isFinite = $util.global.isFinite;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.gameproto = (function() {

    var gameproto = {};

    gameproto.MessageType = (function() {
        var valuesById = $Object.create(null), values = $Object.create(valuesById);
        values[valuesById[0] = "UNKNOWN"] = 0;
        values[valuesById[1] = "JOIN_ROOM"] = 1;
        values[valuesById[2] = "LEAVE_ROOM"] = 2;
        values[valuesById[3] = "GAME_ACTION"] = 3;
        values[valuesById[4] = "SYNC"] = 4;
        values[valuesById[5] = "CHAT"] = 5;
        values[valuesById[6] = "WELCOME"] = 6;
        values[valuesById[7] = "ROOM_JOINED"] = 7;
        values[valuesById[8] = "PLAYER_JOINED"] = 8;
        values[valuesById[9] = "PLAYER_LEFT"] = 9;
        values[valuesById[10] = "ACK"] = 10;
        values[valuesById[11] = "ERROR"] = 11;
        values[valuesById[12] = "PING"] = 12;
        values[valuesById[13] = "PONG"] = 13;
        values[valuesById[14] = "RESUME"] = 14;
        values[valuesById[15] = "BATCH"] = 15;
        values[valuesById[16] = "REFRESH"] = 16;
        values[valuesById[17] = "REFRESHED"] = 17;
        values[valuesById[18] = "STATE"] = 18;
        values[valuesById[19] = "ROOM_EVENT"] = 19;
        return values;
    })();

    gameproto.Message = (function() {

        var Message = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Message.prototype.type = 0;
        Message.prototype.from_client_id = "";
        Message.prototype.to_client_id = "";
        Message.prototype.room_id = "";
        Message.prototype.payload = $util.newBuffer([]);
        Message.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Message.prototype.id = "";
        Message.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Message.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        Message.create = function(properties) {
            return new Message(properties);
        };

        Message.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.type != null && $Object.hasOwnProperty.call(m, "type") && m.type !== 0)
                w.uint32(8).int32(m.type);
            if (m.from_client_id != null && $Object.hasOwnProperty.call(m, "from_client_id") && m.from_client_id !== "")
                w.uint32(18).string(m.from_client_id);
            if (m.to_client_id != null && $Object.hasOwnProperty.call(m, "to_client_id") && m.to_client_id !== "")
                w.uint32(26).string(m.to_client_id);
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(34).string(m.room_id);
            if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                w.uint32(42).bytes(m.payload);
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp") && (typeof m.timestamp === "object" ? m.timestamp.low || m.timestamp.high : m.timestamp !== 0))
                w.uint32(48).int64(m.timestamp);
            if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                w.uint32(58).string(m.id);
            if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && (typeof m.offset === "object" ? m.offset.low || m.offset.high : m.offset !== 0))
                w.uint32(64).int64(m.offset);
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                w.uint32(72).int64(m.seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Message.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Message();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.type = v;
                        else
                            delete m.type;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.from_client_id = v;
                        else
                            delete m.from_client_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.to_client_id = v;
                        else
                            delete m.to_client_id;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.bytes()).length)
                            m.payload = v;
                        else
                            delete m.payload;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.timestamp = v;
                        else
                            delete m.timestamp;
                        continue;
                    }
                case 7: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.id = v;
                        else
                            delete m.id;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.offset = v;
                        else
                            delete m.offset;
                        continue;
                    }
                case 9: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.seq = v;
                        else
                            delete m.seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Message.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Message)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Message: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Message();
            if (d.type !== 0 && (typeof d.type !== "string" || $root.gameproto.MessageType[d.type] !== 0)) {
                switch (d.type) {
                case "UNKNOWN":
                case 0:
                    m.type = 0;
                    break;
                case "JOIN_ROOM":
                case 1:
                    m.type = 1;
                    break;
                case "LEAVE_ROOM":
                case 2:
                    m.type = 2;
                    break;
                case "GAME_ACTION":
                case 3:
                    m.type = 3;
                    break;
                case "SYNC":
                case 4:
                    m.type = 4;
                    break;
                case "CHAT":
                case 5:
                    m.type = 5;
                    break;
                case "WELCOME":
                case 6:
                    m.type = 6;
                    break;
                case "ROOM_JOINED":
                case 7:
                    m.type = 7;
                    break;
                case "PLAYER_JOINED":
                case 8:
                    m.type = 8;
                    break;
                case "PLAYER_LEFT":
                case 9:
                    m.type = 9;
                    break;
                case "ACK":
                case 10:
                    m.type = 10;
                    break;
                case "ERROR":
                case 11:
                    m.type = 11;
                    break;
                case "PING":
                case 12:
                    m.type = 12;
                    break;
                case "PONG":
                case 13:
                    m.type = 13;
                    break;
                case "RESUME":
                case 14:
                    m.type = 14;
                    break;
                case "BATCH":
                case 15:
                    m.type = 15;
                    break;
                case "REFRESH":
                case 16:
                    m.type = 16;
                    break;
                case "REFRESHED":
                case 17:
                    m.type = 17;
                    break;
                case "STATE":
                case 18:
                    m.type = 18;
                    break;
                case "ROOM_EVENT":
                case 19:
                    m.type = 19;
                    break;
                default:
                    if (typeof d.type === "number" && (d.type | 0) === d.type)
                        m.type = d.type;
                }
            }
            if (d.from_client_id != null) {
                if (typeof d.from_client_id !== "string" || d.from_client_id.length) {
                    m.from_client_id = $String(d.from_client_id);
                }
            }
            if (d.to_client_id != null) {
                if (typeof d.to_client_id !== "string" || d.to_client_id.length) {
                    m.to_client_id = $String(d.to_client_id);
                }
            }
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.payload != null) {
                if (d.payload.length) {
                    if (typeof d.payload === "string")
                        $util.base64.decode(d.payload, m.payload = $util.newBuffer($util.base64.length(d.payload)), 0);
                    else if (d.payload.length >= 0)
                        m.payload = d.payload;
                }
            }
            if (d.timestamp != null) {
                if (typeof d.timestamp === "object" ? d.timestamp.low || d.timestamp.high : $Number(d.timestamp) !== 0) {
                    if ($util.Long)
                        m.timestamp = $util.Long.fromValue(d.timestamp, false);
                    else if (typeof d.timestamp === "string")
                        m.timestamp = $parseInt(d.timestamp, 10);
                    else if (typeof d.timestamp === "number")
                        m.timestamp = d.timestamp;
                    else if (typeof d.timestamp === "object")
                        m.timestamp = new $util.LongBits(d.timestamp.low >>> 0, d.timestamp.high >>> 0).toNumber();
                }
            }
            if (d.id != null) {
                if (typeof d.id !== "string" || d.id.length) {
                    m.id = $String(d.id);
                }
            }
            if (d.offset != null) {
                if (typeof d.offset === "object" ? d.offset.low || d.offset.high : $Number(d.offset) !== 0) {
                    if ($util.Long)
                        m.offset = $util.Long.fromValue(d.offset, false);
                    else if (typeof d.offset === "string")
                        m.offset = $parseInt(d.offset, 10);
                    else if (typeof d.offset === "number")
                        m.offset = d.offset;
                    else if (typeof d.offset === "object")
                        m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber();
                }
            }
            if (d.seq != null) {
                if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                    if ($util.Long)
                        m.seq = $util.Long.fromValue(d.seq, false);
                    else if (typeof d.seq === "string")
                        m.seq = $parseInt(d.seq, 10);
                    else if (typeof d.seq === "number")
                        m.seq = d.seq;
                    else if (typeof d.seq === "object")
                        m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber();
                }
            }
            return m;
        };

        Message.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.type = o.enums === $String ? "UNKNOWN" : 0;
                d.from_client_id = "";
                d.to_client_id = "";
                d.room_id = "";
                if (o.bytes === $String)
                    d.payload = "";
                else {
                    d.payload = [];
                    if (o.bytes !== $Array)
                        d.payload = $util.newBuffer(d.payload);
                }
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.timestamp = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.timestamp = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.id = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.offset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.offset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.type != null && $Object.hasOwnProperty.call(m, "type")) {
                d.type = o.enums === $String ? $root.gameproto.MessageType[m.type] === $undefined ? m.type : $root.gameproto.MessageType[m.type] : m.type;
            }
            if (m.from_client_id != null && $Object.hasOwnProperty.call(m, "from_client_id")) {
                d.from_client_id = m.from_client_id;
            }
            if (m.to_client_id != null && $Object.hasOwnProperty.call(m, "to_client_id")) {
                d.to_client_id = m.to_client_id;
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
            }
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.timestamp = typeof m.timestamp === "number" ? $BigInt(m.timestamp) : $util.Long.fromBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0, false).toBigInt();
                else if (typeof m.timestamp === "number")
                    d.timestamp = o.longs === $String ? $String(m.timestamp) : m.timestamp;
                else
                    d.timestamp = o.longs === $String ? $util.Long.prototype.toString.call(m.timestamp) : o.longs === $Number ? new $util.LongBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0).toNumber() : m.timestamp;
            }
            if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                d.id = m.id;
            }
            if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.offset = typeof m.offset === "number" ? $BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, false).toBigInt();
                else if (typeof m.offset === "number")
                    d.offset = o.longs === $String ? $String(m.offset) : m.offset;
                else
                    d.offset = o.longs === $String ? $util.Long.prototype.toString.call(m.offset) : o.longs === $Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber() : m.offset;
            }
            if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, false).toBigInt();
                else if (typeof m.seq === "number")
                    d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                else
                    d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber() : m.seq;
            }
            return d;
        };

        Message.prototype.toJSON = function() {
            return Message.toObject(this, $protobuf.util.toJSONOptions);
        };

        Message.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Message";
        };

        return Message;
    })();

    gameproto.JoinRoomRequest = (function() {

        var JoinRoomRequest = function (p) {
            this.options = {};
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        JoinRoomRequest.prototype.room_id = "";
        JoinRoomRequest.prototype.user_id = "";
        JoinRoomRequest.prototype.nickname = "";
        JoinRoomRequest.prototype.kind = "";
        JoinRoomRequest.prototype.options = $util.emptyObject;
        JoinRoomRequest.prototype.redirect = false;

        JoinRoomRequest.create = function(properties) {
            return new JoinRoomRequest(properties);
        };

        JoinRoomRequest.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.user_id != null && $Object.hasOwnProperty.call(m, "user_id") && m.user_id !== "")
                w.uint32(18).string(m.user_id);
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname") && m.nickname !== "")
                w.uint32(26).string(m.nickname);
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                w.uint32(34).string(m.kind);
            if (m.options != null && $Object.hasOwnProperty.call(m, "options")) {
                for (var ks = $Object.keys(m.options), i = 0; i < ks.length; ++i) {
                    w.uint32(42).fork().uint32(10).string(ks[i]).uint32(18).string(m.options[ks[i]]).ldelim();
                }
            }
            if (m.redirect != null && $Object.hasOwnProperty.call(m, "redirect") && m.redirect !== false)
                w.uint32(48).bool(m.redirect);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        JoinRoomRequest.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, k, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.JoinRoomRequest();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.user_id = v;
                        else
                            delete m.user_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.nickname = v;
                        else
                            delete m.nickname;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.kind = v;
                        else
                            delete m.kind;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (m.options === $util.emptyObject)
                            m.options = {};
                        var c2 = r.size() + r.pos;
                        if (c2 > r.len)
                            throw $RangeError("index out of range");
                        r.len = c2;
                        k = "";
                        v = "";
                        while (r.pos < c2) {
                            var t2 = r.tag();
                            u = t2 & 7;
                            switch (t2 >>>= 3) {
                            case 1:
                                if (u !== 2)
                                    break;
                                k = r.stringVerify();
                                continue;
                            case 2:
                                if (u !== 2)
                                    break;
                                v = r.stringVerify();
                                continue;
                            }
                            r.skipType(u, q, t2);
                        }
                        if (r.pos !== c2)
                            throw $RangeError("index out of range");
                        r.len = c;
                        if (k === "__proto__")
                            $util.makeProp(m.options, k);
                        m.options[k] = v;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.redirect = v;
                        else
                            delete m.redirect;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        JoinRoomRequest.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.JoinRoomRequest)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.JoinRoomRequest: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.JoinRoomRequest();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.user_id != null) {
                if (typeof d.user_id !== "string" || d.user_id.length) {
                    m.user_id = $String(d.user_id);
                }
            }
            if (d.nickname != null) {
                if (typeof d.nickname !== "string" || d.nickname.length) {
                    m.nickname = $String(d.nickname);
                }
            }
            if (d.kind != null) {
                if (typeof d.kind !== "string" || d.kind.length) {
                    m.kind = $String(d.kind);
                }
            }
            if (d.options) {
                if (!$util.isObject(d.options))
                    throw $TypeError(".gameproto.JoinRoomRequest.options: object expected");
                m.options = {};
                for (var ks = $Object.keys(d.options), i = 0; i < ks.length; ++i) {
                    if (ks[i] === "__proto__")
                        $util.makeProp(m.options, ks[i]);
                    m.options[ks[i]] = $String(d.options[ks[i]]);
                }
            }
            if (d.redirect != null) {
                if (d.redirect) {
                    m.redirect = $Boolean(d.redirect);
                }
            }
            return m;
        };

        JoinRoomRequest.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.objects || o.defaults) {
                d.options = {};
            }
            if (o.defaults) {
                d.room_id = "";
                d.user_id = "";
                d.nickname = "";
                d.kind = "";
                d.redirect = false;
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.user_id != null && $Object.hasOwnProperty.call(m, "user_id")) {
                d.user_id = m.user_id;
            }
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname")) {
                d.nickname = m.nickname;
            }
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                d.kind = m.kind;
            }
            var ks2;
            if (m.options && (ks2 = $Object.keys(m.options)).length) {
                d.options = {};
                for (var j = 0; j < ks2.length; ++j) {
                    if (ks2[j] === "__proto__")
                        $util.makeProp(d.options, ks2[j]);
                    d.options[ks2[j]] = m.options[ks2[j]];
                }
            }
            if (m.redirect != null && $Object.hasOwnProperty.call(m, "redirect")) {
                d.redirect = m.redirect;
            }
            return d;
        };

        JoinRoomRequest.prototype.toJSON = function() {
            return JoinRoomRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        JoinRoomRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.JoinRoomRequest";
        };

        return JoinRoomRequest;
    })();

    gameproto.GameAction = (function() {

        var GameAction = function (p) {
            this.params = {};
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        GameAction.prototype.action = "";
        GameAction.prototype.position = null;
        GameAction.prototype.target_id = 0;
        GameAction.prototype.params = $util.emptyObject;
        GameAction.prototype.room_id = "";
        GameAction.prototype.input_seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        GameAction.create = function(properties) {
            return new GameAction(properties);
        };

        GameAction.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.action != null && $Object.hasOwnProperty.call(m, "action") && m.action !== "")
                w.uint32(10).string(m.action);
            if (m.position != null && $Object.hasOwnProperty.call(m, "position"))
                $root.gameproto.Position.encode(m.position, w.uint32(18).fork(), q + 1).ldelim();
            if (m.target_id != null && $Object.hasOwnProperty.call(m, "target_id") && m.target_id !== 0)
                w.uint32(24).int32(m.target_id);
            if (m.params != null && $Object.hasOwnProperty.call(m, "params")) {
                for (var ks = $Object.keys(m.params), i = 0; i < ks.length; ++i) {
                    w.uint32(34).fork().uint32(10).string(ks[i]).uint32(18).string(m.params[ks[i]]).ldelim();
                }
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(42).string(m.room_id);
            if (m.input_seq != null && $Object.hasOwnProperty.call(m, "input_seq") && (typeof m.input_seq === "object" ? m.input_seq.low || m.input_seq.high : m.input_seq !== 0))
                w.uint32(48).int64(m.input_seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        GameAction.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, k, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.GameAction();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.action = v;
                        else
                            delete m.action;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.position = $root.gameproto.Position.decode(r, r.size(), $undefined, q + 1, m.position);
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.target_id = v;
                        else
                            delete m.target_id;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if (m.params === $util.emptyObject)
                            m.params = {};
                        var c2 = r.size() + r.pos;
                        if (c2 > r.len)
                            throw $RangeError("index out of range");
                        r.len = c2;
                        k = "";
                        v = "";
                        while (r.pos < c2) {
                            var t2 = r.tag();
                            u = t2 & 7;
                            switch (t2 >>>= 3) {
                            case 1:
                                if (u !== 2)
                                    break;
                                k = r.stringVerify();
                                continue;
                            case 2:
                                if (u !== 2)
                                    break;
                                v = r.stringVerify();
                                continue;
                            }
                            r.skipType(u, q, t2);
                        }
                        if (r.pos !== c2)
                            throw $RangeError("index out of range");
                        r.len = c;
                        if (k === "__proto__")
                            $util.makeProp(m.params, k);
                        m.params[k] = v;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.input_seq = v;
                        else
                            delete m.input_seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        GameAction.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.GameAction)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.GameAction: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.GameAction();
            if (d.action != null) {
                if (typeof d.action !== "string" || d.action.length) {
                    m.action = $String(d.action);
                }
            }
            if (d.position != null) {
                if (!$util.isObject(d.position))
                    throw $TypeError(".gameproto.GameAction.position: object expected");
                m.position = $root.gameproto.Position.fromObject(d.position, q + 1);
            }
            if (d.target_id != null) {
                if ($Number(d.target_id) !== 0) {
                    m.target_id = d.target_id | 0;
                }
            }
            if (d.params) {
                if (!$util.isObject(d.params))
                    throw $TypeError(".gameproto.GameAction.params: object expected");
                m.params = {};
                for (var ks = $Object.keys(d.params), i = 0; i < ks.length; ++i) {
                    if (ks[i] === "__proto__")
                        $util.makeProp(m.params, ks[i]);
                    m.params[ks[i]] = $String(d.params[ks[i]]);
                }
            }
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.input_seq != null) {
                if (typeof d.input_seq === "object" ? d.input_seq.low || d.input_seq.high : $Number(d.input_seq) !== 0) {
                    if ($util.Long)
                        m.input_seq = $util.Long.fromValue(d.input_seq, false);
                    else if (typeof d.input_seq === "string")
                        m.input_seq = $parseInt(d.input_seq, 10);
                    else if (typeof d.input_seq === "number")
                        m.input_seq = d.input_seq;
                    else if (typeof d.input_seq === "object")
                        m.input_seq = new $util.LongBits(d.input_seq.low >>> 0, d.input_seq.high >>> 0).toNumber();
                }
            }
            return m;
        };

        GameAction.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.objects || o.defaults) {
                d.params = {};
            }
            if (o.defaults) {
                d.action = "";
                d.position = null;
                d.target_id = 0;
                d.room_id = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.input_seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.input_seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.action != null && $Object.hasOwnProperty.call(m, "action")) {
                d.action = m.action;
            }
            if (m.position != null && $Object.hasOwnProperty.call(m, "position")) {
                d.position = $root.gameproto.Position.toObject(m.position, o, q + 1);
            }
            if (m.target_id != null && $Object.hasOwnProperty.call(m, "target_id")) {
                d.target_id = m.target_id;
            }
            var ks2;
            if (m.params && (ks2 = $Object.keys(m.params)).length) {
                d.params = {};
                for (var j = 0; j < ks2.length; ++j) {
                    if (ks2[j] === "__proto__")
                        $util.makeProp(d.params, ks2[j]);
                    d.params[ks2[j]] = m.params[ks2[j]];
                }
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.input_seq != null && $Object.hasOwnProperty.call(m, "input_seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.input_seq = typeof m.input_seq === "number" ? $BigInt(m.input_seq) : $util.Long.fromBits(m.input_seq.low >>> 0, m.input_seq.high >>> 0, false).toBigInt();
                else if (typeof m.input_seq === "number")
                    d.input_seq = o.longs === $String ? $String(m.input_seq) : m.input_seq;
                else
                    d.input_seq = o.longs === $String ? $util.Long.prototype.toString.call(m.input_seq) : o.longs === $Number ? new $util.LongBits(m.input_seq.low >>> 0, m.input_seq.high >>> 0).toNumber() : m.input_seq;
            }
            return d;
        };

        GameAction.prototype.toJSON = function() {
            return GameAction.toObject(this, $protobuf.util.toJSONOptions);
        };

        GameAction.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.GameAction";
        };

        return GameAction;
    })();

    gameproto.Position = (function() {

        var Position = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Position.prototype.x = 0;
        Position.prototype.y = 0;
        Position.prototype.z = 0;

        Position.create = function(properties) {
            return new Position(properties);
        };

        Position.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.x != null && $Object.hasOwnProperty.call(m, "x") && !$Object.is(m.x, 0))
                w.uint32(9).double(m.x);
            if (m.y != null && $Object.hasOwnProperty.call(m, "y") && !$Object.is(m.y, 0))
                w.uint32(17).double(m.y);
            if (m.z != null && $Object.hasOwnProperty.call(m, "z") && !$Object.is(m.z, 0))
                w.uint32(25).double(m.z);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Position.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Position();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.x = v;
                        else
                            delete m.x;
                        continue;
                    }
                case 2: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.y = v;
                        else
                            delete m.y;
                        continue;
                    }
                case 3: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.z = v;
                        else
                            delete m.z;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Position.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Position)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Position: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Position();
            if (d.x != null) {
                if (!$Object.is($Number(d.x), 0)) {
                    m.x = $Number(d.x);
                }
            }
            if (d.y != null) {
                if (!$Object.is($Number(d.y), 0)) {
                    m.y = $Number(d.y);
                }
            }
            if (d.z != null) {
                if (!$Object.is($Number(d.z), 0)) {
                    m.z = $Number(d.z);
                }
            }
            return m;
        };

        Position.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.x = 0;
                d.y = 0;
                d.z = 0;
            }
            if (m.x != null && $Object.hasOwnProperty.call(m, "x")) {
                d.x = o.json && !$isFinite(m.x) ? $String(m.x) : m.x;
            }
            if (m.y != null && $Object.hasOwnProperty.call(m, "y")) {
                d.y = o.json && !$isFinite(m.y) ? $String(m.y) : m.y;
            }
            if (m.z != null && $Object.hasOwnProperty.call(m, "z")) {
                d.z = o.json && !$isFinite(m.z) ? $String(m.z) : m.z;
            }
            return d;
        };

        Position.prototype.toJSON = function() {
            return Position.toObject(this, $protobuf.util.toJSONOptions);
        };

        Position.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Position";
        };

        return Position;
    })();

    gameproto.StateSync = (function() {

        var StateSync = function (p) {
            this.players = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        StateSync.prototype.frame_num = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        StateSync.prototype.players = $util.emptyArray;
        StateSync.prototype.timestamp = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        StateSync.prototype.room_id = "";

        StateSync.create = function(properties) {
            return new StateSync(properties);
        };

        StateSync.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.frame_num != null && $Object.hasOwnProperty.call(m, "frame_num") && (typeof m.frame_num === "object" ? m.frame_num.low || m.frame_num.high : m.frame_num !== 0))
                w.uint32(8).int64(m.frame_num);
            if (m.players != null && m.players.length) {
                for (var i = 0; i < m.players.length; ++i)
                    $root.gameproto.PlayerState.encode(m.players[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp") && (typeof m.timestamp === "object" ? m.timestamp.low || m.timestamp.high : m.timestamp !== 0))
                w.uint32(24).int64(m.timestamp);
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(34).string(m.room_id);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        StateSync.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.StateSync();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.frame_num = v;
                        else
                            delete m.frame_num;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.players && m.players.length))
                            m.players = [];
                        m.players.push($root.gameproto.PlayerState.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.timestamp = v;
                        else
                            delete m.timestamp;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        StateSync.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.StateSync)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.StateSync: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.StateSync();
            if (d.frame_num != null) {
                if (typeof d.frame_num === "object" ? d.frame_num.low || d.frame_num.high : $Number(d.frame_num) !== 0) {
                    if ($util.Long)
                        m.frame_num = $util.Long.fromValue(d.frame_num, false);
                    else if (typeof d.frame_num === "string")
                        m.frame_num = $parseInt(d.frame_num, 10);
                    else if (typeof d.frame_num === "number")
                        m.frame_num = d.frame_num;
                    else if (typeof d.frame_num === "object")
                        m.frame_num = new $util.LongBits(d.frame_num.low >>> 0, d.frame_num.high >>> 0).toNumber();
                }
            }
            if (d.players) {
                if (!$Array.isArray(d.players))
                    throw $TypeError(".gameproto.StateSync.players: array expected");
                m.players = $Array(d.players.length);
                for (var i = 0; i < d.players.length; ++i) {
                    if (!$util.isObject(d.players[i]))
                        throw $TypeError(".gameproto.StateSync.players: object expected");
                    m.players[i] = $root.gameproto.PlayerState.fromObject(d.players[i], q + 1);
                }
            }
            if (d.timestamp != null) {
                if (typeof d.timestamp === "object" ? d.timestamp.low || d.timestamp.high : $Number(d.timestamp) !== 0) {
                    if ($util.Long)
                        m.timestamp = $util.Long.fromValue(d.timestamp, false);
                    else if (typeof d.timestamp === "string")
                        m.timestamp = $parseInt(d.timestamp, 10);
                    else if (typeof d.timestamp === "number")
                        m.timestamp = d.timestamp;
                    else if (typeof d.timestamp === "object")
                        m.timestamp = new $util.LongBits(d.timestamp.low >>> 0, d.timestamp.high >>> 0).toNumber();
                }
            }
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            return m;
        };

        StateSync.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.players = [];
            }
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.frame_num = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.frame_num = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.timestamp = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.timestamp = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.room_id = "";
            }
            if (m.frame_num != null && $Object.hasOwnProperty.call(m, "frame_num")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.frame_num = typeof m.frame_num === "number" ? $BigInt(m.frame_num) : $util.Long.fromBits(m.frame_num.low >>> 0, m.frame_num.high >>> 0, false).toBigInt();
                else if (typeof m.frame_num === "number")
                    d.frame_num = o.longs === $String ? $String(m.frame_num) : m.frame_num;
                else
                    d.frame_num = o.longs === $String ? $util.Long.prototype.toString.call(m.frame_num) : o.longs === $Number ? new $util.LongBits(m.frame_num.low >>> 0, m.frame_num.high >>> 0).toNumber() : m.frame_num;
            }
            if (m.players && m.players.length) {
                d.players = $Array(m.players.length);
                for (var j = 0; j < m.players.length; ++j) {
                    d.players[j] = $root.gameproto.PlayerState.toObject(m.players[j], o, q + 1);
                }
            }
            if (m.timestamp != null && $Object.hasOwnProperty.call(m, "timestamp")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.timestamp = typeof m.timestamp === "number" ? $BigInt(m.timestamp) : $util.Long.fromBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0, false).toBigInt();
                else if (typeof m.timestamp === "number")
                    d.timestamp = o.longs === $String ? $String(m.timestamp) : m.timestamp;
                else
                    d.timestamp = o.longs === $String ? $util.Long.prototype.toString.call(m.timestamp) : o.longs === $Number ? new $util.LongBits(m.timestamp.low >>> 0, m.timestamp.high >>> 0).toNumber() : m.timestamp;
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            return d;
        };

        StateSync.prototype.toJSON = function() {
            return StateSync.toObject(this, $protobuf.util.toJSONOptions);
        };

        StateSync.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.StateSync";
        };

        return StateSync;
    })();

    gameproto.PlayerState = (function() {

        var PlayerState = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        PlayerState.prototype.player_id = "";
        PlayerState.prototype.position = null;
        PlayerState.prototype.velocity = null;
        PlayerState.prototype.health = 0;
        PlayerState.prototype.score = 0;
        PlayerState.prototype.last_input_seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        PlayerState.create = function(properties) {
            return new PlayerState(properties);
        };

        PlayerState.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id") && m.player_id !== "")
                w.uint32(10).string(m.player_id);
            if (m.position != null && $Object.hasOwnProperty.call(m, "position"))
                $root.gameproto.Position.encode(m.position, w.uint32(18).fork(), q + 1).ldelim();
            if (m.velocity != null && $Object.hasOwnProperty.call(m, "velocity"))
                $root.gameproto.Velocity.encode(m.velocity, w.uint32(26).fork(), q + 1).ldelim();
            if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== 0)
                w.uint32(32).int32(m.health);
            if (m.score != null && $Object.hasOwnProperty.call(m, "score") && m.score !== 0)
                w.uint32(40).int32(m.score);
            if (m.last_input_seq != null && $Object.hasOwnProperty.call(m, "last_input_seq") && (typeof m.last_input_seq === "object" ? m.last_input_seq.low || m.last_input_seq.high : m.last_input_seq !== 0))
                w.uint32(48).int64(m.last_input_seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        PlayerState.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.PlayerState();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.player_id = v;
                        else
                            delete m.player_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        m.position = $root.gameproto.Position.decode(r, r.size(), $undefined, q + 1, m.position);
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        m.velocity = $root.gameproto.Velocity.decode(r, r.size(), $undefined, q + 1, m.velocity);
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.health = v;
                        else
                            delete m.health;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.score = v;
                        else
                            delete m.score;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.last_input_seq = v;
                        else
                            delete m.last_input_seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        PlayerState.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.PlayerState)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.PlayerState: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.PlayerState();
            if (d.player_id != null) {
                if (typeof d.player_id !== "string" || d.player_id.length) {
                    m.player_id = $String(d.player_id);
                }
            }
            if (d.position != null) {
                if (!$util.isObject(d.position))
                    throw $TypeError(".gameproto.PlayerState.position: object expected");
                m.position = $root.gameproto.Position.fromObject(d.position, q + 1);
            }
            if (d.velocity != null) {
                if (!$util.isObject(d.velocity))
                    throw $TypeError(".gameproto.PlayerState.velocity: object expected");
                m.velocity = $root.gameproto.Velocity.fromObject(d.velocity, q + 1);
            }
            if (d.health != null) {
                if ($Number(d.health) !== 0) {
                    m.health = d.health | 0;
                }
            }
            if (d.score != null) {
                if ($Number(d.score) !== 0) {
                    m.score = d.score | 0;
                }
            }
            if (d.last_input_seq != null) {
                if (typeof d.last_input_seq === "object" ? d.last_input_seq.low || d.last_input_seq.high : $Number(d.last_input_seq) !== 0) {
                    if ($util.Long)
                        m.last_input_seq = $util.Long.fromValue(d.last_input_seq, false);
                    else if (typeof d.last_input_seq === "string")
                        m.last_input_seq = $parseInt(d.last_input_seq, 10);
                    else if (typeof d.last_input_seq === "number")
                        m.last_input_seq = d.last_input_seq;
                    else if (typeof d.last_input_seq === "object")
                        m.last_input_seq = new $util.LongBits(d.last_input_seq.low >>> 0, d.last_input_seq.high >>> 0).toNumber();
                }
            }
            return m;
        };

        PlayerState.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.player_id = "";
                d.position = null;
                d.velocity = null;
                d.health = 0;
                d.score = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.last_input_seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.last_input_seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id")) {
                d.player_id = m.player_id;
            }
            if (m.position != null && $Object.hasOwnProperty.call(m, "position")) {
                d.position = $root.gameproto.Position.toObject(m.position, o, q + 1);
            }
            if (m.velocity != null && $Object.hasOwnProperty.call(m, "velocity")) {
                d.velocity = $root.gameproto.Velocity.toObject(m.velocity, o, q + 1);
            }
            if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                d.health = m.health;
            }
            if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                d.score = m.score;
            }
            if (m.last_input_seq != null && $Object.hasOwnProperty.call(m, "last_input_seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.last_input_seq = typeof m.last_input_seq === "number" ? $BigInt(m.last_input_seq) : $util.Long.fromBits(m.last_input_seq.low >>> 0, m.last_input_seq.high >>> 0, false).toBigInt();
                else if (typeof m.last_input_seq === "number")
                    d.last_input_seq = o.longs === $String ? $String(m.last_input_seq) : m.last_input_seq;
                else
                    d.last_input_seq = o.longs === $String ? $util.Long.prototype.toString.call(m.last_input_seq) : o.longs === $Number ? new $util.LongBits(m.last_input_seq.low >>> 0, m.last_input_seq.high >>> 0).toNumber() : m.last_input_seq;
            }
            return d;
        };

        PlayerState.prototype.toJSON = function() {
            return PlayerState.toObject(this, $protobuf.util.toJSONOptions);
        };

        PlayerState.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.PlayerState";
        };

        return PlayerState;
    })();

    gameproto.Velocity = (function() {

        var Velocity = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Velocity.prototype.x = 0;
        Velocity.prototype.y = 0;
        Velocity.prototype.z = 0;

        Velocity.create = function(properties) {
            return new Velocity(properties);
        };

        Velocity.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.x != null && $Object.hasOwnProperty.call(m, "x") && !$Object.is(m.x, 0))
                w.uint32(9).double(m.x);
            if (m.y != null && $Object.hasOwnProperty.call(m, "y") && !$Object.is(m.y, 0))
                w.uint32(17).double(m.y);
            if (m.z != null && $Object.hasOwnProperty.call(m, "z") && !$Object.is(m.z, 0))
                w.uint32(25).double(m.z);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Velocity.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Velocity();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.x = v;
                        else
                            delete m.x;
                        continue;
                    }
                case 2: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.y = v;
                        else
                            delete m.y;
                        continue;
                    }
                case 3: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.z = v;
                        else
                            delete m.z;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Velocity.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Velocity)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Velocity: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Velocity();
            if (d.x != null) {
                if (!$Object.is($Number(d.x), 0)) {
                    m.x = $Number(d.x);
                }
            }
            if (d.y != null) {
                if (!$Object.is($Number(d.y), 0)) {
                    m.y = $Number(d.y);
                }
            }
            if (d.z != null) {
                if (!$Object.is($Number(d.z), 0)) {
                    m.z = $Number(d.z);
                }
            }
            return m;
        };

        Velocity.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.x = 0;
                d.y = 0;
                d.z = 0;
            }
            if (m.x != null && $Object.hasOwnProperty.call(m, "x")) {
                d.x = o.json && !$isFinite(m.x) ? $String(m.x) : m.x;
            }
            if (m.y != null && $Object.hasOwnProperty.call(m, "y")) {
                d.y = o.json && !$isFinite(m.y) ? $String(m.y) : m.y;
            }
            if (m.z != null && $Object.hasOwnProperty.call(m, "z")) {
                d.z = o.json && !$isFinite(m.z) ? $String(m.z) : m.z;
            }
            return d;
        };

        Velocity.prototype.toJSON = function() {
            return Velocity.toObject(this, $protobuf.util.toJSONOptions);
        };

        Velocity.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Velocity";
        };

        return Velocity;
    })();

    gameproto.Welcome = (function() {

        var Welcome = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Welcome.prototype.client_id = "";
        Welcome.prototype.session_id = "";
        Welcome.prototype.resume_token = "";
        Welcome.prototype.heartbeat_interval_ms = 0;
        Welcome.prototype.server_time = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Welcome.prototype.token_expires_at = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        Welcome.prototype.wire_version = 0;
        Welcome.prototype.tick_rate = 0;

        Welcome.create = function(properties) {
            return new Welcome(properties);
        };

        Welcome.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                w.uint32(10).string(m.client_id);
            if (m.session_id != null && $Object.hasOwnProperty.call(m, "session_id") && m.session_id !== "")
                w.uint32(18).string(m.session_id);
            if (m.resume_token != null && $Object.hasOwnProperty.call(m, "resume_token") && m.resume_token !== "")
                w.uint32(26).string(m.resume_token);
            if (m.heartbeat_interval_ms != null && $Object.hasOwnProperty.call(m, "heartbeat_interval_ms") && m.heartbeat_interval_ms !== 0)
                w.uint32(32).int32(m.heartbeat_interval_ms);
            if (m.server_time != null && $Object.hasOwnProperty.call(m, "server_time") && (typeof m.server_time === "object" ? m.server_time.low || m.server_time.high : m.server_time !== 0))
                w.uint32(40).int64(m.server_time);
            if (m.token_expires_at != null && $Object.hasOwnProperty.call(m, "token_expires_at") && (typeof m.token_expires_at === "object" ? m.token_expires_at.low || m.token_expires_at.high : m.token_expires_at !== 0))
                w.uint32(48).int64(m.token_expires_at);
            if (m.wire_version != null && $Object.hasOwnProperty.call(m, "wire_version") && m.wire_version !== 0)
                w.uint32(56).uint32(m.wire_version);
            if (m.tick_rate != null && $Object.hasOwnProperty.call(m, "tick_rate") && m.tick_rate !== 0)
                w.uint32(64).uint32(m.tick_rate);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Welcome.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Welcome();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.client_id = v;
                        else
                            delete m.client_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.session_id = v;
                        else
                            delete m.session_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.resume_token = v;
                        else
                            delete m.resume_token;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.heartbeat_interval_ms = v;
                        else
                            delete m.heartbeat_interval_ms;
                        continue;
                    }
                case 5: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.server_time = v;
                        else
                            delete m.server_time;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.token_expires_at = v;
                        else
                            delete m.token_expires_at;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.wire_version = v;
                        else
                            delete m.wire_version;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.tick_rate = v;
                        else
                            delete m.tick_rate;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Welcome.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Welcome)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Welcome: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Welcome();
            if (d.client_id != null) {
                if (typeof d.client_id !== "string" || d.client_id.length) {
                    m.client_id = $String(d.client_id);
                }
            }
            if (d.session_id != null) {
                if (typeof d.session_id !== "string" || d.session_id.length) {
                    m.session_id = $String(d.session_id);
                }
            }
            if (d.resume_token != null) {
                if (typeof d.resume_token !== "string" || d.resume_token.length) {
                    m.resume_token = $String(d.resume_token);
                }
            }
            if (d.heartbeat_interval_ms != null) {
                if ($Number(d.heartbeat_interval_ms) !== 0) {
                    m.heartbeat_interval_ms = d.heartbeat_interval_ms | 0;
                }
            }
            if (d.server_time != null) {
                if (typeof d.server_time === "object" ? d.server_time.low || d.server_time.high : $Number(d.server_time) !== 0) {
                    if ($util.Long)
                        m.server_time = $util.Long.fromValue(d.server_time, false);
                    else if (typeof d.server_time === "string")
                        m.server_time = $parseInt(d.server_time, 10);
                    else if (typeof d.server_time === "number")
                        m.server_time = d.server_time;
                    else if (typeof d.server_time === "object")
                        m.server_time = new $util.LongBits(d.server_time.low >>> 0, d.server_time.high >>> 0).toNumber();
                }
            }
            if (d.token_expires_at != null) {
                if (typeof d.token_expires_at === "object" ? d.token_expires_at.low || d.token_expires_at.high : $Number(d.token_expires_at) !== 0) {
                    if ($util.Long)
                        m.token_expires_at = $util.Long.fromValue(d.token_expires_at, false);
                    else if (typeof d.token_expires_at === "string")
                        m.token_expires_at = $parseInt(d.token_expires_at, 10);
                    else if (typeof d.token_expires_at === "number")
                        m.token_expires_at = d.token_expires_at;
                    else if (typeof d.token_expires_at === "object")
                        m.token_expires_at = new $util.LongBits(d.token_expires_at.low >>> 0, d.token_expires_at.high >>> 0).toNumber();
                }
            }
            if (d.wire_version != null) {
                if ($Number(d.wire_version) !== 0) {
                    m.wire_version = d.wire_version >>> 0;
                }
            }
            if (d.tick_rate != null) {
                if ($Number(d.tick_rate) !== 0) {
                    m.tick_rate = d.tick_rate >>> 0;
                }
            }
            return m;
        };

        Welcome.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.client_id = "";
                d.session_id = "";
                d.resume_token = "";
                d.heartbeat_interval_ms = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.server_time = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.server_time = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.token_expires_at = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.token_expires_at = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.wire_version = 0;
                d.tick_rate = 0;
            }
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                d.client_id = m.client_id;
            }
            if (m.session_id != null && $Object.hasOwnProperty.call(m, "session_id")) {
                d.session_id = m.session_id;
            }
            if (m.resume_token != null && $Object.hasOwnProperty.call(m, "resume_token")) {
                d.resume_token = m.resume_token;
            }
            if (m.heartbeat_interval_ms != null && $Object.hasOwnProperty.call(m, "heartbeat_interval_ms")) {
                d.heartbeat_interval_ms = m.heartbeat_interval_ms;
            }
            if (m.server_time != null && $Object.hasOwnProperty.call(m, "server_time")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.server_time = typeof m.server_time === "number" ? $BigInt(m.server_time) : $util.Long.fromBits(m.server_time.low >>> 0, m.server_time.high >>> 0, false).toBigInt();
                else if (typeof m.server_time === "number")
                    d.server_time = o.longs === $String ? $String(m.server_time) : m.server_time;
                else
                    d.server_time = o.longs === $String ? $util.Long.prototype.toString.call(m.server_time) : o.longs === $Number ? new $util.LongBits(m.server_time.low >>> 0, m.server_time.high >>> 0).toNumber() : m.server_time;
            }
            if (m.token_expires_at != null && $Object.hasOwnProperty.call(m, "token_expires_at")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.token_expires_at = typeof m.token_expires_at === "number" ? $BigInt(m.token_expires_at) : $util.Long.fromBits(m.token_expires_at.low >>> 0, m.token_expires_at.high >>> 0, false).toBigInt();
                else if (typeof m.token_expires_at === "number")
                    d.token_expires_at = o.longs === $String ? $String(m.token_expires_at) : m.token_expires_at;
                else
                    d.token_expires_at = o.longs === $String ? $util.Long.prototype.toString.call(m.token_expires_at) : o.longs === $Number ? new $util.LongBits(m.token_expires_at.low >>> 0, m.token_expires_at.high >>> 0).toNumber() : m.token_expires_at;
            }
            if (m.wire_version != null && $Object.hasOwnProperty.call(m, "wire_version")) {
                d.wire_version = m.wire_version;
            }
            if (m.tick_rate != null && $Object.hasOwnProperty.call(m, "tick_rate")) {
                d.tick_rate = m.tick_rate;
            }
            return d;
        };

        Welcome.prototype.toJSON = function() {
            return Welcome.toObject(this, $protobuf.util.toJSONOptions);
        };

        Welcome.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Welcome";
        };

        return Welcome;
    })();

    gameproto.LeaveRoomRequest = (function() {

        var LeaveRoomRequest = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        LeaveRoomRequest.prototype.room_id = "";

        LeaveRoomRequest.create = function(properties) {
            return new LeaveRoomRequest(properties);
        };

        LeaveRoomRequest.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        LeaveRoomRequest.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.LeaveRoomRequest();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        LeaveRoomRequest.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.LeaveRoomRequest)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.LeaveRoomRequest: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.LeaveRoomRequest();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            return m;
        };

        LeaveRoomRequest.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.room_id = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            return d;
        };

        LeaveRoomRequest.prototype.toJSON = function() {
            return LeaveRoomRequest.toObject(this, $protobuf.util.toJSONOptions);
        };

        LeaveRoomRequest.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.LeaveRoomRequest";
        };

        return LeaveRoomRequest;
    })();

    gameproto.RoomPlayer = (function() {

        var RoomPlayer = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        RoomPlayer.prototype.player_id = "";
        RoomPlayer.prototype.nickname = "";
        RoomPlayer.prototype.entity_id = 0;
        RoomPlayer.prototype.client_id = "";
        RoomPlayer.prototype.position = null;
        RoomPlayer.prototype.velocity = null;
        RoomPlayer.prototype.health = 0;
        RoomPlayer.prototype.score = 0;
        RoomPlayer.prototype.last_input_seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        RoomPlayer.create = function(properties) {
            return new RoomPlayer(properties);
        };

        RoomPlayer.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id") && m.player_id !== "")
                w.uint32(10).string(m.player_id);
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname") && m.nickname !== "")
                w.uint32(18).string(m.nickname);
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id") && m.entity_id !== 0)
                w.uint32(24).int32(m.entity_id);
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                w.uint32(34).string(m.client_id);
            if (m.position != null && $Object.hasOwnProperty.call(m, "position"))
                $root.gameproto.Position.encode(m.position, w.uint32(42).fork(), q + 1).ldelim();
            if (m.velocity != null && $Object.hasOwnProperty.call(m, "velocity"))
                $root.gameproto.Velocity.encode(m.velocity, w.uint32(50).fork(), q + 1).ldelim();
            if (m.health != null && $Object.hasOwnProperty.call(m, "health") && m.health !== 0)
                w.uint32(56).int32(m.health);
            if (m.score != null && $Object.hasOwnProperty.call(m, "score") && m.score !== 0)
                w.uint32(64).int32(m.score);
            if (m.last_input_seq != null && $Object.hasOwnProperty.call(m, "last_input_seq") && (typeof m.last_input_seq === "object" ? m.last_input_seq.low || m.last_input_seq.high : m.last_input_seq !== 0))
                w.uint32(72).int64(m.last_input_seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        RoomPlayer.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.RoomPlayer();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.player_id = v;
                        else
                            delete m.player_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.nickname = v;
                        else
                            delete m.nickname;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.entity_id = v;
                        else
                            delete m.entity_id;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.client_id = v;
                        else
                            delete m.client_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        m.position = $root.gameproto.Position.decode(r, r.size(), $undefined, q + 1, m.position);
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        m.velocity = $root.gameproto.Velocity.decode(r, r.size(), $undefined, q + 1, m.velocity);
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.health = v;
                        else
                            delete m.health;
                        continue;
                    }
                case 8: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.score = v;
                        else
                            delete m.score;
                        continue;
                    }
                case 9: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.last_input_seq = v;
                        else
                            delete m.last_input_seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        RoomPlayer.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.RoomPlayer)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.RoomPlayer: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.RoomPlayer();
            if (d.player_id != null) {
                if (typeof d.player_id !== "string" || d.player_id.length) {
                    m.player_id = $String(d.player_id);
                }
            }
            if (d.nickname != null) {
                if (typeof d.nickname !== "string" || d.nickname.length) {
                    m.nickname = $String(d.nickname);
                }
            }
            if (d.entity_id != null) {
                if ($Number(d.entity_id) !== 0) {
                    m.entity_id = d.entity_id | 0;
                }
            }
            if (d.client_id != null) {
                if (typeof d.client_id !== "string" || d.client_id.length) {
                    m.client_id = $String(d.client_id);
                }
            }
            if (d.position != null) {
                if (!$util.isObject(d.position))
                    throw $TypeError(".gameproto.RoomPlayer.position: object expected");
                m.position = $root.gameproto.Position.fromObject(d.position, q + 1);
            }
            if (d.velocity != null) {
                if (!$util.isObject(d.velocity))
                    throw $TypeError(".gameproto.RoomPlayer.velocity: object expected");
                m.velocity = $root.gameproto.Velocity.fromObject(d.velocity, q + 1);
            }
            if (d.health != null) {
                if ($Number(d.health) !== 0) {
                    m.health = d.health | 0;
                }
            }
            if (d.score != null) {
                if ($Number(d.score) !== 0) {
                    m.score = d.score | 0;
                }
            }
            if (d.last_input_seq != null) {
                if (typeof d.last_input_seq === "object" ? d.last_input_seq.low || d.last_input_seq.high : $Number(d.last_input_seq) !== 0) {
                    if ($util.Long)
                        m.last_input_seq = $util.Long.fromValue(d.last_input_seq, false);
                    else if (typeof d.last_input_seq === "string")
                        m.last_input_seq = $parseInt(d.last_input_seq, 10);
                    else if (typeof d.last_input_seq === "number")
                        m.last_input_seq = d.last_input_seq;
                    else if (typeof d.last_input_seq === "object")
                        m.last_input_seq = new $util.LongBits(d.last_input_seq.low >>> 0, d.last_input_seq.high >>> 0).toNumber();
                }
            }
            return m;
        };

        RoomPlayer.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.player_id = "";
                d.nickname = "";
                d.entity_id = 0;
                d.client_id = "";
                d.position = null;
                d.velocity = null;
                d.health = 0;
                d.score = 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.last_input_seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.last_input_seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id")) {
                d.player_id = m.player_id;
            }
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname")) {
                d.nickname = m.nickname;
            }
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id")) {
                d.entity_id = m.entity_id;
            }
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                d.client_id = m.client_id;
            }
            if (m.position != null && $Object.hasOwnProperty.call(m, "position")) {
                d.position = $root.gameproto.Position.toObject(m.position, o, q + 1);
            }
            if (m.velocity != null && $Object.hasOwnProperty.call(m, "velocity")) {
                d.velocity = $root.gameproto.Velocity.toObject(m.velocity, o, q + 1);
            }
            if (m.health != null && $Object.hasOwnProperty.call(m, "health")) {
                d.health = m.health;
            }
            if (m.score != null && $Object.hasOwnProperty.call(m, "score")) {
                d.score = m.score;
            }
            if (m.last_input_seq != null && $Object.hasOwnProperty.call(m, "last_input_seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.last_input_seq = typeof m.last_input_seq === "number" ? $BigInt(m.last_input_seq) : $util.Long.fromBits(m.last_input_seq.low >>> 0, m.last_input_seq.high >>> 0, false).toBigInt();
                else if (typeof m.last_input_seq === "number")
                    d.last_input_seq = o.longs === $String ? $String(m.last_input_seq) : m.last_input_seq;
                else
                    d.last_input_seq = o.longs === $String ? $util.Long.prototype.toString.call(m.last_input_seq) : o.longs === $Number ? new $util.LongBits(m.last_input_seq.low >>> 0, m.last_input_seq.high >>> 0).toNumber() : m.last_input_seq;
            }
            return d;
        };

        RoomPlayer.prototype.toJSON = function() {
            return RoomPlayer.toObject(this, $protobuf.util.toJSONOptions);
        };

        RoomPlayer.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.RoomPlayer";
        };

        return RoomPlayer;
    })();

    gameproto.RoomJoined = (function() {

        var RoomJoined = function (p) {
            this.players = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        RoomJoined.prototype.room_id = "";
        RoomJoined.prototype.players = $util.emptyArray;
        RoomJoined.prototype.frame_num = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        RoomJoined.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        RoomJoined.prototype.epoch = "";
        RoomJoined.prototype.recovered = false;
        RoomJoined.prototype.handle = 0;
        RoomJoined.prototype.kind = "";
        RoomJoined.prototype.state = null;
        RoomJoined.prototype.schema = "";

        RoomJoined.create = function(properties) {
            return new RoomJoined(properties);
        };

        RoomJoined.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.players != null && m.players.length) {
                for (var i = 0; i < m.players.length; ++i)
                    $root.gameproto.RoomPlayer.encode(m.players[i], w.uint32(18).fork(), q + 1).ldelim();
            }
            if (m.frame_num != null && $Object.hasOwnProperty.call(m, "frame_num") && (typeof m.frame_num === "object" ? m.frame_num.low || m.frame_num.high : m.frame_num !== 0))
                w.uint32(24).int64(m.frame_num);
            if (m.offset != null && $Object.hasOwnProperty.call(m, "offset") && (typeof m.offset === "object" ? m.offset.low || m.offset.high : m.offset !== 0))
                w.uint32(32).int64(m.offset);
            if (m.epoch != null && $Object.hasOwnProperty.call(m, "epoch") && m.epoch !== "")
                w.uint32(42).string(m.epoch);
            if (m.recovered != null && $Object.hasOwnProperty.call(m, "recovered") && m.recovered !== false)
                w.uint32(48).bool(m.recovered);
            if (m.handle != null && $Object.hasOwnProperty.call(m, "handle") && m.handle !== 0)
                w.uint32(56).uint32(m.handle);
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                w.uint32(66).string(m.kind);
            if (m.state != null && $Object.hasOwnProperty.call(m, "state"))
                $root.gameproto.StateFrame.encode(m.state, w.uint32(74).fork(), q + 1).ldelim();
            if (m.schema != null && $Object.hasOwnProperty.call(m, "schema") && m.schema !== "")
                w.uint32(82).string(m.schema);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        RoomJoined.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.RoomJoined();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if (!(m.players && m.players.length))
                            m.players = [];
                        m.players.push($root.gameproto.RoomPlayer.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.frame_num = v;
                        else
                            delete m.frame_num;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.offset = v;
                        else
                            delete m.offset;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.epoch = v;
                        else
                            delete m.epoch;
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.recovered = v;
                        else
                            delete m.recovered;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.handle = v;
                        else
                            delete m.handle;
                        continue;
                    }
                case 8: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.kind = v;
                        else
                            delete m.kind;
                        continue;
                    }
                case 9: {
                        if (u !== 2)
                            break;
                        m.state = $root.gameproto.StateFrame.decode(r, r.size(), $undefined, q + 1, m.state);
                        continue;
                    }
                case 10: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.schema = v;
                        else
                            delete m.schema;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        RoomJoined.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.RoomJoined)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.RoomJoined: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.RoomJoined();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.players) {
                if (!$Array.isArray(d.players))
                    throw $TypeError(".gameproto.RoomJoined.players: array expected");
                m.players = $Array(d.players.length);
                for (var i = 0; i < d.players.length; ++i) {
                    if (!$util.isObject(d.players[i]))
                        throw $TypeError(".gameproto.RoomJoined.players: object expected");
                    m.players[i] = $root.gameproto.RoomPlayer.fromObject(d.players[i], q + 1);
                }
            }
            if (d.frame_num != null) {
                if (typeof d.frame_num === "object" ? d.frame_num.low || d.frame_num.high : $Number(d.frame_num) !== 0) {
                    if ($util.Long)
                        m.frame_num = $util.Long.fromValue(d.frame_num, false);
                    else if (typeof d.frame_num === "string")
                        m.frame_num = $parseInt(d.frame_num, 10);
                    else if (typeof d.frame_num === "number")
                        m.frame_num = d.frame_num;
                    else if (typeof d.frame_num === "object")
                        m.frame_num = new $util.LongBits(d.frame_num.low >>> 0, d.frame_num.high >>> 0).toNumber();
                }
            }
            if (d.offset != null) {
                if (typeof d.offset === "object" ? d.offset.low || d.offset.high : $Number(d.offset) !== 0) {
                    if ($util.Long)
                        m.offset = $util.Long.fromValue(d.offset, false);
                    else if (typeof d.offset === "string")
                        m.offset = $parseInt(d.offset, 10);
                    else if (typeof d.offset === "number")
                        m.offset = d.offset;
                    else if (typeof d.offset === "object")
                        m.offset = new $util.LongBits(d.offset.low >>> 0, d.offset.high >>> 0).toNumber();
                }
            }
            if (d.epoch != null) {
                if (typeof d.epoch !== "string" || d.epoch.length) {
                    m.epoch = $String(d.epoch);
                }
            }
            if (d.recovered != null) {
                if (d.recovered) {
                    m.recovered = $Boolean(d.recovered);
                }
            }
            if (d.handle != null) {
                if ($Number(d.handle) !== 0) {
                    m.handle = d.handle >>> 0;
                }
            }
            if (d.kind != null) {
                if (typeof d.kind !== "string" || d.kind.length) {
                    m.kind = $String(d.kind);
                }
            }
            if (d.state != null) {
                if (!$util.isObject(d.state))
                    throw $TypeError(".gameproto.RoomJoined.state: object expected");
                m.state = $root.gameproto.StateFrame.fromObject(d.state, q + 1);
            }
            if (d.schema != null) {
                if (typeof d.schema !== "string" || d.schema.length) {
                    m.schema = $String(d.schema);
                }
            }
            return m;
        };

        RoomJoined.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.players = [];
            }
            if (o.defaults) {
                d.room_id = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.frame_num = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.frame_num = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.offset = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.offset = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                d.epoch = "";
                d.recovered = false;
                d.handle = 0;
                d.kind = "";
                d.state = null;
                d.schema = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.players && m.players.length) {
                d.players = $Array(m.players.length);
                for (var j = 0; j < m.players.length; ++j) {
                    d.players[j] = $root.gameproto.RoomPlayer.toObject(m.players[j], o, q + 1);
                }
            }
            if (m.frame_num != null && $Object.hasOwnProperty.call(m, "frame_num")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.frame_num = typeof m.frame_num === "number" ? $BigInt(m.frame_num) : $util.Long.fromBits(m.frame_num.low >>> 0, m.frame_num.high >>> 0, false).toBigInt();
                else if (typeof m.frame_num === "number")
                    d.frame_num = o.longs === $String ? $String(m.frame_num) : m.frame_num;
                else
                    d.frame_num = o.longs === $String ? $util.Long.prototype.toString.call(m.frame_num) : o.longs === $Number ? new $util.LongBits(m.frame_num.low >>> 0, m.frame_num.high >>> 0).toNumber() : m.frame_num;
            }
            if (m.offset != null && $Object.hasOwnProperty.call(m, "offset")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.offset = typeof m.offset === "number" ? $BigInt(m.offset) : $util.Long.fromBits(m.offset.low >>> 0, m.offset.high >>> 0, false).toBigInt();
                else if (typeof m.offset === "number")
                    d.offset = o.longs === $String ? $String(m.offset) : m.offset;
                else
                    d.offset = o.longs === $String ? $util.Long.prototype.toString.call(m.offset) : o.longs === $Number ? new $util.LongBits(m.offset.low >>> 0, m.offset.high >>> 0).toNumber() : m.offset;
            }
            if (m.epoch != null && $Object.hasOwnProperty.call(m, "epoch")) {
                d.epoch = m.epoch;
            }
            if (m.recovered != null && $Object.hasOwnProperty.call(m, "recovered")) {
                d.recovered = m.recovered;
            }
            if (m.handle != null && $Object.hasOwnProperty.call(m, "handle")) {
                d.handle = m.handle;
            }
            if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                d.kind = m.kind;
            }
            if (m.state != null && $Object.hasOwnProperty.call(m, "state")) {
                d.state = $root.gameproto.StateFrame.toObject(m.state, o, q + 1);
            }
            if (m.schema != null && $Object.hasOwnProperty.call(m, "schema")) {
                d.schema = m.schema;
            }
            return d;
        };

        RoomJoined.prototype.toJSON = function() {
            return RoomJoined.toObject(this, $protobuf.util.toJSONOptions);
        };

        RoomJoined.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.RoomJoined";
        };

        return RoomJoined;
    })();

    gameproto.PlayerJoined = (function() {

        var PlayerJoined = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        PlayerJoined.prototype.room_id = "";
        PlayerJoined.prototype.player_id = "";
        PlayerJoined.prototype.nickname = "";
        PlayerJoined.prototype.entity_id = 0;
        PlayerJoined.prototype.client_id = "";

        PlayerJoined.create = function(properties) {
            return new PlayerJoined(properties);
        };

        PlayerJoined.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id") && m.player_id !== "")
                w.uint32(18).string(m.player_id);
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname") && m.nickname !== "")
                w.uint32(26).string(m.nickname);
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id") && m.entity_id !== 0)
                w.uint32(32).int32(m.entity_id);
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                w.uint32(42).string(m.client_id);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        PlayerJoined.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.PlayerJoined();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.player_id = v;
                        else
                            delete m.player_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.nickname = v;
                        else
                            delete m.nickname;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.entity_id = v;
                        else
                            delete m.entity_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.client_id = v;
                        else
                            delete m.client_id;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        PlayerJoined.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.PlayerJoined)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.PlayerJoined: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.PlayerJoined();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.player_id != null) {
                if (typeof d.player_id !== "string" || d.player_id.length) {
                    m.player_id = $String(d.player_id);
                }
            }
            if (d.nickname != null) {
                if (typeof d.nickname !== "string" || d.nickname.length) {
                    m.nickname = $String(d.nickname);
                }
            }
            if (d.entity_id != null) {
                if ($Number(d.entity_id) !== 0) {
                    m.entity_id = d.entity_id | 0;
                }
            }
            if (d.client_id != null) {
                if (typeof d.client_id !== "string" || d.client_id.length) {
                    m.client_id = $String(d.client_id);
                }
            }
            return m;
        };

        PlayerJoined.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.room_id = "";
                d.player_id = "";
                d.nickname = "";
                d.entity_id = 0;
                d.client_id = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id")) {
                d.player_id = m.player_id;
            }
            if (m.nickname != null && $Object.hasOwnProperty.call(m, "nickname")) {
                d.nickname = m.nickname;
            }
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id")) {
                d.entity_id = m.entity_id;
            }
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                d.client_id = m.client_id;
            }
            return d;
        };

        PlayerJoined.prototype.toJSON = function() {
            return PlayerJoined.toObject(this, $protobuf.util.toJSONOptions);
        };

        PlayerJoined.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.PlayerJoined";
        };

        return PlayerJoined;
    })();

    gameproto.PlayerLeft = (function() {

        var PlayerLeft = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        PlayerLeft.prototype.room_id = "";
        PlayerLeft.prototype.player_id = "";
        PlayerLeft.prototype.reason = "";
        PlayerLeft.prototype.entity_id = 0;
        PlayerLeft.prototype.client_id = "";
        PlayerLeft.prototype.detail = "";

        PlayerLeft.create = function(properties) {
            return new PlayerLeft(properties);
        };

        PlayerLeft.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id") && m.player_id !== "")
                w.uint32(18).string(m.player_id);
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason") && m.reason !== "")
                w.uint32(26).string(m.reason);
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id") && m.entity_id !== 0)
                w.uint32(32).int32(m.entity_id);
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                w.uint32(42).string(m.client_id);
            if (m.detail != null && $Object.hasOwnProperty.call(m, "detail") && m.detail !== "")
                w.uint32(50).string(m.detail);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        PlayerLeft.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.PlayerLeft();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.player_id = v;
                        else
                            delete m.player_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.reason = v;
                        else
                            delete m.reason;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (v = r.int32())
                            m.entity_id = v;
                        else
                            delete m.entity_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.client_id = v;
                        else
                            delete m.client_id;
                        continue;
                    }
                case 6: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.detail = v;
                        else
                            delete m.detail;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        PlayerLeft.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.PlayerLeft)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.PlayerLeft: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.PlayerLeft();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.player_id != null) {
                if (typeof d.player_id !== "string" || d.player_id.length) {
                    m.player_id = $String(d.player_id);
                }
            }
            if (d.reason != null) {
                if (typeof d.reason !== "string" || d.reason.length) {
                    m.reason = $String(d.reason);
                }
            }
            if (d.entity_id != null) {
                if ($Number(d.entity_id) !== 0) {
                    m.entity_id = d.entity_id | 0;
                }
            }
            if (d.client_id != null) {
                if (typeof d.client_id !== "string" || d.client_id.length) {
                    m.client_id = $String(d.client_id);
                }
            }
            if (d.detail != null) {
                if (typeof d.detail !== "string" || d.detail.length) {
                    m.detail = $String(d.detail);
                }
            }
            return m;
        };

        PlayerLeft.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.room_id = "";
                d.player_id = "";
                d.reason = "";
                d.entity_id = 0;
                d.client_id = "";
                d.detail = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id")) {
                d.player_id = m.player_id;
            }
            if (m.reason != null && $Object.hasOwnProperty.call(m, "reason")) {
                d.reason = m.reason;
            }
            if (m.entity_id != null && $Object.hasOwnProperty.call(m, "entity_id")) {
                d.entity_id = m.entity_id;
            }
            if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                d.client_id = m.client_id;
            }
            if (m.detail != null && $Object.hasOwnProperty.call(m, "detail")) {
                d.detail = m.detail;
            }
            return d;
        };

        PlayerLeft.prototype.toJSON = function() {
            return PlayerLeft.toObject(this, $protobuf.util.toJSONOptions);
        };

        PlayerLeft.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.PlayerLeft";
        };

        return PlayerLeft;
    })();

    gameproto.ChatMessage = (function() {

        var ChatMessage = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        ChatMessage.prototype.room_id = "";
        ChatMessage.prototype.to_client_id = "";
        ChatMessage.prototype.text = "";
        ChatMessage.prototype.from_client_id = "";
        ChatMessage.prototype.player_id = "";

        ChatMessage.create = function(properties) {
            return new ChatMessage(properties);
        };

        ChatMessage.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.to_client_id != null && $Object.hasOwnProperty.call(m, "to_client_id") && m.to_client_id !== "")
                w.uint32(18).string(m.to_client_id);
            if (m.text != null && $Object.hasOwnProperty.call(m, "text") && m.text !== "")
                w.uint32(26).string(m.text);
            if (m.from_client_id != null && $Object.hasOwnProperty.call(m, "from_client_id") && m.from_client_id !== "")
                w.uint32(34).string(m.from_client_id);
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id") && m.player_id !== "")
                w.uint32(42).string(m.player_id);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        ChatMessage.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.ChatMessage();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.to_client_id = v;
                        else
                            delete m.to_client_id;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.text = v;
                        else
                            delete m.text;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.from_client_id = v;
                        else
                            delete m.from_client_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.player_id = v;
                        else
                            delete m.player_id;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        ChatMessage.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.ChatMessage)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.ChatMessage: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.ChatMessage();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.to_client_id != null) {
                if (typeof d.to_client_id !== "string" || d.to_client_id.length) {
                    m.to_client_id = $String(d.to_client_id);
                }
            }
            if (d.text != null) {
                if (typeof d.text !== "string" || d.text.length) {
                    m.text = $String(d.text);
                }
            }
            if (d.from_client_id != null) {
                if (typeof d.from_client_id !== "string" || d.from_client_id.length) {
                    m.from_client_id = $String(d.from_client_id);
                }
            }
            if (d.player_id != null) {
                if (typeof d.player_id !== "string" || d.player_id.length) {
                    m.player_id = $String(d.player_id);
                }
            }
            return m;
        };

        ChatMessage.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.room_id = "";
                d.to_client_id = "";
                d.text = "";
                d.from_client_id = "";
                d.player_id = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.to_client_id != null && $Object.hasOwnProperty.call(m, "to_client_id")) {
                d.to_client_id = m.to_client_id;
            }
            if (m.text != null && $Object.hasOwnProperty.call(m, "text")) {
                d.text = m.text;
            }
            if (m.from_client_id != null && $Object.hasOwnProperty.call(m, "from_client_id")) {
                d.from_client_id = m.from_client_id;
            }
            if (m.player_id != null && $Object.hasOwnProperty.call(m, "player_id")) {
                d.player_id = m.player_id;
            }
            return d;
        };

        ChatMessage.prototype.toJSON = function() {
            return ChatMessage.toObject(this, $protobuf.util.toJSONOptions);
        };

        ChatMessage.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.ChatMessage";
        };

        return ChatMessage;
    })();

    gameproto.Ack = (function() {

        var Ack = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Ack.prototype.id = "";
        Ack.prototype.duplicate = false;

        Ack.create = function(properties) {
            return new Ack(properties);
        };

        Ack.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                w.uint32(10).string(m.id);
            if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate") && m.duplicate !== false)
                w.uint32(16).bool(m.duplicate);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Ack.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Ack();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.id = v;
                        else
                            delete m.id;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.duplicate = v;
                        else
                            delete m.duplicate;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Ack.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Ack)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Ack: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Ack();
            if (d.id != null) {
                if (typeof d.id !== "string" || d.id.length) {
                    m.id = $String(d.id);
                }
            }
            if (d.duplicate != null) {
                if (d.duplicate) {
                    m.duplicate = $Boolean(d.duplicate);
                }
            }
            return m;
        };

        Ack.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.id = "";
                d.duplicate = false;
            }
            if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                d.id = m.id;
            }
            if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate")) {
                d.duplicate = m.duplicate;
            }
            return d;
        };

        Ack.prototype.toJSON = function() {
            return Ack.toObject(this, $protobuf.util.toJSONOptions);
        };

        Ack.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Ack";
        };

        return Ack;
    })();

    gameproto.Error = (function() {

        var Error = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Error.prototype.code = "";
        Error.prototype.message = "";
        Error.prototype.ref_type = "";
        Error.prototype.ref_id = "";
        Error.prototype.owner_url = "";

        Error.create = function(properties) {
            return new Error(properties);
        };

        Error.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                w.uint32(10).string(m.code);
            if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                w.uint32(18).string(m.message);
            if (m.ref_type != null && $Object.hasOwnProperty.call(m, "ref_type") && m.ref_type !== "")
                w.uint32(26).string(m.ref_type);
            if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id") && m.ref_id !== "")
                w.uint32(34).string(m.ref_id);
            if (m.owner_url != null && $Object.hasOwnProperty.call(m, "owner_url") && m.owner_url !== "")
                w.uint32(42).string(m.owner_url);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Error.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Error();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.code = v;
                        else
                            delete m.code;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.message = v;
                        else
                            delete m.message;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.ref_type = v;
                        else
                            delete m.ref_type;
                        continue;
                    }
                case 4: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.ref_id = v;
                        else
                            delete m.ref_id;
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.owner_url = v;
                        else
                            delete m.owner_url;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Error.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Error)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Error: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Error();
            if (d.code != null) {
                if (typeof d.code !== "string" || d.code.length) {
                    m.code = $String(d.code);
                }
            }
            if (d.message != null) {
                if (typeof d.message !== "string" || d.message.length) {
                    m.message = $String(d.message);
                }
            }
            if (d.ref_type != null) {
                if (typeof d.ref_type !== "string" || d.ref_type.length) {
                    m.ref_type = $String(d.ref_type);
                }
            }
            if (d.ref_id != null) {
                if (typeof d.ref_id !== "string" || d.ref_id.length) {
                    m.ref_id = $String(d.ref_id);
                }
            }
            if (d.owner_url != null) {
                if (typeof d.owner_url !== "string" || d.owner_url.length) {
                    m.owner_url = $String(d.owner_url);
                }
            }
            return m;
        };

        Error.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.code = "";
                d.message = "";
                d.ref_type = "";
                d.ref_id = "";
                d.owner_url = "";
            }
            if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                d.code = m.code;
            }
            if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                d.message = m.message;
            }
            if (m.ref_type != null && $Object.hasOwnProperty.call(m, "ref_type")) {
                d.ref_type = m.ref_type;
            }
            if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id")) {
                d.ref_id = m.ref_id;
            }
            if (m.owner_url != null && $Object.hasOwnProperty.call(m, "owner_url")) {
                d.owner_url = m.owner_url;
            }
            return d;
        };

        Error.prototype.toJSON = function() {
            return Error.toObject(this, $protobuf.util.toJSONOptions);
        };

        Error.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Error";
        };

        return Error;
    })();

    gameproto.Ping = (function() {

        var Ping = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Ping.prototype.t = 0;

        Ping.create = function(properties) {
            return new Ping(properties);
        };

        Ping.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.t != null && $Object.hasOwnProperty.call(m, "t") && !$Object.is(m.t, 0))
                w.uint32(9).double(m.t);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Ping.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Ping();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 1)
                            break;
                        if (!$Object.is(v = r.double(), 0))
                            m.t = v;
                        else
                            delete m.t;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Ping.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Ping)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Ping: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Ping();
            if (d.t != null) {
                if (!$Object.is($Number(d.t), 0)) {
                    m.t = $Number(d.t);
                }
            }
            return m;
        };

        Ping.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.t = 0;
            }
            if (m.t != null && $Object.hasOwnProperty.call(m, "t")) {
                d.t = o.json && !$isFinite(m.t) ? $String(m.t) : m.t;
            }
            return d;
        };

        Ping.prototype.toJSON = function() {
            return Ping.toObject(this, $protobuf.util.toJSONOptions);
        };

        Ping.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Ping";
        };

        return Ping;
    })();

    gameproto.Resume = (function() {

        var Resume = function (p) {
            this.rooms = {};
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Resume.prototype.session_id = "";
        Resume.prototype.resume_token = "";
        Resume.prototype.rooms = $util.emptyObject;
        Resume.prototype.last_seq = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        Resume.create = function(properties) {
            return new Resume(properties);
        };

        Resume.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.session_id != null && $Object.hasOwnProperty.call(m, "session_id") && m.session_id !== "")
                w.uint32(10).string(m.session_id);
            if (m.resume_token != null && $Object.hasOwnProperty.call(m, "resume_token") && m.resume_token !== "")
                w.uint32(18).string(m.resume_token);
            if (m.rooms != null && $Object.hasOwnProperty.call(m, "rooms")) {
                for (var ks = $Object.keys(m.rooms), i = 0; i < ks.length; ++i) {
                    w.uint32(26).fork().uint32(10).string(ks[i]).uint32(16).int64(m.rooms[ks[i]]).ldelim();
                }
            }
            if (m.last_seq != null && $Object.hasOwnProperty.call(m, "last_seq") && (typeof m.last_seq === "object" ? m.last_seq.low || m.last_seq.high : m.last_seq !== 0))
                w.uint32(32).int64(m.last_seq);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Resume.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, k, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Resume();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.session_id = v;
                        else
                            delete m.session_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.resume_token = v;
                        else
                            delete m.resume_token;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if (m.rooms === $util.emptyObject)
                            m.rooms = {};
                        var c2 = r.size() + r.pos;
                        if (c2 > r.len)
                            throw $RangeError("index out of range");
                        r.len = c2;
                        k = "";
                        v = $util.Long ? $util.Long.fromNumber(0, false) : 0;
                        while (r.pos < c2) {
                            var t2 = r.tag();
                            u = t2 & 7;
                            switch (t2 >>>= 3) {
                            case 1:
                                if (u !== 2)
                                    break;
                                k = r.stringVerify();
                                continue;
                            case 2:
                                if (u !== 0)
                                    break;
                                v = r.int64();
                                continue;
                            }
                            r.skipType(u, q, t2);
                        }
                        if (r.pos !== c2)
                            throw $RangeError("index out of range");
                        r.len = c;
                        if (k === "__proto__")
                            $util.makeProp(m.rooms, k);
                        m.rooms[k] = v;
                        continue;
                    }
                case 4: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.last_seq = v;
                        else
                            delete m.last_seq;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Resume.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Resume)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Resume: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Resume();
            if (d.session_id != null) {
                if (typeof d.session_id !== "string" || d.session_id.length) {
                    m.session_id = $String(d.session_id);
                }
            }
            if (d.resume_token != null) {
                if (typeof d.resume_token !== "string" || d.resume_token.length) {
                    m.resume_token = $String(d.resume_token);
                }
            }
            if (d.rooms) {
                if (!$util.isObject(d.rooms))
                    throw $TypeError(".gameproto.Resume.rooms: object expected");
                m.rooms = {};
                for (var ks = $Object.keys(d.rooms), i = 0; i < ks.length; ++i) {
                    if (ks[i] === "__proto__")
                        $util.makeProp(m.rooms, ks[i]);
                    if ($util.Long)
                        m.rooms[ks[i]] = $util.Long.fromValue(d.rooms[ks[i]], false);
                    else if (typeof d.rooms[ks[i]] === "string")
                        m.rooms[ks[i]] = $parseInt(d.rooms[ks[i]], 10);
                    else if (typeof d.rooms[ks[i]] === "number")
                        m.rooms[ks[i]] = d.rooms[ks[i]];
                    else if (typeof d.rooms[ks[i]] === "object")
                        m.rooms[ks[i]] = new $util.LongBits(d.rooms[ks[i]].low >>> 0, d.rooms[ks[i]].high >>> 0).toNumber();
                }
            }
            if (d.last_seq != null) {
                if (typeof d.last_seq === "object" ? d.last_seq.low || d.last_seq.high : $Number(d.last_seq) !== 0) {
                    if ($util.Long)
                        m.last_seq = $util.Long.fromValue(d.last_seq, false);
                    else if (typeof d.last_seq === "string")
                        m.last_seq = $parseInt(d.last_seq, 10);
                    else if (typeof d.last_seq === "number")
                        m.last_seq = d.last_seq;
                    else if (typeof d.last_seq === "object")
                        m.last_seq = new $util.LongBits(d.last_seq.low >>> 0, d.last_seq.high >>> 0).toNumber();
                }
            }
            return m;
        };

        Resume.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.objects || o.defaults) {
                d.rooms = {};
            }
            if (o.defaults) {
                d.session_id = "";
                d.resume_token = "";
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.last_seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.last_seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.session_id != null && $Object.hasOwnProperty.call(m, "session_id")) {
                d.session_id = m.session_id;
            }
            if (m.resume_token != null && $Object.hasOwnProperty.call(m, "resume_token")) {
                d.resume_token = m.resume_token;
            }
            var ks2;
            if (m.rooms && (ks2 = $Object.keys(m.rooms)).length) {
                d.rooms = {};
                for (var j = 0; j < ks2.length; ++j) {
                    if (ks2[j] === "__proto__")
                        $util.makeProp(d.rooms, ks2[j]);
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rooms[ks2[j]] = typeof m.rooms[ks2[j]] === "number" ? $BigInt(m.rooms[ks2[j]]) : $util.Long.fromBits(m.rooms[ks2[j]].low >>> 0, m.rooms[ks2[j]].high >>> 0, false).toBigInt();
                    else if (typeof m.rooms[ks2[j]] === "number")
                        d.rooms[ks2[j]] = o.longs === $String ? $String(m.rooms[ks2[j]]) : m.rooms[ks2[j]];
                    else
                        d.rooms[ks2[j]] = o.longs === $String ? $util.Long.prototype.toString.call(m.rooms[ks2[j]]) : o.longs === $Number ? new $util.LongBits(m.rooms[ks2[j]].low >>> 0, m.rooms[ks2[j]].high >>> 0).toNumber() : m.rooms[ks2[j]];
                }
            }
            if (m.last_seq != null && $Object.hasOwnProperty.call(m, "last_seq")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.last_seq = typeof m.last_seq === "number" ? $BigInt(m.last_seq) : $util.Long.fromBits(m.last_seq.low >>> 0, m.last_seq.high >>> 0, false).toBigInt();
                else if (typeof m.last_seq === "number")
                    d.last_seq = o.longs === $String ? $String(m.last_seq) : m.last_seq;
                else
                    d.last_seq = o.longs === $String ? $util.Long.prototype.toString.call(m.last_seq) : o.longs === $Number ? new $util.LongBits(m.last_seq.low >>> 0, m.last_seq.high >>> 0).toNumber() : m.last_seq;
            }
            return d;
        };

        Resume.prototype.toJSON = function() {
            return Resume.toObject(this, $protobuf.util.toJSONOptions);
        };

        Resume.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Resume";
        };

        return Resume;
    })();

    gameproto.Batch = (function() {

        var Batch = function (p) {
            this.messages = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Batch.prototype.messages = $util.emptyArray;

        Batch.create = function(properties) {
            return new Batch(properties);
        };

        Batch.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.messages != null && m.messages.length) {
                for (var i = 0; i < m.messages.length; ++i)
                    $root.gameproto.Message.encode(m.messages[i], w.uint32(10).fork(), q + 1).ldelim();
            }
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Batch.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Batch();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if (!(m.messages && m.messages.length))
                            m.messages = [];
                        m.messages.push($root.gameproto.Message.decode(r, r.size(), $undefined, q + 1));
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Batch.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Batch)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Batch: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Batch();
            if (d.messages) {
                if (!$Array.isArray(d.messages))
                    throw $TypeError(".gameproto.Batch.messages: array expected");
                m.messages = $Array(d.messages.length);
                for (var i = 0; i < d.messages.length; ++i) {
                    if (!$util.isObject(d.messages[i]))
                        throw $TypeError(".gameproto.Batch.messages: object expected");
                    m.messages[i] = $root.gameproto.Message.fromObject(d.messages[i], q + 1);
                }
            }
            return m;
        };

        Batch.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.messages = [];
            }
            if (m.messages && m.messages.length) {
                d.messages = $Array(m.messages.length);
                for (var j = 0; j < m.messages.length; ++j) {
                    d.messages[j] = $root.gameproto.Message.toObject(m.messages[j], o, q + 1);
                }
            }
            return d;
        };

        Batch.prototype.toJSON = function() {
            return Batch.toObject(this, $protobuf.util.toJSONOptions);
        };

        Batch.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Batch";
        };

        return Batch;
    })();

    gameproto.Refresh = (function() {

        var Refresh = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Refresh.prototype.token = "";

        Refresh.create = function(properties) {
            return new Refresh(properties);
        };

        Refresh.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.token != null && $Object.hasOwnProperty.call(m, "token") && m.token !== "")
                w.uint32(10).string(m.token);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Refresh.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Refresh();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.token = v;
                        else
                            delete m.token;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Refresh.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Refresh)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Refresh: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Refresh();
            if (d.token != null) {
                if (typeof d.token !== "string" || d.token.length) {
                    m.token = $String(d.token);
                }
            }
            return m;
        };

        Refresh.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.token = "";
            }
            if (m.token != null && $Object.hasOwnProperty.call(m, "token")) {
                d.token = m.token;
            }
            return d;
        };

        Refresh.prototype.toJSON = function() {
            return Refresh.toObject(this, $protobuf.util.toJSONOptions);
        };

        Refresh.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Refresh";
        };

        return Refresh;
    })();

    gameproto.Refreshed = (function() {

        var Refreshed = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        Refreshed.prototype.token_expires_at = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

        Refreshed.create = function(properties) {
            return new Refreshed(properties);
        };

        Refreshed.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.token_expires_at != null && $Object.hasOwnProperty.call(m, "token_expires_at") && (typeof m.token_expires_at === "object" ? m.token_expires_at.low || m.token_expires_at.high : m.token_expires_at !== 0))
                w.uint32(8).int64(m.token_expires_at);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        Refreshed.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.Refreshed();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.token_expires_at = v;
                        else
                            delete m.token_expires_at;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        Refreshed.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.Refreshed)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.Refreshed: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.Refreshed();
            if (d.token_expires_at != null) {
                if (typeof d.token_expires_at === "object" ? d.token_expires_at.low || d.token_expires_at.high : $Number(d.token_expires_at) !== 0) {
                    if ($util.Long)
                        m.token_expires_at = $util.Long.fromValue(d.token_expires_at, false);
                    else if (typeof d.token_expires_at === "string")
                        m.token_expires_at = $parseInt(d.token_expires_at, 10);
                    else if (typeof d.token_expires_at === "number")
                        m.token_expires_at = d.token_expires_at;
                    else if (typeof d.token_expires_at === "object")
                        m.token_expires_at = new $util.LongBits(d.token_expires_at.low >>> 0, d.token_expires_at.high >>> 0).toNumber();
                }
            }
            return m;
        };

        Refreshed.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.token_expires_at = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.token_expires_at = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.token_expires_at != null && $Object.hasOwnProperty.call(m, "token_expires_at")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.token_expires_at = typeof m.token_expires_at === "number" ? $BigInt(m.token_expires_at) : $util.Long.fromBits(m.token_expires_at.low >>> 0, m.token_expires_at.high >>> 0, false).toBigInt();
                else if (typeof m.token_expires_at === "number")
                    d.token_expires_at = o.longs === $String ? $String(m.token_expires_at) : m.token_expires_at;
                else
                    d.token_expires_at = o.longs === $String ? $util.Long.prototype.toString.call(m.token_expires_at) : o.longs === $Number ? new $util.LongBits(m.token_expires_at.low >>> 0, m.token_expires_at.high >>> 0).toNumber() : m.token_expires_at;
            }
            return d;
        };

        Refreshed.prototype.toJSON = function() {
            return Refreshed.toObject(this, $protobuf.util.toJSONOptions);
        };

        Refreshed.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.Refreshed";
        };

        return Refreshed;
    })();

    gameproto.StateFrame = (function() {

        var StateFrame = function (p) {
            this.ops = [];
            this.strings = [];
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        StateFrame.prototype.room = 0;
        StateFrame.prototype.frame = 0;
        StateFrame.prototype.key = false;
        StateFrame.prototype.ops = $util.emptyArray;
        StateFrame.prototype.strings = $util.emptyArray;
        StateFrame.prototype.time = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
        StateFrame.prototype.base = null;

        var $oneOfFields;

        // Virtual OneOf for proto3 optional field
        $Object.defineProperty(StateFrame.prototype, "_base", {
            get: $util.oneOfGetter($oneOfFields = ["base"]),
            set: $util.oneOfSetter($oneOfFields)
        });

        StateFrame.create = function(properties) {
            return new StateFrame(properties);
        };

        StateFrame.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room != null && $Object.hasOwnProperty.call(m, "room") && m.room !== 0)
                w.uint32(8).uint32(m.room);
            if (m.frame != null && $Object.hasOwnProperty.call(m, "frame") && m.frame !== 0)
                w.uint32(16).uint32(m.frame);
            if (m.key != null && $Object.hasOwnProperty.call(m, "key") && m.key !== false)
                w.uint32(24).bool(m.key);
            if (m.ops != null && m.ops.length) {
                w.uint32(34).sint32s(m.ops);
            }
            if (m.strings != null && m.strings.length) {
                for (var i = 0; i < m.strings.length; ++i)
                    w.uint32(42).string(m.strings[i]);
            }
            if (m.time != null && $Object.hasOwnProperty.call(m, "time") && (typeof m.time === "object" ? m.time.low || m.time.high : m.time !== 0))
                w.uint32(48).int64(m.time);
            if (m.base != null && $Object.hasOwnProperty.call(m, "base"))
                w.uint32(56).uint32(m.base);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        StateFrame.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.StateFrame();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.room = v;
                        else
                            delete m.room;
                        continue;
                    }
                case 2: {
                        if (u !== 0)
                            break;
                        if (v = r.uint32())
                            m.frame = v;
                        else
                            delete m.frame;
                        continue;
                    }
                case 3: {
                        if (u !== 0)
                            break;
                        if (v = r.bool())
                            m.key = v;
                        else
                            delete m.key;
                        continue;
                    }
                case 4: {
                        if (u === 2) {
                            if (!(m.ops && m.ops.length))
                                m.ops = [];
                            r.sint32s(m.ops);
                            continue;
                        }
                        if (u !== 0)
                            break;
                        if (!(m.ops && m.ops.length))
                            m.ops = [];
                        m.ops.push(r.sint32());
                        continue;
                    }
                case 5: {
                        if (u !== 2)
                            break;
                        if (!(m.strings && m.strings.length))
                            m.strings = [];
                        m.strings.push(r.stringVerify());
                        continue;
                    }
                case 6: {
                        if (u !== 0)
                            break;
                        if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                            m.time = v;
                        else
                            delete m.time;
                        continue;
                    }
                case 7: {
                        if (u !== 0)
                            break;
                        m.base = r.uint32();
                        m._base = "base";
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        StateFrame.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.StateFrame)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.StateFrame: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.StateFrame();
            if (d.room != null) {
                if ($Number(d.room) !== 0) {
                    m.room = d.room >>> 0;
                }
            }
            if (d.frame != null) {
                if ($Number(d.frame) !== 0) {
                    m.frame = d.frame >>> 0;
                }
            }
            if (d.key != null) {
                if (d.key) {
                    m.key = $Boolean(d.key);
                }
            }
            if (d.ops) {
                if (!$Array.isArray(d.ops))
                    throw $TypeError(".gameproto.StateFrame.ops: array expected");
                m.ops = $Array(d.ops.length);
                for (var i = 0; i < d.ops.length; ++i) {
                    m.ops[i] = d.ops[i] | 0;
                }
            }
            if (d.strings) {
                if (!$Array.isArray(d.strings))
                    throw $TypeError(".gameproto.StateFrame.strings: array expected");
                m.strings = $Array(d.strings.length);
                for (var i = 0; i < d.strings.length; ++i) {
                    m.strings[i] = $String(d.strings[i]);
                }
            }
            if (d.time != null) {
                if (typeof d.time === "object" ? d.time.low || d.time.high : $Number(d.time) !== 0) {
                    if ($util.Long)
                        m.time = $util.Long.fromValue(d.time, false);
                    else if (typeof d.time === "string")
                        m.time = $parseInt(d.time, 10);
                    else if (typeof d.time === "number")
                        m.time = d.time;
                    else if (typeof d.time === "object")
                        m.time = new $util.LongBits(d.time.low >>> 0, d.time.high >>> 0).toNumber();
                }
            }
            if (d.base != null) {
                m.base = d.base >>> 0;
            }
            return m;
        };

        StateFrame.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.arrays || o.defaults) {
                d.ops = [];
                d.strings = [];
            }
            if (o.defaults) {
                d.room = 0;
                d.frame = 0;
                d.key = false;
                if ($util.Long) {
                    var n = new $util.Long(0, 0, false);
                    d.time = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                } else
                    d.time = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
            }
            if (m.room != null && $Object.hasOwnProperty.call(m, "room")) {
                d.room = m.room;
            }
            if (m.frame != null && $Object.hasOwnProperty.call(m, "frame")) {
                d.frame = m.frame;
            }
            if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                d.key = m.key;
            }
            if (m.ops && m.ops.length) {
                d.ops = $Array(m.ops.length);
                for (var j = 0; j < m.ops.length; ++j) {
                    d.ops[j] = m.ops[j];
                }
            }
            if (m.strings && m.strings.length) {
                d.strings = $Array(m.strings.length);
                for (var j = 0; j < m.strings.length; ++j) {
                    d.strings[j] = m.strings[j];
                }
            }
            if (m.time != null && $Object.hasOwnProperty.call(m, "time")) {
                if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                    d.time = typeof m.time === "number" ? $BigInt(m.time) : $util.Long.fromBits(m.time.low >>> 0, m.time.high >>> 0, false).toBigInt();
                else if (typeof m.time === "number")
                    d.time = o.longs === $String ? $String(m.time) : m.time;
                else
                    d.time = o.longs === $String ? $util.Long.prototype.toString.call(m.time) : o.longs === $Number ? new $util.LongBits(m.time.low >>> 0, m.time.high >>> 0).toNumber() : m.time;
            }
            if (m.base != null && $Object.hasOwnProperty.call(m, "base")) {
                d.base = m.base;
            }
            return d;
        };

        StateFrame.prototype.toJSON = function() {
            return StateFrame.toObject(this, $protobuf.util.toJSONOptions);
        };

        StateFrame.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.StateFrame";
        };

        return StateFrame;
    })();

    gameproto.RoomEvent = (function() {

        var RoomEvent = function (p) {
            if (p)
                for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                    if (p[ks[i]] != null && ks[i] !== "__proto__")
                        this[ks[i]] = p[ks[i]];
        };

        RoomEvent.prototype.room_id = "";
        RoomEvent.prototype.name = "";
        RoomEvent.prototype.data = "";

        RoomEvent.create = function(properties) {
            return new RoomEvent(properties);
        };

        RoomEvent.encode = function (m, w, q) {
            if (!w)
                w = $Writer.create();
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                w.uint32(10).string(m.room_id);
            if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                w.uint32(18).string(m.name);
            if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data !== "")
                w.uint32(26).string(m.data);
            if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                for (var i = 0; i < m.$unknowns.length; ++i)
                    w.raw(m.$unknowns[i]);
            return w;
        };

        RoomEvent.decode = function (r, l, z, q, g) {
            if (!(r instanceof $Reader))
                r = $Reader.create(r);
            if (q === $undefined)
                q = 0;
            if (q > $Reader.recursionLimit)
                throw $Error("max depth exceeded");
            var c, m, v;
            if (l === $undefined)
                c = r.len;
            else {
                c = r.pos + l;
                if (c > r.len)
                    throw $RangeError("index out of range");
                l = r.len;
                r.len = c;
            }
            m = g || new $root.gameproto.RoomEvent();
            while (r.pos < c) {
                var s = r.pos;
                var t = r.tag();
                if (t === z) {
                    z = $undefined;
                    break;
                }
                var u = t & 7;
                switch (t >>>= 3) {
                case 1: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.room_id = v;
                        else
                            delete m.room_id;
                        continue;
                    }
                case 2: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.name = v;
                        else
                            delete m.name;
                        continue;
                    }
                case 3: {
                        if (u !== 2)
                            break;
                        if ((v = r.stringVerify()).length)
                            m.data = v;
                        else
                            delete m.data;
                        continue;
                    }
                }
                r.skipType(u, q, t);
                if (!r.discardUnknown) {
                    $util.makeProp(m, "$unknowns", false);
                    (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                }
            }
            if (l !== $undefined) {
                if (r.pos !== c)
                    throw $RangeError("index out of range");
                r.len = l;
            }
            if (z !== $undefined)
                throw $Error("missing end group");
            return m;
        };

        RoomEvent.fromObject = function (d, q) {
            if (d instanceof $root.gameproto.RoomEvent)
                return d;
            if (!$util.isObject(d))
                throw $TypeError(".gameproto.RoomEvent: object expected");
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var m = new $root.gameproto.RoomEvent();
            if (d.room_id != null) {
                if (typeof d.room_id !== "string" || d.room_id.length) {
                    m.room_id = $String(d.room_id);
                }
            }
            if (d.name != null) {
                if (typeof d.name !== "string" || d.name.length) {
                    m.name = $String(d.name);
                }
            }
            if (d.data != null) {
                if (typeof d.data !== "string" || d.data.length) {
                    m.data = $String(d.data);
                }
            }
            return m;
        };

        RoomEvent.toObject = function (m, o, q) {
            if (!o)
                o = {};
            if (q === $undefined)
                q = 0;
            if (q > $util.recursionLimit)
                throw $Error("max depth exceeded");
            var d = {};
            if (o.defaults) {
                d.room_id = "";
                d.name = "";
                d.data = "";
            }
            if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                d.room_id = m.room_id;
            }
            if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                d.name = m.name;
            }
            if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                d.data = m.data;
            }
            return d;
        };

        RoomEvent.prototype.toJSON = function() {
            return RoomEvent.toObject(this, $protobuf.util.toJSONOptions);
        };

        RoomEvent.getTypeUrl = function(prefix) {
            if (prefix === $undefined)
                prefix = "type.googleapis.com";
            return prefix + "/gameproto.RoomEvent";
        };

        return RoomEvent;
    })();

    return gameproto;
})();

module.exports = $root;
