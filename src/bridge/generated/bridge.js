/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Boolean = $util.global.Boolean;

var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.bridgeproto = (function() {

    var bridgeproto = {};

    bridgeproto.v1 = (function() {

        var v1 = {};

        v1.RoomCommand = (function() {

            var RoomCommand = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            RoomCommand.prototype.command = "";
            RoomCommand.prototype.room_id = "";
            RoomCommand.prototype.client_id = "";
            RoomCommand.prototype.request_id = "";
            RoomCommand.prototype.ref_id = "";
            RoomCommand.prototype.data = $util.newBuffer([]);

            RoomCommand.create = function(properties) {
                return new RoomCommand(properties);
            };

            RoomCommand.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.command != null && $Object.hasOwnProperty.call(m, "command") && m.command !== "")
                    w.uint32(10).string(m.command);
                if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id") && m.room_id !== "")
                    w.uint32(18).string(m.room_id);
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(26).string(m.client_id);
                if (m.request_id != null && $Object.hasOwnProperty.call(m, "request_id") && m.request_id !== "")
                    w.uint32(34).string(m.request_id);
                if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id") && m.ref_id !== "")
                    w.uint32(42).string(m.ref_id);
                if (m.data != null && $Object.hasOwnProperty.call(m, "data") && m.data.length)
                    w.uint32(50).bytes(m.data);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            RoomCommand.decode = function (r, l, z, q, g) {
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
                m = g || new $root.bridgeproto.v1.RoomCommand();
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
                                m.command = v;
                            else
                                delete m.command;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.room_id = v;
                            else
                                delete m.room_id;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.client_id = v;
                            else
                                delete m.client_id;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.request_id = v;
                            else
                                delete m.request_id;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.ref_id = v;
                            else
                                delete m.ref_id;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
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

            RoomCommand.fromObject = function (d, q) {
                if (d instanceof $root.bridgeproto.v1.RoomCommand)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".bridgeproto.v1.RoomCommand: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.bridgeproto.v1.RoomCommand();
                if (d.command != null) {
                    if (typeof d.command !== "string" || d.command.length) {
                        m.command = $String(d.command);
                    }
                }
                if (d.room_id != null) {
                    if (typeof d.room_id !== "string" || d.room_id.length) {
                        m.room_id = $String(d.room_id);
                    }
                }
                if (d.client_id != null) {
                    if (typeof d.client_id !== "string" || d.client_id.length) {
                        m.client_id = $String(d.client_id);
                    }
                }
                if (d.request_id != null) {
                    if (typeof d.request_id !== "string" || d.request_id.length) {
                        m.request_id = $String(d.request_id);
                    }
                }
                if (d.ref_id != null) {
                    if (typeof d.ref_id !== "string" || d.ref_id.length) {
                        m.ref_id = $String(d.ref_id);
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
                return m;
            };

            RoomCommand.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.command = "";
                    d.room_id = "";
                    d.client_id = "";
                    d.request_id = "";
                    d.ref_id = "";
                    if (o.bytes === $String)
                        d.data = "";
                    else {
                        d.data = [];
                        if (o.bytes !== $Array)
                            d.data = $util.newBuffer(d.data);
                    }
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = m.command;
                }
                if (m.room_id != null && $Object.hasOwnProperty.call(m, "room_id")) {
                    d.room_id = m.room_id;
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                if (m.request_id != null && $Object.hasOwnProperty.call(m, "request_id")) {
                    d.request_id = m.request_id;
                }
                if (m.ref_id != null && $Object.hasOwnProperty.call(m, "ref_id")) {
                    d.ref_id = m.ref_id;
                }
                if (m.data != null && $Object.hasOwnProperty.call(m, "data")) {
                    d.data = o.bytes === $String ? $util.base64.encode(m.data, 0, m.data.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.data) : m.data;
                }
                return d;
            };

            RoomCommand.prototype.toJSON = function() {
                return RoomCommand.toObject(this, $protobuf.util.toJSONOptions);
            };

            RoomCommand.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/bridgeproto.v1.RoomCommand";
            };

            return RoomCommand;
        })();

        v1.ClientMessage = (function() {

            var ClientMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            ClientMessage.prototype.client_id = "";
            ClientMessage.prototype.sequenced = false;
            ClientMessage.prototype.message = $util.newBuffer([]);

            ClientMessage.create = function(properties) {
                return new ClientMessage(properties);
            };

            ClientMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id") && m.client_id !== "")
                    w.uint32(10).string(m.client_id);
                if (m.sequenced != null && $Object.hasOwnProperty.call(m, "sequenced") && m.sequenced !== false)
                    w.uint32(16).bool(m.sequenced);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message.length)
                    w.uint32(26).bytes(m.message);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            ClientMessage.decode = function (r, l, z, q, g) {
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
                m = g || new $root.bridgeproto.v1.ClientMessage();
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
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.sequenced = v;
                            else
                                delete m.sequenced;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.bytes()).length)
                                m.message = v;
                            else
                                delete m.message;
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

            ClientMessage.fromObject = function (d, q) {
                if (d instanceof $root.bridgeproto.v1.ClientMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".bridgeproto.v1.ClientMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.bridgeproto.v1.ClientMessage();
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
                if (d.message != null) {
                    if (d.message.length) {
                        if (typeof d.message === "string")
                            $util.base64.decode(d.message, m.message = $util.newBuffer($util.base64.length(d.message)), 0);
                        else if (d.message.length >= 0)
                            m.message = d.message;
                    }
                }
                return m;
            };

            ClientMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.client_id = "";
                    d.sequenced = false;
                    if (o.bytes === $String)
                        d.message = "";
                    else {
                        d.message = [];
                        if (o.bytes !== $Array)
                            d.message = $util.newBuffer(d.message);
                    }
                }
                if (m.client_id != null && $Object.hasOwnProperty.call(m, "client_id")) {
                    d.client_id = m.client_id;
                }
                if (m.sequenced != null && $Object.hasOwnProperty.call(m, "sequenced")) {
                    d.sequenced = m.sequenced;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = o.bytes === $String ? $util.base64.encode(m.message, 0, m.message.length) : o.bytes === $Array ? $Array.prototype.slice.call(m.message) : m.message;
                }
                return d;
            };

            ClientMessage.prototype.toJSON = function() {
                return ClientMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            ClientMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/bridgeproto.v1.ClientMessage";
            };

            return ClientMessage;
        })();

        return v1;
    })();

    return bridgeproto;
})();

module.exports = $root;
