#!/usr/bin/python3
"""Plays a scripted game against a running gateway over v2, then prints every client's mirror.

    /usr/bin/python3 clients/python/play_scripted_game.py ws://127.0.0.1:8080/ws --codec proto

- ctf room (`score_to_win` 1): alice and bob join; alice walks to the enemy flag and takes it
  (`flag_taken`), walks home and scores (`scored`, `match_over`).
- arena room: alice (the same connection, so its frames now carry room handles) and carol join;
  carol walks up to alice and attacks; carol leaves (her entity despawns); dave joins (his
  mirror starts from a keyframe) and walks.
- with --all-types, an `all-types` room (a kind only the test suite's gateway has, with a field
  of every type): bob and dave take turns sending `step` (position.x = the turn) and wait until
  the room's `turn` field shows it.

Output (stdout, one line of JSON): for each room, its kind, the events its first client saw,
and for each client in it the mirror: frame, refused deltas and entities (id → type and field
values as the game sees them: floats scaled by precision, enums by name, bools as booleans).
With --hold the clients stay connected after that line until stdin closes, so that a test can
read the server's state while it still matches. Fails (exit 1, reason on stderr) when an
expected event or state never shows.
"""

import argparse
import asyncio
import json
import os
import sys

from game_client import GameClient
from wire import JsonCodec, ProtoCodec, generate_game_pb2

HERE = os.path.dirname(os.path.abspath(__file__))
CTF_STEPS = 4  # a walk is a few moves, so positions change by differences, not only by spawns


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def near(entity, x, y, precision=0.125):
    """Whether the mirror shows `entity` at (x, y), as quantized by the server."""
    return abs(entity["x"] - x) <= precision / 2 and abs(entity["y"] - y) <= precision / 2


def of_type(room, type_name):
    return [entity for entity in room.mirror.view().values() if entity["type"] == type_name]


async def walk(client, room_id, entity_id, to, steps):
    """Moves in `steps` moves from where the mirror shows the entity to `to`; waits for each."""
    start = client.rooms[room_id].mirror.view()[entity_id]
    for step in range(1, steps + 1):
        x = start["x"] + (to[0] - start["x"]) * step / steps
        y = start["y"] + (to[1] - start["y"]) * step / steps
        await client.act(room_id, "move", position=(x, y))
        await client.until(lambda: near(client.rooms[room_id].mirror.view()[entity_id], x, y), f"{room_id}: entity {entity_id} at ({x}, {y})")


async def join(client, room_id, user_id, **kind_and_options):
    """Joins and waits for the player's own entity: the keyframe in `room_joined` is the room
    before the join took effect, so the entity spawns in a later frame."""
    room = await client.join(room_id, user_id, **kind_and_options)
    mine = room.players[user_id]
    await client.until(lambda: mine in room.mirror.entities, f"{room_id}: {user_id}'s entity {mine}")
    return room, mine


async def everyone_sees(clients, room_id, predicate, what):
    for client in clients:
        await client.until(lambda: predicate(client.rooms[room_id].mirror.view()), f"{room_id}: {what}")


async def play_ctf(alice, bob, room_id):
    room, me = await join(alice, room_id, "alice", kind="ctf", options={"score_to_win": "1"})
    _, his = await join(bob, room_id, "bob", kind="ctf")
    await walk(bob, room_id, his, (20.6, 12.4), 2)
    await alice.until(lambda: len(of_type(room, "player")) == 2, "bob's player in alice's mirror")
    team = room.mirror.view()[me]["team"]
    home = next(flag for flag in of_type(room, "flag") if flag["team"] == team)
    enemy = next(flag for flag in of_type(room, "flag") if flag["team"] != team)
    check(enemy["atBase"] and enemy["carrier"] == 0, f"the enemy flag starts at its base: {enemy}")

    await walk(alice, room_id, me, (enemy["x"], enemy["y"]), CTF_STEPS)
    await alice.until(lambda: "flag_taken" in room.event_names(), "flag_taken")
    taken = room.events[room.event_names().index("flag_taken")]
    check(taken["data"] == {"team": enemy["team"], "by": me}, f"flag_taken names the flag and alice: {taken['data']}")
    # Events of a tick come after its frame: the mirror already showed the flag taken.
    check(taken["seen"][me]["carrying"], "alice carries the flag when flag_taken arrives")

    await walk(alice, room_id, me, (home["x"], home["y"]), CTF_STEPS)
    for client in (alice, bob):
        await client.until(lambda: client.rooms[room_id].event_names()[-2:] == ["scored", "match_over"], f"{room_id}: scored, match_over")
    await everyone_sees((alice, bob), room_id, lambda view: view[0]["phase"] == "over" and view[0]["winner"] == team, f"{team} won")
    scored = room.events[room.event_names().index("scored")]
    check(scored["data"]["by"] == me and scored["data"][team] == 1, f"scored by alice, 1 for {team}: {scored['data']}")
    check(room.events[-1]["data"] == {"winner": team}, f"match_over names {team}: {room.events[-1]['data']}")


