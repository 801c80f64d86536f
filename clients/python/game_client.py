"""A v2 game client: one WebSocket connection, the rooms it is in, a state mirror per room.

Everything it does is in docs/protocol.md: connect with subprotocol `game.v2.json` or
`game.v2.proto`, read `welcome`, `join_room` (optionally naming the kind and creation options),
`room_joined` (handle, schema, keyframe), `state` frames routed by handle, `room_event`s,
`game_action`s, `leave_room`.
"""

import asyncio
import itertools
import json

import websockets

from state_mirror import RoomMirror


class ServerError(RuntimeError):
    """The gateway answered one of our messages with an `error` frame."""


class Room:
    """A room this connection is in: its mirror, the events it got, and the frames it refused."""

    def __init__(self, room_id, kind, handle, descriptor):
        self.room_id = room_id
        self.kind = kind
        self.handle = handle
        self.mirror = RoomMirror(descriptor)
        self.players = {}  # player_id → entity_id
        self.events = []  # {"name", "data", "seen": the mirror's view when the event arrived}
        self.refused = []  # deltas not at frame + 1 (the gateway promises there are none)
        self.frames_by_handle = 0  # state frames that named this room's handle (not 0)

    def apply(self, frame):
        if not self.mirror.apply(frame.frame, frame.key, frame.ops, frame.strings):
            self.refused.append(frame.frame)

    def event_names(self):
        return [event["name"] for event in self.events]


class GameClient:
    """Use `await GameClient.connect(url, codec)`; every wait is bounded by `timeout` seconds."""

    def __init__(self, socket, codec, timeout):
        self.socket = socket
        self.codec = codec
        self.timeout = timeout
        self.welcome = None
        self.rooms = {}  # room id → Room
        self.acks = set()
        self.errors = []
        self.closed = False
        self.ids = (f"m-{n}" for n in itertools.count(1))
        self.changed = asyncio.Condition()  # notified after every message from the server
        self.reader = asyncio.ensure_future(self.read())

    @classmethod
    async def connect(cls, url, codec, timeout=10.0):
        socket = await websockets.connect(url, subprotocols=[codec.subprotocol], open_timeout=timeout)
        if socket.subprotocol != codec.subprotocol:
            raise RuntimeError(f"the gateway selected {socket.subprotocol!r}, not {codec.subprotocol!r}")
        client = cls(socket, codec, timeout)
        await client.until(lambda: client.welcome is not None, "welcome")
        if client.welcome["wire_version"] != 2:
            raise RuntimeError(f"welcome.wire_version is {client.welcome['wire_version']}, not 2")
        return client

    async def join(self, room_id, user_id, kind=None, options=None):
        payload = {"room_id": room_id, "user_id": user_id}
        if kind:
            payload["kind"] = kind
        if options:
            payload["options"] = options
        await self.send("join_room", payload)
        await self.until(lambda: room_id in self.rooms, f"room_joined {room_id}")
        return self.rooms[room_id]

    async def act(self, room_id, action, position=None, target_id=None):
        payload = {"room_id": room_id, "action": action}
        if position is not None:
            payload["position"] = {"x": position[0], "y": position[1], "z": position[2] if len(position) > 2 else 0}
        if target_id is not None:
            payload["target_id"] = target_id
        await self.send("game_action", payload)

    async def leave(self, room_id):
        message_id = await self.send("leave_room", {"room_id": room_id})
        # The ack comes after the leave was handled: no frame of the room follows it.
        await self.until(lambda: message_id in self.acks, f"ack of leave_room {room_id}")
        del self.rooms[room_id]

    async def send(self, message_type, payload):
        message_id = next(self.ids)
        await self.socket.send(self.codec.encode(message_type, payload, message_id))
        return message_id

    async def until(self, predicate, what):
        """Waits until `predicate()` holds (checked after every message); fails on an `error`."""

        def done():
            if self.errors:
                raise ServerError(f"while waiting for {what}: {self.errors[0]}")
            if self.closed:
                raise ConnectionError(f"connection closed while waiting for {what}")
            return predicate()

        async with self.changed:
            try:
                await asyncio.wait_for(self.changed.wait_for(done), self.timeout)
            except asyncio.TimeoutError:
                raise TimeoutError(f"timed out after {self.timeout} s waiting for {what}") from None

    async def close(self):
        await self.socket.close()
        await self.reader

    async def read(self):
        try:
            async for data in self.socket:
                self.handle(self.codec.decode(data))
                async with self.changed:
                    self.changed.notify_all()
        except websockets.ConnectionClosed:
            pass
        except Exception as failure:  # a frame this client could not apply: fail the script's wait
            self.errors.append(f"client failed on a server frame: {failure!r}")
        finally:
            self.closed = True
            async with self.changed:
                self.changed.notify_all()

    def handle(self, message):
        p = message.payload
        if message.type == "welcome":
            self.welcome = p
        elif message.type == "room_joined":
            room = Room(p["room_id"], p["kind"], p["handle"], json.loads(p["schema"]))
            room.players = {player["player_id"]: player["entity_id"] for player in p["players"]}
            room.apply(p["state"])  # the keyframe at frame_num
            self.rooms[room.room_id] = room
        elif message.type == "state":
            room = self.room_of_handle(p.room)
            room.frames_by_handle += p.room != 0
            room.apply(p)
        elif message.type == "room_event" and p["room_id"] in self.rooms:
            room = self.rooms[p["room_id"]]
            room.events.append({"name": p["name"], "data": p["data"], "seen": room.mirror.view()})
        elif message.type == "player_joined" and p["room_id"] in self.rooms:
            self.rooms[p["room_id"]].players[p["player_id"]] = p["entity_id"]
        elif message.type == "player_left" and p["room_id"] in self.rooms:
            self.rooms[p["room_id"]].players.pop(p["player_id"], None)
        elif message.type == "ack":
            self.acks.add(p["id"])
        elif message.type == "error":
            self.errors.append(f"{p['code']}: {p['message']} ({p.get('ref_type')} {p.get('ref_id')})")

    def room_of_handle(self, handle):
        """A frame's `room` is the room's handle, or 0 (absent) while the connection is in one room."""
        if handle == 0:
            if len(self.rooms) != 1:
                raise RuntimeError(f"state frame without a handle while in {len(self.rooms)} rooms")
            return next(iter(self.rooms.values()))
        for room in self.rooms.values():
            if room.handle == handle:
                return room
        raise RuntimeError(f"state frame for unknown handle {handle}")
