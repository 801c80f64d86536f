/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Boolean = $util.global.Boolean, $Array = $util.global.Array;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.busproto = (function() {

    var busproto = {};

    busproto.v1 = (function() {

        var v1 = {};

        v1.Kind = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ROOM"] = 1;
            values[valuesById[2] = "CLIENT"] = 2;
            values[valuesById[3] = "COMMAND"] = 3;
            values[valuesById[4] = "EVENT"] = 4;
            return values;
        })();

        v1.Envelope = (function() {

            var Envelope = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            Envelope.prototype.origin = "";
            Envelope.prototype.kind = 0;
            Envelope.prototype.room_id = "";
            Envelope.prototype.except = "";
            Envelope.prototype.payload = $util.newBuffer([]);
            Envelope.prototype.client_id = "";
            Envelope.prototype.sequenced = false;
            Envelope.prototype.command = "";
            Envelope.prototype.request_id = "";
            Envelope.prototype.data = $util.newBuffer([]);
            Envelope.prototype.pattern = "";
            Envelope.prototype.ref_id = "";

            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            Envelope.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.origin != null && $Object.hasOwnProperty.call(m, "origin") && m.origin !== "")
                    w.uint32(10).string(m.origin);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== 0)
                    w.uint32(16).int32(m.kind);
                if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                    w.uint32(26).string(m.room_id);
                if (m.except != null && $Object.hasOwnProperty.call(m, "except") && m.except !== "")
                    w.uint32(34).string(m.except);
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload") && m.payload.length)
                    w.uint32(42).bytes(m.payload);
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(50).string(m.client_id);
                if (m.sequenced != null && $Object.hasOwnProperty.call(m, "sequenced") && m.sequenced !== false)
                    w.uint32(56).bool(m.sequenced);
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command !== "")
                    w.uint32(66).string(m.command);
                if (m.request_id != null && $Object.hasOwnProperty.call(m, "request_id") && m.request_id !== "")
                    w.uint32(74).string(m.request_id);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(82).bytes(m.data);
                if (m.pattern != null && $Object.hasOwnProperty.call(m, "pattern") && m.pattern !== "")
                    w.uint32(90).string(m.pattern);
                if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id") && m.ref_id !== "")
                    w.uint32(98).string(m.ref_id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            Envelope.decode = function (r, l, z, q, g) {
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
                m = g || new $root.busproto.v1.Envelope();
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
                                m.origin = v;
                            else
                                delete m.origin;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.room_id = v;
                            else
                                delete m.room_id;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.except = v;
                            else
                                delete m.except;
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
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.client_id = v;
                            else
                                delete m.client_id;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.sequenced = v;
                            else
                                delete m.sequenced;
                            continue;
                        }
                    case 8: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.command = v;
                            else
                                delete m.command;
                            continue;
                        }
                    case 9: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.request_id = v;
                            else
                                delete m.request_id;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.data = v;
                            else
                                delete m.data;
                            continue;
                        }
                    case 11: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.pattern = v;
                            else
                                delete m.pattern;
                            continue;
                        }
                    case 12: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ref_id = v;
                            else
                                delete m.ref_id;
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

            Envelope.fromObject = function (d, q) {
                if (d instanceof $root.busproto.v1.Envelope)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".busproto.v1.Envelope: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.busproto.v1.Envelope();
                if (d.origin != null) {
                    if (typeof d.origin !== "string" || d.origin.length) {
                        m.origin = $String(d.origin);
                    }
                }
                if (d.kind !== 0 && (typeof d.kind !== "string" || $root.busproto.v1.Kind[d.kind] !== 0)) {
                    switch (d.kind) {
                    case "KIND_UNSPECIFIED":
                    case 0:
                        m.kind = 0;
                        break;
                    case "ROOM":
                    case 1:
                        m.kind = 1;
                        break;
                    case "CLIENT":
                    case 2:
                        m.kind = 2;
                        break;
                    case "COMMAND":
                    case 3:
                        m.kind = 3;
                        break;
                    case "EVENT":
                    case 4:
                        m.kind = 4;
                        break;
                    default:
                        if (typeof d.kind === "number" && (d.kind | 0) === d.kind)
                            m.kind = d.kind;
                    }
                }
                if (d.room_id != null) {
                    if (typeof d.room_id !== "string" || d.room_id.length) {
                        m.room_id = $String(d.room_id);
                    }
                }
                if (d.except != null) {
                    if (typeof d.except !== "string" || d.except.length) {
                        m.except = $String(d.except);
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
                if (d.client_id != null) {
                    if (typeof d.client_id !== "string" || d.client_id.length) {
                        m.client_id = $String(d.client_id);
                    }
                }
                if (d.sequenced != null) {
                    if (d.sequenced) {
                        m.sequenced = $Boolean(d.sequenced);
                    }
                }
                if (d.command != null) {
                    if (typeof d.command !== "string" || d.command.length) {
                        m.command = $String(d.command);
                    }
                }
                if (d.request_id != null) {
                    if (typeof d.request_id !== "string" || d.request_id.length) {
                        m.request_id = $String(d.request_id);
                    }
                }
                if (d.data != null) {
                    if (d.data.length) {
                        if (typeof d.data === "string")
                            $util.base64.decode(d.data, m.data = $util.newBuffer($util.base64.length(d.data)), 0);
                        else if (d.data.length >= 0)
                            m.data = d.data;
                    }
                }
                if (d.pattern != null) {
                    if (typeof d.pattern !== "string" || d.pattern.length) {
                        m.pattern = $String(d.pattern);
                    }
                }
                if (d.ref_id != null) {
                    if (typeof d.ref_id !== "string" || d.ref_id.length) {
                        m.ref_id = $String(d.ref_id);
                    }
                }
                return m;
            };

            Envelope.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.origin = "";
                    d.kind = o.enums === $String ? "KIND_UNSPECIFIED" : 0;
                    d.room_id = "";
                    d.except = "";
                    if (o.bytes === $String)
                        d.payload = "";
                    else {
                        d.payload = [];
                        if (o.bytes !== $Array)
                            d.payload = $util.newBuffer(d.payload);
                    }
                    d.client_id = "";
                    d.sequenced = false;
                    d.command = "";
                    d.request_id = "";
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                    d.pattern = "";
                    d.ref_id = "";
                }
                if (m.origin != null && $Object.hasOwnProperty.call(m, "origin")) {
                    d.origin = m.origin;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = o.enums === $String ? $root.busproto.v1.Kind[m.kind] === $undefined ? m.kind : $root.busproto.v1.Kind[m.kind] : m.kind;
                }
                if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                    d.room_id = m.room_id;
                }
                if (m.except != null && $Object.hasOwnProperty.call(m, "except")) {
                    d.except = m.except;
                }
                if (m.payload != null && $Object.hasOwnProperty.call(m, "payload")) {
                    d.payload = o.bytes === $String ? $util.base64.encode(m.payload, 0, m.payload.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.payload) : m.payload;
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                if (m.sequenced != null && $Object.hasOwnProperty.call(m, "sequenced")) {
                    d.sequenced = m.sequenced;
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = m.command;
                }
                if (m.request_id != null && $Object.hasOwnProperty.call(m, "request_id")) {
                    d.request_id = m.request_id;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                if (m.pattern != null && $Object.hasOwnProperty.call(m, "pattern")) {
                    d.pattern = m.pattern;
                }
                if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id")) {
                    d.ref_id = m.ref_id;
                }
                return d;
            };

            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/busproto.v1.Envelope";
            };

            return Envelope;
        })();

        return v1;
    })();

    return busproto;
})();

module.exports = $root;