async def play_arena(alice, carol, dave, room_id):
    room, me = await join(alice, room_id, "alice", kind="arena")  # alice is now in two rooms
    _, her = await join(carol, room_id, "carol", kind="arena")
    await alice.until(lambda: her in room.mirror.entities, "carol's player in alice's mirror")

    await walk(alice, room_id, me, (12.3, -7.6), 2)
    await walk(carol, room_id, her, (15.1, -5.2), 3)  # within reach of alice
    for _ in range(3):
        health = room.mirror.view()[me]["health"]
        await carol.act(room_id, "attack", target_id=me)
        await alice.until(lambda: room.mirror.view()[me]["health"] < health, "alice hurt by carol's attack")

    await carol.leave(room_id)
    await alice.until(lambda: her not in room.mirror.entities, "carol's player despawned")

    _, his = await join(dave, room_id, "dave", kind="arena")
    await walk(dave, room_id, his, (-20.6, 33.3), 2)
    await everyone_sees((alice, dave), room_id, lambda view: his in view and near(view[his], -20.6, 33.3), "dave's walk")
    check(room.frames_by_handle > 0, "alice, in two rooms, got arena frames that name the room's handle")


async def play_all_types(bob, dave, room_id):
    await join(bob, room_id, "bob", kind="all-types")
    await join(dave, room_id, "dave", kind="all-types")
    for turn, client in ((1, bob), (2, dave), (3, bob)):
        await client.act(room_id, "step", position=(turn, 0))
        await everyone_sees((bob, dave), room_id, lambda view: view[0]["turn"] == turn, f"turn {turn}")


def report(room_id, by_player):
    """One room's report: its kind, the events its first client saw, every client's mirror."""
    first = next(iter(by_player.values())).rooms[room_id]
    mirrors = {}
    for player, client in by_player.items():
        room = client.rooms[room_id]
        entities = {str(entity_id): fields for entity_id, fields in room.mirror.view().items()}
        mirrors[player] = {"frame": room.mirror.frame, "refused": room.refused, "entities": entities}
    return {"kind": first.kind, "events": first.event_names(), "mirrors": mirrors}


async def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="the gateway's WebSocket endpoint, ws://host:port/ws")
    parser.add_argument("--codec", choices=("json", "proto"), default="proto")
    parser.add_argument("--prefix", default="py", help="room ids are <prefix>-ctf and <prefix>-arena")
    parser.add_argument("--proto", default=os.path.join(HERE, "../../proto/game.proto"), help="the gateway's game.proto")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds any one wait may take")
    parser.add_argument("--all-types", action="store_true", help="also play the test suite's all-types room")
    parser.add_argument("--hold", action="store_true", help="stay connected after the output until stdin closes")
    args = parser.parse_args()

    codec = JsonCodec() if args.codec == "json" else ProtoCodec(generate_game_pb2(args.proto))
    alice, bob, carol, dave = [await GameClient.connect(args.url, codec, args.timeout) for _ in range(4)]
    ctf, arena, all_types = f"{args.prefix}-ctf", f"{args.prefix}-arena", f"{args.prefix}-all-types"
    try:
        await play_ctf(alice, bob, ctf)
        await play_arena(alice, carol, dave, arena)
        rooms = {ctf: report(ctf, {"alice": alice, "bob": bob}), arena: report(arena, {"alice": alice, "dave": dave})}
        if args.all_types:
            await play_all_types(bob, dave, all_types)
            rooms[all_types] = report(all_types, {"bob": bob, "dave": dave})
        print(json.dumps({"codec": args.codec, "rooms": rooms}, sort_keys=True), flush=True)
        if args.hold:
            await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    finally:
        for client in (alice, bob, carol, dave):
            await client.close()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except (AssertionError, TimeoutError, ConnectionError, RuntimeError) as failure:
        print(f"{type(failure).__name__}: {failure}", file=sys.stderr)
        sys.exit(1)
