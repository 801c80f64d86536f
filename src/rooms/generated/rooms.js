/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt;

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
            RoomBroadcast.prototype.in_cell = 0;

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
                if (m.in_cell != null && $Object.hasOwnProperty.call(m, "in_cell") && m.in_cell !== 0)
                    w.uint32(24).uint32(m.in_cell);
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
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.in_cell = v;
                            else
                                delete m.in_cell;
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
                if (d.in_cell != null) {
                    if ($Number(d.in_cell) !== 0) {
                        m.in_cell = d.in_cell >>> 0;
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
                    d.in_cell = 0;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = o.bytes === $String ? $util.base64.encode(m.message, 0, m.message.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.message) : m.message;
                }
                if (m.except != null && $Object.hasOwnProperty.call(m, "except")) {
                    d.except = m.except;
                }
                if (m.in_cell != null && $Object.hasOwnProperty.call(m, "in_cell")) {
                    d.in_cell = m.in_cell;
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
                this.cells = [];
                this.keys = [];
                this.views = [];
                this.syncs = [];
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
            RoomFrame.prototype.interest = false;
            RoomFrame.prototype.cells = $util.emptyArray;
            RoomFrame.prototype.keys = $util.emptyArray;
            RoomFrame.prototype.global_key = $util.newBuffer([]);
            RoomFrame.prototype.views = $util.emptyArray;
            RoomFrame.prototype.syncs = $util.emptyArray;

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
                if (m.interest != null && $Object.hasOwnProperty.call(m, "interest") && m.interest !== false)
                    w.uint32(56).bool(m.interest);
                if (m.cells != null && m.cells.length) {
                    for (var i = 0; i < m.cells.length; ++i)
                        $root.roomsproto.v1.CellBody.encode(m.cells[i], w.uint32(66).fork(), q + 1).ldelim();
                }
                if (m.keys != null && m.keys.length) {
                    for (var i = 0; i < m.keys.length; ++i)
                        $root.roomsproto.v1.CellBody.encode(m.keys[i], w.uint32(74).fork(), q + 1).ldelim();
                }
                if (m.global_key != null && $Object.hasOwnProperty.call(m, "global_key") && m.global_key.length)
                    w.uint32(82).bytes(m.global_key);
                if (m.views != null && m.views.length) {
                    for (var i = 0; i < m.views.length; ++i)
                        $root.roomsproto.v1.ViewUpdate.encode(m.views[i], w.uint32(90).fork(), q + 1).ldelim();
                }
                if (m.syncs != null && m.syncs.length) {
                    for (var i = 0; i < m.syncs.length; ++i)
                        $root.roomsproto.v1.ClientSync.encode(m.syncs[i], w.uint32(98).fork(), q + 1).ldelim();
                }
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
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.interest = v;
                            else
                                delete m.interest;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if (!(m.cells && m.cells.length))
                                m.cells = [];
                            m.cells.push($root.roomsproto.v1.CellBody.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if (!(m.keys && m.keys.length))
                                m.keys = [];
                            m.keys.push($root.roomsproto.v1.CellBody.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.global_key = v;
                            else
                                delete m.global_key;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if (!(m.views && m.views.length))
                                m.views = [];
                            m.views.push($root.roomsproto.v1.ViewUpdate.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if (!(m.syncs && m.syncs.length))
                                m.syncs = [];
                            m.syncs.push($root.roomsproto.v1.ClientSync.decode(r, r.size(), $undefined, q + 1));
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
                if (d.interest != null) {
                    if (d.interest) {
                        m.interest = $Boolean(d.interest);
                    }
                }
                if (d.cells) {
                    if (!$Array.isArray(d.cells))
                        throw $TypeError(".roomsproto.v1.RoomFrame.cells: array expected");
                    m.cells = $Array(d.cells.length);
                    for (var i = 0; i < d.cells.length; ++i) {
                        if (!$util.isObject(d.cells[i]))
                            throw $TypeError(".roomsproto.v1.RoomFrame.cells: object expected");
                        m.cells[i] = $root.roomsproto.v1.CellBody.fromObject(d.cells[i], q + 1);
                    }
                }
                if (d.keys) {
                    if (!$Array.isArray(d.keys))
                        throw $TypeError(".roomsproto.v1.RoomFrame.keys: array expected");
                    m.keys = $Array(d.keys.length);
                    for (var i = 0; i < d.keys.length; ++i) {
                        if (!$util.isObject(d.keys[i]))
                            throw $TypeError(".roomsproto.v1.RoomFrame.keys: object expected");
                        m.keys[i] = $root.roomsproto.v1.CellBody.fromObject(d.keys[i], q + 1);
                    }
                }
                if (d.global_key != null) {
                    if (d.global_key.length) {
                        if (typeof d.global_key === "string")
                            $util.base64.decode(d.global_key, m.global_key = $util.newBuffer($util.base64.length(d.global_key)), 0);
                        else if (d.global_key.length >= 0)
                            m.global_key = d.global_key;
                    }
                }
                if (d.views) {
                    if (!$Array.isArray(d.views))
                        throw $TypeError(".roomsproto.v1.RoomFrame.views: array expected");
                    m.views = $Array(d.views.length);
                    for (var i = 0; i < d.views.length; ++i) {
                        if (!$util.isObject(d.views[i]))
                            throw $TypeError(".roomsproto.v1.RoomFrame.views: object expected");
                        m.views[i] = $root.roomsproto.v1.ViewUpdate.fromObject(d.views[i], q + 1);
                    }
                }
                if (d.syncs) {
                    if (!$Array.isArray(d.syncs))
                        throw $TypeError(".roomsproto.v1.RoomFrame.syncs: array expected");
                    m.syncs = $Array(d.syncs.length);
                    for (var i = 0; i < d.syncs.length; ++i) {
                        if (!$util.isObject(d.syncs[i]))
                            throw $TypeError(".roomsproto.v1.RoomFrame.syncs: object expected");
                        m.syncs[i] = $root.roomsproto.v1.ClientSync.fromObject(d.syncs[i], q + 1);
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
                if (o.arrays || o.defaults) {
                    d.cells = [];
                    d.keys = [];
                    d.views = [];
                    d.syncs = [];
                }
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
                    d.interest = false;
                    if (o.bytes === $String)
                        d.global_key = "";
                    else {
                        d.global_key = [];
                        if (o.bytes !== $Array)
                            d.global_key = $util.newBuffer(d.global_key);
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
                if (m.interest != null && $Object.hasOwnProperty.call(m, "interest")) {
                    d.interest = m.interest;
                }
                if (m.cells && m.cells.length) {
                    d.cells = $Array(m.cells.length);
                    for (var j = 0; j < m.cells.length; ++j) {
                        d.cells[j] = $root.roomsproto.v1.CellBody.toObject(m.cells[j], o, q + 1);
                    }
                }
                if (m.keys && m.keys.length) {
                    d.keys = $Array(m.keys.length);
                    for (var j = 0; j < m.keys.length; ++j) {
                        d.keys[j] = $root.roomsproto.v1.CellBody.toObject(m.keys[j], o, q + 1);
                    }
                }
                if (m.global_key != null && $Object.hasOwnProperty.call(m, "global_key")) {
                    d.global_key = o.bytes === $String ? $util.base64.encode(m.global_key, 0, m.global_key.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.global_key) : m.global_key;
                }
                if (m.views && m.views.length) {
                    d.views = $Array(m.views.length);
                    for (var j = 0; j < m.views.length; ++j) {
                        d.views[j] = $root.roomsproto.v1.ViewUpdate.toObject(m.views[j], o, q + 1);
                    }
                }
                if (m.syncs && m.syncs.length) {
                    d.syncs = $Array(m.syncs.length);
                    for (var j = 0; j < m.syncs.length; ++j) {
                        d.syncs[j] = $root.roomsproto.v1.ClientSync.toObject(m.syncs[j], o, q + 1);
                    }
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

        v1.CellBody = (function() {

            var CellBody = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            CellBody.prototype.cell = 0;
            CellBody.prototype.body = $util.newBuffer([]);

            CellBody.create = function(properties) {
                return new CellBody(properties);
            };

            CellBody.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.cell != null && $Object.hasOwnProperty.call(m, "cell") && m.cell !== 0)
                    w.uint32(8).uint32(m.cell);
                if (m.body != null && $Object.hasOwnProperty.call(m, "body") && m.body.length)
                    w.uint32(18).bytes(m.body);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            CellBody.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.CellBody();
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
                                m.cell = v;
                            else
                                delete m.cell;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.body = v;
                            else
                                delete m.body;
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

            CellBody.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.CellBody)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.CellBody: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.CellBody();
                if (d.cell != null) {
                    if ($Number(d.cell) !== 0) {
                        m.cell = d.cell >>> 0;
                    }
                }
                if (d.body != null) {
                    if (d.body.length) {
                        if (typeof d.body === "string")
                            $util.base64.decode(d.body, m.body = $util.newBuffer($util.base64.length(d.body)), 0);
                        else if (d.body.length >= 0)
                            m.body = d.body;
                    }
                }
                return m;
            };

            CellBody.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.cell = 0;
                    if (o.bytes === $String)
                        d.body = "";
                    else {
                        d.body = [];
                        if (o.bytes !== $Array)
                            d.body = $util.newBuffer(d.body);
                    }
                }
                if (m.cell != null && $Object.hasOwnProperty.call(m, "cell")) {
                    d.cell = m.cell;
                }
                if (m.body != null && $Object.hasOwnProperty.call(m, "body")) {
                    d.body = o.bytes === $String ? $util.base64.encode(m.body, 0, m.body.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.body) : m.body;
                }
                return d;
            };

            CellBody.prototype.toJSON = function() {
                return CellBody.toObject(this, $protobuf.util.toJSONOptions);
            };

            CellBody.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.CellBody";
            };

            return CellBody;
        })();

        v1.ViewUpdate = (function() {

            var ViewUpdate = function (p) {
                this.entered = [];
                this.left = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ViewUpdate.prototype.client_id = "";
            ViewUpdate.prototype.entered = $util.emptyArray;
            ViewUpdate.prototype.left = $util.emptyArray;
            ViewUpdate.prototype.full = false;

            ViewUpdate.create = function(properties) {
                return new ViewUpdate(properties);
            };

            ViewUpdate.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(10).string(m.client_id);
                if (m.entered != null && m.entered.length) {
                    w.uint32(18).uint32s(m.entered);
                }
                if (m.left != null && m.left.length) {
                    w.uint32(26).uint32s(m.left);
                }
                if (m.full != null && $Object.hasOwnProperty.call(m, "full") && m.full !== false)
                    w.uint32(32).bool(m.full);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ViewUpdate.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.ViewUpdate();
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
                            if (u === 2) {
                                if (!(m.entered && m.entered.length))
                                    m.entered = [];
                                r.uint32s(m.entered);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.entered && m.entered.length))
                                m.entered = [];
                            m.entered.push(r.uint32());
                            continue;
                        }
                    case 3: {
                            if (u === 2) {
                                if (!(m.left && m.left.length))
                                    m.left = [];
                                r.uint32s(m.left);
                                continue;
                            }
                            if (u !== 0)
                                break;
                            if (!(m.left && m.left.length))
                                m.left = [];
                            m.left.push(r.uint32());
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.full = v;
                            else
                                delete m.full;
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

            ViewUpdate.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.ViewUpdate)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.ViewUpdate: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.ViewUpdate();
                if (d.client_id != null) {
                    if (typeof d.client_id !== "string" || d.client_id.length) {
                        m.client_id = $String(d.client_id);
                    }
                }
                if (d.entered) {
                    if (!$Array.isArray(d.entered))
                        throw $TypeError(".roomsproto.v1.ViewUpdate.entered: array expected");
                    m.entered = $Array(d.entered.length);
                    for (var i = 0; i < d.entered.length; ++i) {
                        m.entered[i] = d.entered[i] >>> 0;
                    }
                }
                if (d.left) {
                    if (!$Array.isArray(d.left))
                        throw $TypeError(".roomsproto.v1.ViewUpdate.left: array expected");
                    m.left = $Array(d.left.length);
                    for (var i = 0; i < d.left.length; ++i) {
                        m.left[i] = d.left[i] >>> 0;
                    }
                }
                if (d.full != null) {
                    if (d.full) {
                        m.full = $Boolean(d.full);
                    }
                }
                return m;
            };

            ViewUpdate.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.entered = [];
                    d.left = [];
                }
                if (o.defaults) {
                    d.client_id = "";
                    d.full = false;
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                if (m.entered && m.entered.length) {
                    d.entered = $Array(m.entered.length);
                    for (var j = 0; j < m.entered.length; ++j) {
                        d.entered[j] = m.entered[j];
                    }
                }
                if (m.left && m.left.length) {
                    d.left = $Array(m.left.length);
                    for (var j = 0; j < m.left.length; ++j) {
                        d.left[j] = m.left[j];
                    }
                }
                if (m.full != null && $Object.hasOwnProperty.call(m, "full")) {
                    d.full = m.full;
                }
                return d;
            };

            ViewUpdate.prototype.toJSON = function() {
                return ViewUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            ViewUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.ViewUpdate";
            };

            return ViewUpdate;
        })();

        v1.ClientSync = (function() {

            var ClientSync = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ClientSync.prototype.client_id = "";
            ClientSync.prototype.sync = $util.newBuffer([]);

            ClientSync.create = function(properties) {
                return new ClientSync(properties);
            };

            ClientSync.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(10).string(m.client_id);
                if (m.sync != null && $Object.hasOwnProperty.call(m, "sync") && m.sync.length)
                    w.uint32(18).bytes(m.sync);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ClientSync.decode = function (r, l, z, q, g) {
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
                m = g || new $root.roomsproto.v1.ClientSync();
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

            ClientSync.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.ClientSync)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.ClientSync: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.ClientSync();
                if (d.client_id != null) {
                    if (typeof d.client_id !== "string" || d.client_id.length) {
                        m.client_id = $String(d.client_id);
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

            ClientSync.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.client_id = "";
                    if (o.bytes === $String)
                        d.sync = "";
                    else {
                        d.sync = [];
                        if (o.bytes !== $Array)
                            d.sync = $util.newBuffer(d.sync);
                    }
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                if (m.sync != null && $Object.hasOwnProperty.call(m, "sync")) {
                    d.sync = o.bytes === $String ? $util.base64.encode(m.sync, 0, m.sync.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.sync) : m.sync;
                }
                return d;
            };

            ClientSync.prototype.toJSON = function() {
                return ClientSync.toObject(this, $protobuf.util.toJSONOptions);
            };

            ClientSync.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/roomsproto.v1.ClientSync";
            };

            return ClientSync;
        })();

        v1.KeyframeRequest = (function() {

            var KeyframeRequest = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            KeyframeRequest.prototype.client_id = "";

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
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(10).string(m.client_id);
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
                m = g || new $root.roomsproto.v1.KeyframeRequest();
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

            KeyframeRequest.fromObject = function (d, q) {
                if (d instanceof $root.roomsproto.v1.KeyframeRequest)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".roomsproto.v1.KeyframeRequest: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.roomsproto.v1.KeyframeRequest();
                if (d.client_id != null) {
                    if (typeof d.client_id !== "string" || d.client_id.length) {
                        m.client_id = $String(d.client_id);
                    }
                }
                return m;
            };

            KeyframeRequest.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.client_id = "";
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                return d;
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
