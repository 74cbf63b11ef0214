#!/usr/bin/env python3
"""Generates the Parquet reader's test fixtures (a development tool; CI never runs it).

Usage (from the repository root, with a virtual environment holding pyarrow and duckdb):

    python3 -m venv /tmp/pqenv && /tmp/pqenv/bin/pip install pyarrow duckdb
    /tmp/pqenv/bin/python scripts/make-parquet-fixtures.py

It writes small Parquet files to Tests/GlueEngineTests/Golden/parquet/, each with
`<name>.expected.jsonl`: the rows as pyarrow reads them (pyarrow is the reference reader), one
JSON object per line, in this canonical rendering, which the Swift tests reproduce from
gluelab's records:

  - a row and a struct are objects with their fields in schema order; null fields are left out
    (gluelab's records leave null fields out); a null struct, list or map is left out too;
  - lists are arrays (null elements stay null); maps are objects, keys as text (a non-string
    key as its JSON text: 5, true), null values stay null;
  - booleans and integers as JSON; floats and doubles as JSON numbers (fixtures use values a
    float32 holds exactly);
  - decimals of at most 18 digits as strings with exactly `scale` fraction digits ("12.50");
    wider decimals as JSON numbers (gluelab reads them as doubles);
  - dates as "yyyy-MM-dd"; timestamps as ISO 8601 UTC like gluelab's `Value.timestampText`
    ("2024-01-31T10:00:00.5Z": seconds always, fraction digits only when non-zero, trailing
    zeros trimmed, microsecond precision, nanoseconds floored); timestamps without time zone
    are rendered as if their wall clock were UTC;
  - TIME values as their integer count in the file's unit (ms, us or ns of the day);
  - binary and fixed-length binary as base64; UUIDs as lowercase 8-4-4-4-12 text.

Fixtures that need a codec gluelab may lack (snappy, gzip: pyarrow's and DuckDB's defaults;
zstd) are written too; their Swift tests run once `ParquetCodec.supported` lists the codec.
`legacy.parquet` is written byte by byte by this script (a tiny Thrift compact writer) to
cover forms pyarrow and DuckDB never write: 2-level lists, bare repeated fields, `_tuple` and
`array` list elements, MAP_KEY_VALUE maps, BIT_PACKED levels, ConvertedType-only annotations,
deprecated min/max statistics and unknown Thrift fields of every type.
"""

import base64
import datetime
import decimal
import json
import os
import struct
import uuid

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "GlueEngineTests", "Golden", "parquet")
EPOCH = datetime.date(1970, 1, 1)


# ---------------------------------------------------------------------------------------------
# Canonical rendering

