"""A client's copy of one room's v2 state, kept from keyframes and deltas.

Written from docs/protocol.md ("State frames (v2)") and the schema descriptor a room sends in
`room_joined.schema`; nothing here knows a particular room kind. Codec-neutral: both the JSON
and the protobuf connection hand it the same four things of a `state` frame (frame, key, ops,
strings).
"""

NUMBER_TYPES = {"int8", "int16", "int32", "uint8", "uint16", "uint32", "float", "bool", "enum"}
INT_BITS = {"int8": 8, "int16": 16, "int32": 32, "uint8": 8, "uint16": 16, "uint32": 32}


def wrap(field_type, n):
    """The stored integer for `n` (an absolute value, or stored value + difference).

    Python integers never overflow, so the 8/16/32-bit wrap-around the docs' table gives has
    to be done by hand (in C#, Go or GDScript most of it is what the integer types do anyway).
    """
    kind = field_type["type"]
    if kind == "bool":
        return n & 1
    if kind in ("float",):  # low 32 bits, signed
        return signed(n & 0xFFFFFFFF, 32)
    if kind == "enum":  # low 32 bits, unsigned
        return n & 0xFFFFFFFF
    bits = INT_BITS[kind]
    low = n & ((1 << bits) - 1)
    return signed(low, bits) if kind.startswith("int") else low


def signed(low, bits):
    """Reads the low `bits` bits of a number as a two's-complement signed integer."""
    return low - (1 << bits) if low >= 1 << (bits - 1) else low


def value_of(field_type, stored):
    """What the game sees for a stored value: floats scaled, enums by name, bools as booleans."""
    kind = field_type["type"]
    if kind == "float":
        return stored * field_type["precision"]
    if kind == "bool":
        return stored == 1
    if kind == "enum":
        return field_type["values"][stored]
    if kind == "list":
        return [value_of(field_type["of"], element) for element in stored]
    if kind == "map":
        return {key: value_of(field_type["of"], element) for key, element in stored}
    return stored  # integers and strings


def fresh_value(field):
    """A field of a freshly spawned entity: its `default` (a stored value), else 0, "" or empty."""
    if "default" in field:
        return field["default"]
    kind = field["type"]
    if kind == "string":
        return ""
    if kind in ("list", "map"):
        return []
    return 0


class Entity:
    """One entity: its type (an entry of the descriptor's `types`) and one stored value per field."""

    def __init__(self, entity_type):
        self.type = entity_type
        self.stored = [fresh_value(field) for field in entity_type["fields"]]

    def view(self):
        """The entity as the game sees it: field name → value."""
        return {field["name"]: value_of(field, self.stored[f]) for f, field in enumerate(self.type["fields"])}


class RoomMirror:
    """The state of one room at `frame`, from the kind's descriptor (`room_joined.schema`)."""

    def __init__(self, descriptor):
        self.descriptor = descriptor
        self.types = descriptor["types"]  # types[0] is the room itself, entity id 0
        self.entities = {}  # entity id → Entity
        self.frame = None  # no frame applied yet: every delta is refused until a keyframe

    def apply(self, frame, key, ops, strings):
        """Applies one state frame; returns False (and changes nothing) for a delta whose base
        (frame - 1) this mirror does not hold: the server sends a keyframe instead, so wait for it."""
        if not key and (self.frame is None or frame != self.frame + 1):
            return False
        if key:
            self.entities = {}  # a keyframe replaces everything
        reader = Reader(ops, strings)
        entity_id = 0
        while reader.has_more():
            entity_id += reader.op()  # ids are differences from the previous record's id
            head = reader.op()
            op = head & 3
            mask = head >> 2  # bit f set: field f of the entity's type follows
            if op == 2:  # despawn
                del self.entities[entity_id]
                continue
            if op == 1:  # spawn: a new entity of that type, every field at its default
                entity = Entity(self.types[reader.op()])
                self.entities[entity_id] = entity
                absolute = True
            elif op == 0:  # update: numbers are differences from the stored value
                entity = self.entities[entity_id]
                absolute = False
            else:
                raise ValueError(f"record op {op} is not one the protocol defines")
            for f, field in enumerate(entity.type["fields"]):
                if mask & (1 << f):
                    entity.stored[f] = read_field(reader, field, entity.stored[f], absolute)
        self.frame = frame
        return True

    def view(self):
        """Entity id → {"type": name, field: value, ...}, as the game sees the room."""
        return {entity_id: {"type": entity.type["name"], **entity.view()} for entity_id, entity in sorted(self.entities.items())}


def read_field(reader, field, stored, absolute):
    """Reads one field's new stored value from the records."""
    kind = field["type"]
    if kind in NUMBER_TYPES:
        n = reader.op()
        return wrap(field, n if absolute else stored + n)
    if kind == "string":
        return reader.string()
    if kind == "list":  # always sent whole: a count, then the elements
        return [read_element(reader, field["of"]) for _ in range(reader.op())]
    if kind == "map":  # always sent whole: a count, then (key, element) pairs sorted by key
        return [(reader.string(), read_element(reader, field["of"])) for _ in range(reader.op())]
    raise ValueError(f"field type {kind!r} is not one the protocol defines")


def read_element(reader, element_type):
    """One element of a list or map: a string, or an absolute number (wrapped)."""
    if element_type["type"] == "string":
        return reader.string()
    return wrap(element_type, reader.op())


class Reader:
    """The two cursors of the algorithm: `i` over ops, `s` over strings."""

    def __init__(self, ops, strings):
        self.ops, self.strings = ops, strings
        self.i = self.s = 0

    def has_more(self):
        return self.i < len(self.ops)

    def op(self):
        value = self.ops[self.i]
        self.i += 1
        return value

    def string(self):
        value = self.strings[self.s]
        self.s += 1
        return value
