"""The apply algorithm on frames written by hand from docs/protocol.md ("Applying a state frame"),
for the field types and cases a scripted game does not reach. Run: /usr/bin/python3 -m unittest
discover -s clients/python (no gateway needed)."""

import unittest

from state_mirror import RoomMirror

DESCRIPTOR = {
    "kind": "sample",
    "types": [
        {"name": "room", "fields": [{"name": "round", "type": "uint16"}, {"name": "title", "type": "string", "maxLength": 16}]},
        {
            "name": "unit",
            "fields": [
                {"name": "x", "type": "float", "precision": 0.25},
                {"name": "dx", "type": "int8"},
                {"name": "hp", "type": "uint8", "default": 100},
                {"name": "mode", "type": "enum", "values": ["idle", "run"]},
                {"name": "alive", "type": "bool", "default": 1},
                {"name": "tags", "type": "list", "of": {"type": "string"}, "maxLength": 4},
                {"name": "ammo", "type": "map", "of": {"type": "uint8"}, "maxEntries": 4},
            ],
        },
        {"name": "crate", "fields": [{"name": "n", "type": "int32"}]},
    ],
}


def head(op, *fields):
    """A record's head: mask × 4 + op, the mask having bit f set for each field f that follows."""
    return sum(1 << f for f in fields) * 4 + op


SPAWN, UPDATE, DESPAWN = 1, 0, 2


def keyframe(mirror, frame=10):
    ops = [
        0, head(SPAWN, 0, 1), 0, 3,  # room: round 3, title "lobby"
        5, head(SPAWN, 0, 1, 5, 6), 1, -6, -2, 2, 1, 7,  # unit 5: x -1.5, dx -2, tags [a, b], ammo {gun: 7}
    ]
    assert mirror.apply(frame, True, ops, ["lobby", "a", "b", "gun"])


class ApplyTest(unittest.TestCase):
    def setUp(self):
        self.mirror = RoomMirror(DESCRIPTOR)
        keyframe(self.mirror)

    def test_keyframe_spawns_with_defaults_and_values_as_declared(self):
        self.assertEqual(self.mirror.frame, 10)
        self.assertEqual(self.mirror.view(), {
            0: {"type": "room", "round": 3, "title": "lobby"},
            5: {"type": "unit", "x": -1.5, "dx": -2, "hp": 100, "mode": "idle", "alive": True, "tags": ["a", "b"], "ammo": {"gun": 7}},
        })

    def test_update_adds_differences_and_wraps_to_the_field_width(self):
        # x -1.5 + 1.0 = -0.5; dx -2 - 127 wraps to 127 (int8); hp 100 + 200 wraps to 44 (uint8); mode 0 + 1 = run
        ok = self.mirror.apply(11, False, [5, head(UPDATE, 0, 1, 2, 3), 4, -127, 200, 1], [])
        self.assertTrue(ok)
        self.assertEqual({k: self.mirror.view()[5][k] for k in ("x", "dx", "hp", "mode")}, {"x": -0.5, "dx": 127, "hp": 44, "mode": "run"})

    def test_strings_lists_and_maps_are_sent_whole(self):
        ok = self.mirror.apply(11, False, [0, head(UPDATE, 1), 5, head(UPDATE, 5, 6), 0, 2, 3, 250], ["arena", "ammo", "rocket"])
        self.assertTrue(ok)
        self.assertEqual(self.mirror.view()[0]["title"], "arena")
        self.assertEqual((self.mirror.view()[5]["tags"], self.mirror.view()[5]["ammo"]), ([], {"ammo": 3, "rocket": 250}))

    def test_an_update_uses_the_type_of_its_own_entity(self):
        # A crate spawned first in the frame must not make the unit's update read as a crate's.
        ok = self.mirror.apply(11, False, [2, head(SPAWN, 0), 2, -9, 3, head(UPDATE, 1), 1], [])
        self.assertTrue(ok)
        self.assertEqual(self.mirror.view()[2], {"type": "crate", "n": -9})
        self.assertEqual(self.mirror.view()[5]["dx"], -1)

    def test_despawn_then_spawn_of_the_same_id_in_one_frame(self):
        ok = self.mirror.apply(11, False, [5, head(DESPAWN), 0, head(SPAWN, 0), 1, 8], [])
        self.assertTrue(ok)
        self.assertEqual(self.mirror.view()[5], {"type": "unit", "x": 2.0, "dx": 0, "hp": 100, "mode": "idle", "alive": True, "tags": [], "ammo": {}})

    def test_a_delta_not_at_frame_plus_one_is_refused_and_changes_nothing(self):
        before = self.mirror.view()
        self.assertFalse(self.mirror.apply(12, False, [0, head(UPDATE, 0), 1], []))
        self.assertFalse(self.mirror.apply(10, False, [0, head(UPDATE, 0), 1], []))
        self.assertEqual((self.mirror.frame, self.mirror.view()), (10, before))
        self.assertFalse(RoomMirror(DESCRIPTOR).apply(1, False, [], []), "no delta before the first keyframe")

    def test_a_keyframe_replaces_everything_at_any_frame(self):
        self.assertTrue(self.mirror.apply(40, True, [0, head(SPAWN), 0], []))
        self.assertEqual((self.mirror.frame, self.mirror.view()), (40, {0: {"type": "room", "round": 0, "title": ""}}))


if __name__ == "__main__":
    unittest.main()
