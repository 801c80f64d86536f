"""The two v2 codecs: what a frame looks like on the wire, and the plain values the client uses.

docs/protocol.md, "Choosing a codec" and "Envelopes": `game.v2.json` sends JSON text frames
`{"type", "payload", "room_id"?, "offset"?, ...}`; `game.v2.proto` sends binary frames, each one
`gameproto.Message` whose `payload` holds the encoded inner message of its `type`. Both decode
here into the same `Incoming` message, so nothing past this file knows which codec is in use.
"""

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass


@dataclass
class StateFrame:
    """A `state` payload (also `room_joined.state`). `room` is the handle; 0 = the only room."""

    room: int
    frame: int
    key: bool
    ops: list
    strings: list


@dataclass
class Incoming:
    """A server message: its JSON type name and its payload as plain values (a `StateFrame` for
    `state`; `room_joined["state"]` is one too; `room_event["data"]` is a dict)."""

    type: str
    payload: dict
    room_id: str = ""
    offset: int = 0


class JsonCodec:
    subprotocol = "game.v2.json"

    def encode(self, message_type, payload, message_id=None):
        envelope = {"type": message_type, "payload": payload}
        if message_id:
            envelope["id"] = message_id
        return json.dumps(envelope)

    def decode(self, data):
        envelope = json.loads(data)
        payload = envelope.get("payload", {})
        if envelope["type"] == "state":
            payload = json_state_frame(payload)
        elif envelope["type"] == "room_joined" and "state" in payload:
            payload = {**payload, "state": json_state_frame(payload["state"])}
        return Incoming(envelope["type"], payload, envelope.get("room_id", ""), envelope.get("offset", 0))


def json_state_frame(p):
    """Absent fields have their protobuf defaults: `room` 0, `key` false, no ops or strings."""
    return StateFrame(p.get("room", 0), p["frame"], p.get("key", False), p.get("ops", []), p.get("strings", []))


class ProtoCodec:
    """Protobuf with the classes protoc generated from proto/game.proto (`game_pb2`)."""

    subprotocol = "game.v2.proto"

    def __init__(self, game_pb2):
        self.pb = game_pb2
        T = game_pb2.MessageType
        # JSON type name → (MessageType value, inner message class), as in docs/protocol.md's table.
        self.outgoing = {
            "join_room": (T.Value("JOIN_ROOM"), game_pb2.JoinRoomRequest),
            "leave_room": (T.Value("LEAVE_ROOM"), game_pb2.LeaveRoomRequest),
            "game_action": (T.Value("GAME_ACTION"), game_pb2.GameAction),
        }
        self.incoming = {
            T.Value("WELCOME"): ("welcome", game_pb2.Welcome),
            T.Value("ROOM_JOINED"): ("room_joined", game_pb2.RoomJoined),
            T.Value("STATE"): ("state", game_pb2.StateFrame),
            T.Value("ROOM_EVENT"): ("room_event", game_pb2.RoomEvent),
            T.Value("PLAYER_JOINED"): ("player_joined", game_pb2.PlayerJoined),
            T.Value("PLAYER_LEFT"): ("player_left", game_pb2.PlayerLeft),
            T.Value("ACK"): ("ack", game_pb2.Ack),
            T.Value("ERROR"): ("error", game_pb2.Error),
        }

    def encode(self, message_type, payload, message_id=None):
        number, inner_class = self.outgoing[message_type]
        inner = inner_class()
        for name, value in payload.items():
            target = getattr(inner, name)
            if isinstance(value, dict) and hasattr(target, "update"):  # map<string, string>
                target.update(value)
            elif isinstance(value, dict):  # a sub-message (position)
                for sub_name, sub_value in value.items():
                    setattr(target, sub_name, sub_value)
            else:
                setattr(inner, name, value)
        envelope = self.pb.Message(type=number, payload=inner.SerializeToString(), id=message_id or "")
        return envelope.SerializeToString()

    def decode(self, data):
        envelope = self.pb.Message.FromString(data)
        if envelope.type not in self.incoming:  # a type this client does not use (pong, chat, ...)
            return Incoming(f"#{envelope.type}", {}, envelope.room_id, envelope.offset)
        name, inner_class = self.incoming[envelope.type]
        inner = inner_class.FromString(envelope.payload)
        if name == "state":
            payload = proto_state_frame(inner)
        else:
            payload = {f.name: getattr(inner, f.name) for f in inner.DESCRIPTOR.fields}
            if name == "room_joined":
                payload["state"] = proto_state_frame(inner.state)
                payload["players"] = [{"player_id": p.player_id, "entity_id": p.entity_id} for p in inner.players]
            if name == "room_event":
                payload["data"] = json.loads(inner.data) if inner.data else {}
        return Incoming(name, payload, envelope.room_id, envelope.offset)


def proto_state_frame(m):
    return StateFrame(m.room, m.frame, m.key, list(m.ops), list(m.strings))


def generate_game_pb2(proto_file):
    """Runs protoc on proto/game.proto into a fresh temporary folder and imports the result.

    The generated module is never committed: it is made from the schema each time, as a client
    in another language would.
    """
    out_dir = tempfile.mkdtemp(prefix="game-pb2-")
    proto_dir = os.path.dirname(os.path.abspath(proto_file))
    protoc = os.environ.get("PROTOC", "protoc")
    subprocess.run([protoc, f"-I{proto_dir}", f"--python_out={out_dir}", os.path.abspath(proto_file)], check=True)
    sys.path.insert(0, out_dir)
    try:
        return importlib.import_module("game_pb2")
    finally:
        sys.path.remove(out_dir)
        shutil.rmtree(out_dir)  # the module is loaded; the folder is no longer needed
