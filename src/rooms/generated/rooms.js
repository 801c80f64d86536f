/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array;

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

        return v1;
    })();

    return roomsproto;
})();

module.exports = $root;
