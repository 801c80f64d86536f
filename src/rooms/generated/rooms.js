/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.roomsproto = (function() {

    var roomsproto = {};

    roomsproto.v1 = (function() {

        var v1 = {};

        v1.RoomBroadcast = (function() {

            var RoomBroadcast = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RoomBroadcast.prototype.message = $util.newBuffer([]);
            RoomBroadcast.prototype.except = "";

            RoomBroadcast.create = function(properties) {
                return new RoomBroadcast(properties);
            };

            RoomBroadcast.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message.length)
                    w.uint32(10).bytes(m.message);
                if (m.except != null && $Object.hasOwnProperty.call(m, "except") && m.except !== "")
                    w.uint32(18).string(m.except);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RoomBroadcast.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.RoomBroadcast();
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
                            if ((v = r.bytes()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.except = v;
                            else
                                delete m.except;
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

            RoomBroadcast.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.RoomBroadcast)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.RoomBroadcast: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.RoomBroadcast();
                if (d.message != null) {
                    if (d.message.length) {
                        if (typeof d.message === "string")
                            $util.base64.decode(d.message, m.message = $util.newBuffer($util.base64.length(d.message)), 0);
                        else if (d.message.length >= 0)
                            m.message = d.message;
                    }
                }
                if (d.except != null) {
                    if (typeof d.except !== "string" || d.except.length) {
                        m.except = $String(d.except);
                    }
                }
                return m;
            };

            RoomBroadcast.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if (o.bytes === $String)
                        d.message = "";
                    else {
                        d.message = [];
                        if (o.bytes !== $Array)
                            d.message = $util.newBuffer(d.message);
                    }
                    d.except = "";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = o.bytes === $String ? $util.base64.encode(m.message, 0, m.message.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.message) : m.message;
                }
                if (m.except != null && $Object.hasOwnProperty.call(m, "except")) {
                    d.except = m.except;
                }
                return d;
            };

            RoomBroadcast.prototype.toJSON = function() {
                return RoomBroadcast.toObject(this, $protobuf.util.toJSONOptions);
            };

            RoomBroadcast.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.RoomBroadcast";
            };

            return RoomBroadcast;
        })();

        v1.RoomFrame = (function() {

            var RoomFrame = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RoomFrame.prototype.frame = 0;
            RoomFrame.prototype.time = $util.Long ? $util.Long.fromBits(0,0,false) : 0;
            RoomFrame.prototype.delta = $util.newBuffer([]);
            RoomFrame.prototype.key = $util.newBuffer([]);
            RoomFrame.prototype.key_only = false;
            RoomFrame.prototype.sync = $util.newBuffer([]);

            RoomFrame.create = function(properties) {
                return new RoomFrame(properties);
            };

            RoomFrame.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.frame != null && $Object.hasOwnProperty.call(m, "frame") && m.frame !== 0)
                    w.uint32(8).uint32(m.frame);
                if (m.time != null && $Object.hasOwnProperty.call(m, "time") && (typeof m.time === "object" ? m.time.low || m.time.high : m.time !== 0))
                    w.uint32(16).int64(m.time);
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta") && m.delta.length)
                    w.uint32(26).bytes(m.delta);
                if (m.key != null && $Object.hasOwnProperty.call(m, "key") && m.key.length)
                    w.uint32(34).bytes(m.key);
                if (m.key_only != null && $Object.hasOwnProperty.call(m, "key_only") && m.key_only !== false)
                    w.uint32(40).bool(m.key_only);
                if (m.sync != null && $Object.hasOwnProperty.call(m, "sync") && m.sync.length)
                    w.uint32(50).bytes(m.sync);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RoomFrame.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.RoomFrame();
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
                                m.frame = v;
                            else
                                delete m.frame;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.time = v;
                            else
                                delete m.time;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.delta = v;
                            else
                                delete m.delta;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.key = v;
                            else
                                delete m.key;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.key_only = v;
                            else
                                delete m.key_only;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.sync = v;
                            else
                                delete m.sync;
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

            RoomFrame.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.RoomFrame)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.RoomFrame: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.RoomFrame();
                if (d.frame != null) {
                    if ($Number(d.frame) !== 0) {
                        m.frame = d.frame >>> 0;
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
                if (d.delta != null) {
                    if (d.delta.length) {
                        if (typeof d.delta === "string")
                            $util.base64.decode(d.delta, m.delta = $util.newBuffer($util.base64.length(d.delta)), 0);
                        else if (d.delta.length >= 0)
                            m.delta = d.delta;
                    }
                }
                if (d.key != null) {
                    if (d.key.length) {
                        if (typeof d.key === "string")
                            $util.base64.decode(d.key, m.key = $util.newBuffer($util.base64.length(d.key)), 0);
                        else if (d.key.length >= 0)
                            m.key = d.key;
                    }
                }
                if (d.key_only != null) {
                    if (d.key_only) {
                        m.key_only = $Boolean(d.key_only);
                    }
                }
                if (d.sync != null) {
                    if (d.sync.length) {
                        if (typeof d.sync === "string")
                            $util.base64.decode(d.sync, m.sync = $util.newBuffer($util.base64.length(d.sync)), 0);
                        else if (d.sync.length >= 0)
                            m.sync = d.sync;
                    }
                }
                return m;
            };

            RoomFrame.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.frame = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.time = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.time = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if (o.bytes === $String)
                        d.delta = "";
                    else {
                        d.delta = [];
                        if (o.bytes !== $Array)
                            d.delta = $util.newBuffer(d.delta);
                    }
                    if (o.bytes === $String)
                        d.key = "";
                    else {
                        d.key = [];
                        if (o.bytes !== $Array)
                            d.key = $util.newBuffer(d.key);
                    }
                    d.key_only = false;
                    if (o.bytes === $String)
                        d.sync = "";
                    else {
                        d.sync = [];
                        if (o.bytes !== $Array)
                            d.sync = $util.newBuffer(d.sync);
                    }
                }
                if (m.frame != null && $Object.hasOwnProperty.call(m, "frame")) {
                    d.frame = m.frame;
                }
                if (m.time != null && $Object.hasOwnProperty.call(m, "time")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.time = typeof m.time === "number" ? $BigInt(m.time) : $util.Long.fromBits(m.time.low >>> 0, m.time.high >>> 0, false).toBigInt();
                    else if (typeof m.time === "number")
                        d.time = o.longs === $String ? $String(m.time) : m.time;
                    else
                        d.time = o.longs === $String ? $util.Long.prototype.toString.call(m.time) : o.longs === $Number ? new $util.LongBits(m.time.low >>> 0, m.time.high >>> 0).toNumber() : m.time;
                }
                if (m.delta != null && $Object.hasOwnProperty.call(m, "delta")) {
                    d.delta = o.bytes === $String ? $util.base64.encode(m.delta, 0, m.delta.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.delta) : m.delta;
                }
                if (m.key != null && $Object.hasOwnProperty.call(m, "key")) {
                    d.key = o.bytes === $String ? $util.base64.encode(m.key, 0, m.key.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.key) : m.key;
                }
                if (m.key_only != null && $Object.hasOwnProperty.call(m, "key_only")) {
                    d.key_only = m.key_only;
                }
                if (m.sync != null && $Object.hasOwnProperty.call(m, "sync")) {
                    d.sync = o.bytes === $String ? $util.base64.encode(m.sync, 0, m.sync.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.sync) : m.sync;
                }
                return d;
            };

            RoomFrame.prototype.toJSON = function() {
                return RoomFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            RoomFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.RoomFrame";
            };

            return RoomFrame;
        })();

        v1.KeyframeRequest = (function() {

            var KeyframeRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            KeyframeRequest.create = function(properties) {
                return new KeyframeRequest(properties);
            };

            KeyframeRequest.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            KeyframeRequest.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.KeyframeRequest();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    r.skipType(t & 7, q, t);
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

            KeyframeRequest.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.KeyframeRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.KeyframeRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.roomsproto.v1.KeyframeRequest();
            };

            KeyframeRequest.toObject = function () {
                return {};
            };

            KeyframeRequest.prototype.toJSON = function() {
                return KeyframeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeyframeRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.KeyframeRequest";
            };

            return KeyframeRequest;
        })();

        return v1;
    })();

    return roomsproto;
})();

module.exports = $root;