def ts_text(micros):
    secs, frac = divmod(micros, 1_000_000)
    days, sod = divmod(secs, 86_400)
    d = EPOCH + datetime.timedelta(days=days)
    s = "%04d-%02d-%02dT%02d:%02d:%02d" % (d.year, d.month, d.day, sod // 3600, sod % 3600 // 60, sod % 60)
    if frac:
        s += "." + ("%06d" % frac).rstrip("0")
    return s + "Z"


def key_text(v):
    return v if isinstance(v, str) else json.dumps(v)


def render_array(arr):
    """The canonical values of a pyarrow array, one per element."""
    t = arr.type
    if isinstance(t, pa.BaseExtensionType):
        storage = render_array(arr.storage)
        if t.extension_name == "arrow.uuid":
            return [None if v is None else str(uuid.UUID(bytes=base64.b64decode(v))) for v in storage]
        return storage
    if pa.types.is_dictionary(t):
        return render_array(arr.dictionary_decode())
    if pa.types.is_timestamp(t):
        per = {"s": 1_000_000, "ms": 1000, "us": 1, "ns": None}[t.unit]
        out = []
        for v in arr.cast(pa.int64()).to_pylist():
            if v is None:
                out.append(None)
            else:
                out.append(ts_text(v // 1000 if per is None else v * per))
        return out
    if pa.types.is_time32(t):
        return arr.cast(pa.int32()).to_pylist()
    if pa.types.is_time64(t):
        return arr.cast(pa.int64()).to_pylist()
    if pa.types.is_date(t):
        return [None if v is None else v.isoformat() for v in arr.to_pylist()]
    if pa.types.is_decimal(t):
        if t.precision <= 18:
            return [None if v is None else format(v.quantize(decimal.Decimal(1).scaleb(-t.scale)), "f") for v in arr.to_pylist()]
        return [None if v is None else float(v) for v in arr.to_pylist()]
    if pa.types.is_float16(t):
        return arr.cast(pa.float32()).to_pylist()
    if pa.types.is_binary(t) or pa.types.is_large_binary(t) or pa.types.is_fixed_size_binary(t):
        return [None if v is None else base64.b64encode(v).decode() for v in arr.to_pylist()]
    if pa.types.is_struct(t):
        children = [render_array(arr.field(i)) for i in range(t.num_fields)]
        out = []
        for row in range(len(arr)):
            if not arr[row].is_valid:
                out.append(None)
                continue
            out.append({t.field(i).name: children[i][row] for i in range(t.num_fields) if children[i][row] is not None})
        return out
    if pa.types.is_map(t):
        keys = render_array(arr.keys)
        items = render_array(arr.items)
        offsets = arr.offsets.to_pylist()
        return [None if not arr[r].is_valid else {key_text(keys[j]): items[j] for j in range(offsets[r], offsets[r + 1])}
                for r in range(len(arr))]
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        values = render_array(arr.values)
        offsets = arr.offsets.to_pylist()
        return [None if not arr[r].is_valid else values[offsets[r]:offsets[r + 1]] for r in range(len(arr))]
    return arr.to_pylist()


def rows_of(table):
    table = table.combine_chunks()
    columns = [render_array(table.column(i).combine_chunks()) for i in range(table.num_columns)]
    names = table.column_names
    return [{names[c]: columns[c][r] for c in range(len(names)) if columns[c][r] is not None} for r in range(table.num_rows)]


def write_expected(name, rows):
    with open(os.path.join(OUT, name + ".expected.jsonl"), "w") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")


def pyarrow_fixture(name, table, **options):
    path = os.path.join(OUT, name + ".parquet")
    pq.write_table(table, path, **options)
    write_expected(name, rows_of(pq.read_table(path)))


# ---------------------------------------------------------------------------------------------
# Tables

def flat_table():
    ts = [datetime.datetime(2024, 1, 31, 10, 0, 0), datetime.datetime(1969, 12, 31, 23, 59, 59, 500000), None,
          datetime.datetime(2000, 2, 29, 12, 30, 15, 123456), datetime.datetime(1970, 1, 1), None]
    return pa.table({
        "b": pa.array([True, False, None, True, True, False]),
        "i8": pa.array([-128, 127, None, 0, 5, -1], pa.int8()),
        "i16": pa.array([-32768, 32767, 1, None, 0, 2], pa.int16()),
        "i32": pa.array([-2147483648, 2147483647, 0, 42, None, -7], pa.int32()),
        "i64": pa.array([-9223372036854775808, 9223372036854775807, None, 1, 10000000000, 0], pa.int64()),
        "u8": pa.array([0, 255, 128, None, 1, 2], pa.uint8()),
        "u16": pa.array([0, 65535, 40000, 1, None, 3], pa.uint16()),
        "u32": pa.array([0, 4294967295, 3000000000, None, 5, 6], pa.uint32()),
        "u64": pa.array([0, 9223372036854775807, None, 12, 13, 14], pa.uint64()),
        "f32": pa.array([1.5, -0.25, None, 3.75, 0.0, 1e10], pa.float32()),
        "f64": pa.array([1.1, -2.5e-300, 1e300, None, 0.1, 3.0], pa.float64()),
        "s": pa.array(["alpha", "", "héllo wörld", None, "alpha", "z" * 40]),
        "bin": pa.array([b"\x00\x01\xff", b"", None, b"abc", b"\x80", b"xyz"], pa.binary()),
        "fixed": pa.array([b"abc", b"\x00\x00\x00", None, b"xyz", b"\xff\xfe\xfd", b"123"], pa.binary(3)),
        "d": pa.array([datetime.date(2024, 1, 31), datetime.date(1969, 7, 20), None, datetime.date(1, 1, 1),
                       datetime.date(9999, 12, 31), datetime.date(1970, 1, 1)], pa.date32()),
        "ts_ms": pa.array(ts, pa.timestamp("ms")),
        "ts_us_utc": pa.array(ts, pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array([1_700_000_000_123_456_789, -1, None, 0, 999, -1_000_000_001], pa.timestamp("ns")),
        "t_ms": pa.array([0, 86_399_999, None, 45_296_789, 1, 2], pa.time32("ms")),
        "t_us": pa.array([0, 86_399_999_999, 45_296_789_012, None, 1, 2], pa.time64("us")),
        "dec9": pa.array([decimal.Decimal("12.50"), decimal.Decimal("-9999999.99"), None, decimal.Decimal("0.01"),
                          decimal.Decimal("0"), decimal.Decimal("1234567.89")], pa.decimal128(9, 2)),
        "dec18": pa.array([decimal.Decimal("12345678901234.5678"), decimal.Decimal("-0.0001"), None,
                           decimal.Decimal("99999999999999.9999"), decimal.Decimal("-99999999999999.9999"),
                           decimal.Decimal("1")], pa.decimal128(18, 4)),
        "dec30": pa.array([decimal.Decimal("1234567890123456789012345.12345"), decimal.Decimal("-1.5"), None,
                           decimal.Decimal("0"), decimal.Decimal("0.00001"), decimal.Decimal("-99999999999999999999.5")],
                          pa.decimal128(30, 5)),
        "nothing": pa.nulls(6),
        "half": pa.array([1.5, -2.0, None, 0.0, 65504.0, 0.5], pa.float16()),
        "id": pa.array([uuid.UUID("12345678-1234-5678-9abc-def012345678").bytes, None, bytes(16),
                        uuid.UUID("ffffffff-ffff-ffff-ffff-ffffffffffff").bytes, bytes(range(16)), bytes(range(16))],
                       pa.uuid()),
        "cat": pa.array(["red", "green", "red", None, "blue", "red"]).dictionary_encode(),
    })


def nested_table():
    point = pa.struct([("x", pa.float64()), ("y", pa.list_(pa.int64()))])
    st = pa.struct([("a", pa.int32()), ("b", pa.string()), ("inner", point), ("when", pa.timestamp("us"))])
    kv = pa.struct([("k", pa.string()), ("v", pa.int64())])
    when = datetime.datetime(2024, 5, 1, 8, 30)
    return pa.table({
        "id": pa.array([1, 2, 3, 4, 5, 6, 7], pa.int64()),
        "st": pa.array([
            {"a": 1, "b": "one", "inner": {"x": 1.5, "y": [1, 2]}, "when": when},
            None,
            {"a": None, "b": None, "inner": None, "when": None},
            {"a": 4, "b": "four", "inner": {"x": None, "y": None}, "when": None},
            {"a": 5, "b": None, "inner": {"x": 2.5, "y": []}, "when": when},
            {"a": 6, "b": "six", "inner": {"x": 0.5, "y": [None, 7]}, "when": None},
            None,
        ], st),
        "li": pa.array([[1, 2, 3], None, [], [None], [4, None, 5], [6], None], pa.list_(pa.int32())),
        "req": pa.array([[1], [2, 3], [], None, [4], [], [5, 6, 7]],
                        pa.list_(pa.field("element", pa.int32(), nullable=False))),
        "ls": pa.array([["a", "bb"], [""], None, ["c", None], [], ["dd"], ["e", "f", "g"]], pa.list_(pa.string())),
        "mp": pa.array([[("x", 1), ("y", 2)], [], None, [("z", None)], [("w", 4)], None, [("a", 0), ("b", -1)]],
                       pa.map_(pa.string(), pa.int32())),
        "mk": pa.array([[(1, "one")], None, [(2, "two"), (3, None)], [], [(-5, "neg")], [(0, "")], None],
                       pa.map_(pa.int32(), pa.string())),
        "los": pa.array([[{"k": "a", "v": 1}, {"k": "b", "v": None}], [], None, [None, {"k": None, "v": 3}],
                         [{"k": "c", "v": 4}], [None], [{"k": "d", "v": 5}, {"k": "e", "v": 6}]], pa.list_(kv)),
        "lol": pa.array([[[1, 2], [3]], [[], None], None, [None, [4]], [], [[5, 6, 7]], [[None]]], pa.list_(pa.list_(pa.int16()))),
        "sl": pa.array([{"l": [1, None], "x": 1}, {"l": None, "x": 2}, None, {"l": [], "x": None}, {"l": [3], "x": 4},
                        None, {"l": None, "x": None}], pa.struct([("l", pa.list_(pa.int32())), ("x", pa.int32())])),
        "mv": pa.array([[("a", [1, 2])], [("b", None), ("c", [])], None, [], [("d", [None])], [("e", [5]), ("f", [6, 7])], None],
                       pa.map_(pa.string(), pa.list_(pa.int64()))),
        "lm": pa.array([[[("a", 1)], []], None, [None, [("b", 2), ("c", None)]], [], [[("d", 4)]], [None], [[]]],
                       pa.list_(pa.map_(pa.string(), pa.int32()))),
    })


def rowgroups_table(n=160):
    return pa.table({
        "id": pa.array(range(n), pa.int64()),
        "name": pa.array(["n%04d" % i for i in range(n)]),
        "score": pa.array([i * 0.5 for i in range(n)], pa.float64()),
        "day": pa.array([datetime.date(2024, 1, 1) + datetime.timedelta(days=i) for i in range(n)], pa.date32()),
        "cat": pa.array([["red", "green", "blue"][i % 3] for i in range(n)]),
        "maybe": pa.array([None if i < 50 else i for i in range(n)], pa.int32()),
        "tags": pa.array([["t%d" % j for j in range(i % 4)] if i % 7 else None for i in range(n)], pa.list_(pa.string())),
    })


def delta_table(n=200):
    return pa.table({
        "i32": pa.array([None if i % 17 == 0 else (i * 37) % 1000 - 500 for i in range(n)], pa.int32()),
        "i64": pa.array([[-9223372036854775808, 9223372036854775807, 0][i % 3] if i % 50 == 0 else i * i * 1_000_003
                         for i in range(n)], pa.int64()),
        "sorted": pa.array(range(1000, 1000 + n), pa.int64()),
        "lengths": pa.array([None if i % 11 == 0 else "v" * (i % 9) + str(i) for i in range(n)]),
        "prefixed": pa.array(["customer/%05d/orders" % (i // 3) if i % 13 else None for i in range(n)]),
        "fixed": pa.array([("%04d" % i).encode() for i in range(n)], pa.binary(4)),
    })


def bss_table(n=50):
    return pa.table({
        "f32": pa.array([None if i % 5 == 0 else i * 0.25 - 3 for i in range(n)], pa.float32()),
        "f64": pa.array([i * 1.125e10 - 7 for i in range(n)], pa.float64()),
        "i32": pa.array([None if i % 7 == 0 else i * 1000 - 20000 for i in range(n)], pa.int32()),
        "i64": pa.array([i * 10_000_000_000 for i in range(n)], pa.int64()),
        "fixed": pa.array([None if i % 9 == 0 else bytes([i, 255 - i, 7]) for i in range(n)], pa.binary(3)),
        "b": pa.array([i % 3 == 0 for i in range(n)]),
    })


def int96_table():
    return pa.table({
        "ts": pa.array([datetime.datetime(2024, 1, 31, 10, 0, 0, 123456), datetime.datetime(1900, 1, 1),
                        None, datetime.datetime(1969, 12, 31, 23, 59, 59, 999999), datetime.datetime(2262, 4, 11)],
                       pa.timestamp("us")),
        "ts_ns": pa.array([1, -1, 1_700_000_000_000_000_001, None, 0], pa.timestamp("ns")),
        "n": pa.array([1, 2, 3, 4, 5], pa.int32()),
    })


DUCKDB_QUERY = """
SELECT * FROM (VALUES
  (1, 10000000000::BIGINT, 'alpha', 1.5::DOUBLE, true, DATE '2024-01-31', TIMESTAMP '2024-01-31 10:00:00.123456',
   TIMESTAMPTZ '2024-01-31 10:00:00+00', 12.34::DECIMAL(9,2), 123456.789::DECIMAL(18,3),
   1234567890.0123456789::DECIMAL(38,10), [1, 2, 3], {'a': 1, 'b': 'x'}, MAP {'k1': 1, 'k2': 2}, '\\x00\\xFFab'::BLOB,
   3::TINYINT, 300::SMALLINT, 200::UTINYINT, 60000::USMALLINT, 4000000000::UINTEGER, 9000000000000000000::UBIGINT,
   '12345678-1234-5678-9abc-def012345678'::UUID, TIME '12:34:56.5', 0.5::FLOAT, ['x', NULL], [{'p': 1}, NULL]),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (3, -5::BIGINT, '', -0.25::DOUBLE, false, DATE '1969-07-20', TIMESTAMP '1969-12-31 23:59:59',
   TIMESTAMPTZ '1970-01-01 00:00:00+00', -0.01::DECIMAL(9,2), -999999999999999.999::DECIMAL(18,3),
   -1.5::DECIMAL(38,10), [], {'a': NULL, 'b': NULL}, MAP {}, ''::BLOB,
   (-128)::TINYINT, (-32768)::SMALLINT, 0::UTINYINT, 0::USMALLINT, 0::UINTEGER, 0::UBIGINT,
   '00000000-0000-0000-0000-000000000000'::UUID, TIME '00:00:00', -1.25::FLOAT, [], [])
) t(i, big, s, dbl, flag, d, ts, tstz, dec9, dec18, dec38, li, st, mp, blob,
    tiny, small, utiny, usmall, uint, ubig, id, tm, fl, ls, lst)
"""


DUCKDB_RANGE = """
SELECT i::INTEGER AS i, (i * 7919 % 1000)::BIGINT AS x, 'name' || (i % 10) AS s,
       CASE WHEN i % 3 = 0 THEN NULL ELSE i * 0.5 END AS d, 'k' || i AS u,
       DATE '2024-01-01' + (i % 30)::INTEGER AS day, i * 1.5::DOUBLE AS f
FROM range(200) t(i)
"""


def duckdb_fixture(name, options, query=DUCKDB_QUERY):
    path = os.path.join(OUT, name + ".parquet")
    con = duckdb.connect()
    con.execute("SET TimeZone='UTC'")
    con.execute("COPY (%s) TO '%s' %s" % (query, path, options))
    write_expected(name, rows_of(pq.read_table(path)))


# ---------------------------------------------------------------------------------------------
# legacy.parquet, byte by byte

class Thrift:
    """A minimal Thrift compact-protocol writer."""

    def __init__(self):
        self.b = bytearray()
        self.last = [0]

    def varint(self, n):
        while True:
            if n < 0x80:
                self.b.append(n)
                return
            self.b.append(n & 0x7F | 0x80)
            n >>= 7

    def zigzag(self, n):
        self.varint((n << 1) ^ (n >> 63))

    def field(self, fid, wire):
        delta = fid - self.last[-1]
        if 0 < delta <= 15:
            self.b.append(delta << 4 | wire)
        else:
            self.b.append(wire)
            self.zigzag(fid)
        self.last[-1] = fid

    def i32(self, fid, v):
        self.field(fid, 5)
        self.zigzag(v)

    def i64(self, fid, v):
        self.field(fid, 6)
        self.zigzag(v)

    def binary(self, fid, v):
        self.field(fid, 8)
        v = v.encode() if isinstance(v, str) else v
        self.varint(len(v))
        self.b += v

    def boolean(self, fid, v):
        self.field(fid, 1 if v else 2)

    def begin(self, fid):
        self.field(fid, 12)
        self.last.append(0)

    def end(self):
        self.b.append(0)
        self.last.pop()

    def list_header(self, fid, wire, n):
        self.field(fid, 9)
        if n < 15:
            self.b.append(n << 4 | wire)
        else:
            self.b.append(0xF0 | wire)
            self.varint(n)

    def struct_list(self, fid, items, write):
        self.list_header(fid, 12, len(items))
        for item in items:
            self.last.append(0)
            write(item)
            self.end()

    def unknown_fields(self, fid):
        """A field of every wire type, nested, that a reader must skip."""
        self.begin(fid)
        self.boolean(1, True)
        self.boolean(2, False)
        self.field(3, 3)
        self.b.append(0x7F)
        self.field(4, 4)
        self.zigzag(-3)
        self.i32(5, 123456)
        self.i64(6, -1 << 40)
        self.field(7, 7)
        self.b += struct.pack("<d", 3.25)
        self.binary(8, "skip me")
        self.list_header(9, 6, 20)
        for k in range(20):
            self.zigzag(k)
        self.field(10, 10)  # a set of booleans
        self.b.append(3 << 4 | 1)
        self.b += bytes([1, 2, 1])
        self.field(11, 11)  # a map<string, double>
        self.varint(2)
        self.b.append(8 << 4 | 7)
        for key in ("a", "b"):
            self.varint(1)
            self.b += key.encode()
            self.b += struct.pack("<d", 1.0)
        self.field(12, 11)  # an empty map
        self.varint(0)
        self.begin(300)  # a long field id delta, a nested struct with a list of structs
        self.struct_list(1, [1, 2], lambda v: self.i32(1, v))
        self.end()
        self.end()


# Schema nodes: (name, repetition, type or None, converted_type or None, children or extra dict)
REQ, OPT, REP = 0, 1, 2
INT32, INT64, BYTE_ARRAY, FLBA = 1, 2, 6, 7
UTF8, MAP, MAP_KEY_VALUE, LIST, DECIMAL, DATE, TS_MILLIS, UINT_8 = 0, 1, 2, 3, 5, 6, 9, 11


def prim(name, rep, ptype, converted=None, **extra):
    return {"name": name, "rep": rep, "type": ptype, "converted": converted, "children": None, **extra}


def group(name, rep, children, converted=None):
    return {"name": name, "rep": rep, "type": None, "converted": converted, "children": children}


LEGACY_SCHEMA = [
    prim("n", REQ, INT32),
    prim("name", OPT, BYTE_ARRAY, UTF8),
    prim("rep_prim", REP, INT32),
    group("two_level", OPT, [prim("array", REP, INT32)], LIST),
    group("two_level_struct", OPT, [group("array", REP, [prim("s", OPT, BYTE_ARRAY, UTF8)])], LIST),
    group("tuple_list", OPT, [group("tuple_list_tuple", REP, [prim("x", REQ, INT32)])], LIST),
    group("pairs", OPT, [group("pair", REP, [prim("a", REQ, INT32), prim("b", OPT, INT32)])], LIST),
    group("old_map", OPT, [group("map", REP, [prim("key", REQ, BYTE_ARRAY, UTF8), prim("value", OPT, INT32)],
                                 MAP_KEY_VALUE)], MAP_KEY_VALUE),
    group("rep_group", REP, [prim("a", REQ, INT32), prim("b", OPT, BYTE_ARRAY, UTF8)]),
    prim("bp", OPT, INT32, bit_packed=True),
    prim("u8", OPT, INT32, UINT_8),
    prim("ts", OPT, INT64, TS_MILLIS),
    prim("d", OPT, INT32, DATE),
    prim("dec", OPT, FLBA, DECIMAL, length=5, precision=10, scale=2),
]

LEGACY_ROWS = [
    {"n": 1, "name": "a", "rep_prim": [1, 2], "two_level": [10, 11], "two_level_struct": [{"s": "a"}, {"s": None}],
     "tuple_list": [{"x": 1}], "pairs": [{"a": 1, "b": 2}], "old_map": [("a", 1)], "rep_group": [{"a": 1, "b": "x"}],
     "bp": 7, "u8": 255, "ts": 1706695200123, "d": 19753, "dec": 1250},
    {"n": 2, "name": "b", "rep_prim": [], "two_level": None, "two_level_struct": [], "tuple_list": [{"x": 2}, {"x": 3}],
     "pairs": [], "old_map": [], "rep_group": [], "bp": None, "u8": None, "ts": None, "d": None, "dec": None},
    {"n": 3, "name": "c", "rep_prim": [3], "two_level": [], "two_level_struct": None, "tuple_list": None,
     "pairs": None, "old_map": None, "rep_group": [{"a": 2, "b": None}, {"a": 3, "b": "y"}], "bp": 9, "u8": 0,
     "ts": -1, "d": -1, "dec": -1},
    {"n": 4, "name": "d", "rep_prim": [4, 5, 6], "two_level": [12], "two_level_struct": [{"s": "b"}], "tuple_list": [],
     "pairs": [{"a": 5, "b": None}, {"a": 6, "b": 7}], "old_map": [("b", None), ("c", 3)], "rep_group": [],
     "bp": None, "u8": 1, "ts": 0, "d": 0, "dec": 99999999},
]


def annotate(nodes, rep=0, d=0, path=()):
    """Adds each node's max levels and path; returns the leaves in order."""
    leaves = []
    for node in nodes:
        r = rep + (node["rep"] == REP)
        dd = d + (node["rep"] != REQ)
        node["max_rep"], node["max_def"], node["path"] = r, dd, path + (node["name"],)
        if node["children"] is None:
            leaves.append(node)
        else:
            leaves += annotate(node["children"], r, dd, node["path"])
    return leaves


def leaves_of(node):
    return [node] if node["children"] is None else [l for c in node["children"] for l in leaves_of(c)]


def child_value(node, child, value):
    """The value of `child` inside `value` (the legacy lists and maps are written as rows of dicts)."""
    if node["converted"] == MAP_KEY_VALUE and node["rep"] == REP:
        return value[0] if child["name"] == "key" else value[1]
    if isinstance(value, dict):
        return value.get(child["name"])
    return value  # a 2-level list's element


def shred(node, value, r, d, out):
    if node["rep"] == REP:
        items = value or []
        if not items:
            for leaf in leaves_of(node):
                out[id(leaf)].append((r, d, None))
            return
        for i, item in enumerate(items):
            shred_one(node, item, r if i == 0 else node["max_rep"], node["max_def"], out)
    elif node["rep"] == OPT:
        if value is None:
            for leaf in leaves_of(node):
                out[id(leaf)].append((r, d, None))
            return
        shred_one(node, value, r, node["max_def"], out)
    else:
        shred_one(node, value, r, d, out)


def shred_one(node, value, r, d, out):
    if node["children"] is None:
        out[id(node)].append((r, d, value))
        return
    if node["converted"] in (LIST, MAP_KEY_VALUE) and node["rep"] != REP:
        shred(node["children"][0], value, r, d, out)
        return
    for child in node["children"]:
        shred(child, child_value(node, child, value), r, d, out)


def rle_levels(levels, max_level):
    body = bytearray()
    width = max(1, max_level.bit_length())
    for level in levels:
        body.append(2)  # a repeated run of one value
        body += level.to_bytes((width + 7) // 8, "little")
    return struct.pack("<I", len(body)) + body


def bit_packed_levels(levels, max_level):
    width = max(1, max_level.bit_length())
    bits = "".join(format(level, "0%db" % width) for level in levels)
    bits += "0" * (-len(bits) % 8)
    return bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))


def plain(leaf, values):
    out = bytearray()
    for v in values:
        if leaf["type"] == INT32:
            out += struct.pack("<i", v)
        elif leaf["type"] == INT64:
            out += struct.pack("<q", v)
        elif leaf["type"] == FLBA:
            out += v.to_bytes(leaf["length"], "big", signed=True)
        else:
            b = v.encode()
            out += struct.pack("<I", len(b)) + b
    return bytes(out)


def write_legacy():
    leaves = annotate(LEGACY_SCHEMA)
    data = bytearray(b"PAR1")
    row_groups = []
    for rows in (LEGACY_ROWS[:2], LEGACY_ROWS[2:]):
        entries = {id(l): [] for l in leaves}
        for row in rows:
            for node in LEGACY_SCHEMA:
                shred(node, row[node["name"]], 0, 0, entries)
        chunks = []
        for leaf in leaves:
            levels = entries[id(leaf)]
            page = bytearray()
            if leaf["max_rep"]:
                page += rle_levels([e[0] for e in levels], leaf["max_rep"])
            if leaf["max_def"]:
                defs = [e[1] for e in levels]
                page += bit_packed_levels(defs, leaf["max_def"]) if leaf.get("bit_packed") else rle_levels(defs, leaf["max_def"])
            values = [e[2] for e in levels if e[1] == leaf["max_def"]]
            page += plain(leaf, values)
            header = Thrift()
            header.i32(1, 0)
            header.i32(2, len(page))
            header.i32(3, len(page))
            header.begin(5)
            header.i32(1, len(levels))
            header.i32(2, 0)
            header.i32(3, 4 if leaf.get("bit_packed") else 3)
            header.i32(4, 3)
            header.end()
            header.b.append(0)
            offset = len(data)
            data += header.b + page
            stats = None
            if leaf["name"] in ("n", "name"):
                stats = (plain(leaf, [min(values)])[4 if leaf["type"] == BYTE_ARRAY else 0:],
                         plain(leaf, [max(values)])[4 if leaf["type"] == BYTE_ARRAY else 0:])
            chunks.append((leaf, offset, len(header.b) + len(page), len(levels), stats))
        row_groups.append((chunks, len(rows)))

    t = Thrift()
    t.i32(1, 1)

    def schema_element(node):
        if node.get("root"):
            t.binary(4, "legacy")
            t.i32(5, len(LEGACY_SCHEMA))
            return
        if node["type"] is not None:
            t.i32(1, node["type"])
            if node["type"] == FLBA:
                t.i32(2, node["length"])
        t.i32(3, node["rep"])
        t.binary(4, node["name"])
        if node["children"] is not None:
            t.i32(5, len(node["children"]))
        if node["converted"] is not None:
            t.i32(6, node["converted"])
        if node["converted"] == DECIMAL:
            t.i32(7, node["scale"])
            t.i32(8, node["precision"])

    def flatten(nodes):
        for node in nodes:
            yield node
            if node["children"] is not None:
                yield from flatten(node["children"])

    t.struct_list(2, [{"root": True}] + list(flatten(LEGACY_SCHEMA)), schema_element)
    t.i64(3, len(LEGACY_ROWS))

    def column_chunk(chunk):
        leaf, offset, size, count, stats = chunk
        t.i64(2, offset)
        t.begin(3)
        t.i32(1, leaf["type"])
        t.list_header(2, 5, 2)
        t.zigzag(0)
        t.zigzag(4 if leaf.get("bit_packed") else 3)
        t.list_header(3, 8, len(leaf["path"]))
        for part in leaf["path"]:
            t.varint(len(part))
            t.b += part.encode()
        t.i32(4, 0)
        t.i64(5, count)
        t.i64(6, size)
        t.i64(7, size)
        t.unknown_fields(8 + 90)  # field 98: unknown to every reader
        t.i64(9, offset)
        if stats:
            t.begin(12)
            t.binary(1, stats[1])  # the deprecated max
            t.binary(2, stats[0])  # the deprecated min
            t.i64(3, 0)
            t.end()
        t.end()

    def row_group(group):
        chunks, rows = group
        t.struct_list(1, chunks, column_chunk)
        t.i64(2, sum(c[2] for c in chunks))
        t.i64(3, rows)

    t.struct_list(4, row_groups, row_group)
    t.binary(6, "gluelab make-parquet-fixtures.py")
    t.unknown_fields(100)
    t.b.append(0)
    data += t.b + struct.pack("<I", len(t.b)) + b"PAR1"
    path = os.path.join(OUT, "legacy.parquet")
    with open(path, "wb") as f:
        f.write(data)

    check = pq.read_table(path)  # pyarrow must accept the file
    assert check.num_rows == len(LEGACY_ROWS), check.num_rows
    assert check.column("rep_prim").to_pylist() == [r["rep_prim"] for r in LEGACY_ROWS]
    assert check.column("two_level").to_pylist() == [r["two_level"] for r in LEGACY_ROWS]
    # "bp" is not checked: Arrow C++ unpacks BIT_PACKED levels LSB first, against Encodings.md
    # (MSB first, as parquet-mr wrote them); gluelab follows the spec.
    write_expected("legacy", [legacy_expected(r) for r in LEGACY_ROWS])


def legacy_expected(row):
    out = {}
    for key, v in row.items():
        if v is None:
            continue
        if key == "old_map":
            v = {k: x for k, x in v}
        elif key in ("two_level_struct", "tuple_list", "pairs", "rep_group"):
            v = [{k: x for k, x in item.items() if x is not None} for item in v]
        elif key == "ts":
            v = ts_text(v * 1000)
        elif key == "d":
            v = (EPOCH + datetime.timedelta(days=v)).isoformat()
        elif key == "dec":
            v = format(decimal.Decimal(v).scaleb(-2), "f")
        out[key] = v
    return out


# ---------------------------------------------------------------------------------------------

def main():
    os.makedirs(OUT, exist_ok=True)
    flat = flat_table()
    pyarrow_fixture("flat_plain", flat, compression="none")
    pyarrow_fixture("flat_v2", flat, compression="none", data_page_version="2.0", store_decimal_as_integer=True)
    pyarrow_fixture("flat_nodict", flat, compression="none", use_dictionary=False)
    pyarrow_fixture("flat_snappy", flat)  # pyarrow's defaults
    pyarrow_fixture("flat_gzip", flat, compression="gzip")
    pyarrow_fixture("flat_zstd", flat.select(["i32", "s"]), compression="zstd")
    nested = nested_table()
    pyarrow_fixture("nested", nested, compression="none")
    pyarrow_fixture("nested_v2", nested, compression="none", data_page_version="2.0", use_dictionary=False,
                    write_batch_size=2, data_page_size=16)
    pyarrow_fixture("nested_item", nested, compression="none", use_compliant_nested_type=False)
    pyarrow_fixture("rowgroups", rowgroups_table(), compression="none", row_group_size=40, data_page_size=100,
                    write_batch_size=8, dictionary_pagesize_limit=64)
    delta = delta_table()
    pyarrow_fixture("delta", delta, compression="none", use_dictionary=False, write_batch_size=32, data_page_size=256,
                    column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED",
                                     "sorted": "DELTA_BINARY_PACKED", "lengths": "DELTA_LENGTH_BYTE_ARRAY",
                                     "prefixed": "DELTA_BYTE_ARRAY", "fixed": "DELTA_BYTE_ARRAY"})
    pyarrow_fixture("bss", bss_table(), compression="none", use_dictionary=False, data_page_version="2.0",
                    column_encoding={"f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT", "i32": "BYTE_STREAM_SPLIT",
                                     "i64": "BYTE_STREAM_SPLIT", "fixed": "BYTE_STREAM_SPLIT", "b": "RLE"})
    pyarrow_fixture("int96", int96_table(), compression="none", use_deprecated_int96_timestamps=True)
    pyarrow_fixture("uint64_overflow", pa.table({"u": pa.array([1, 18446744073709551615], pa.uint64())}), compression="none")
    duckdb_fixture("duckdb_default", "(FORMAT PARQUET)")
    duckdb_fixture("duckdb_none", "(FORMAT PARQUET, COMPRESSION UNCOMPRESSED)")
    duckdb_fixture("duckdb_range", "(FORMAT PARQUET, COMPRESSION UNCOMPRESSED)", DUCKDB_RANGE)
    duckdb_fixture("duckdb_range_v2", "(FORMAT PARQUET, COMPRESSION UNCOMPRESSED, PARQUET_VERSION V2)", DUCKDB_RANGE)
    write_legacy()
    for name in sorted(os.listdir(OUT)):
        print("%-40s %6d bytes" % (name, os.path.getsize(os.path.join(OUT, name))))


if __name__ == "__main__":
    main()
