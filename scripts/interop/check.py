"""Parquet interoperability check for gluelab (run by scripts/interop-check, in CI).

1. gluelab writes: pyarrow writes a source file with every type gluelab supports (nulls at
   every level, nesting), gluelab reads it and writes it again as Parquet -- each codec,
   dictionary and plain (high-cardinality columns overflow the dictionary), partitioned and
   not -- and pyarrow and DuckDB must read back exactly the source values. JSON Lines written
   by the test are also converted by gluelab and checked the same way.
2. gluelab reads: pyarrow (defaults, data page v2, dictionary on and off, snappy / gzip /
   none, nested types, nulls) and DuckDB (default COPY) write files, and `gluelab frame show
   --json` must print exactly their values.

Values are compared after one canonical rendering (see `canon`): dates as yyyy-mm-dd,
timestamps as ISO 8601 UTC, decimals exactly, binary as base64, maps as objects, and null
struct fields left out (gluelab's records leave null fields out, as Glue's do).
Any mismatch is printed and the script exits 1.
"""
import argparse
import base64
import datetime as dt
import decimal
import json
import math
import os
import subprocess
import sys
import tempfile

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

FAILURES = []
PASSED = []


def canon(v, t=None):
    """A canonical, comparable rendering of a value read by pyarrow (with its arrow type)."""
    if v is None:
        return None
    if t is not None and pa.types.is_map(t):
        return {str(k): canon(x, t.item_type) for k, x in v}
    if isinstance(v, dict):
        fields = {f.name: f.type for f in t} if t is not None and pa.types.is_struct(t) else {}
        return {k: canon(x, fields.get(k)) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        et = t.value_type if t is not None and (pa.types.is_list(t) or pa.types.is_large_list(t)) else None
        return [canon(x, et) for x in v]
    if isinstance(v, bool):
        return v
    if isinstance(v, dt.datetime):
        if v.tzinfo is not None:
            v = v.astimezone(dt.timezone.utc).replace(tzinfo=None)
        s = v.strftime("%Y-%m-%dT%H:%M:%S")
        if v.microsecond:
            s += ("." + "%06d" % v.microsecond).rstrip("0")
        return s + "Z"
    if isinstance(v, dt.date):
        return v.isoformat()
    if isinstance(v, decimal.Decimal):
        return ("dec", v.normalize())
    if isinstance(v, (bytes, bytearray)):
        return base64.b64encode(bytes(v)).decode()
    if isinstance(v, float):
        if t is not None and pa.types.is_float32(t):
            return ("f32", float("%.7g" % v))
        return ("f", v)
    if isinstance(v, int):
        return v
    return v


def canon_gluelab(v, t):
    """gluelab's JSON value (parsed with Decimal for numbers) rendered like `canon`."""
    if v is None:
        return None
    if pa.types.is_struct(t):
        fields = {f.name: f.type for f in t}
        return {k: canon_gluelab(x, fields.get(k)) for k, x in v.items() if x is not None}
    if pa.types.is_map(t):
        return {k: canon_gluelab(x, t.item_type) for k, x in v.items()}
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return [canon_gluelab(x, t.value_type) for x in v]
    if pa.types.is_decimal(t):
        return ("dec", decimal.Decimal(str(v)).normalize())
    if pa.types.is_float32(t):
        return ("f32", float("%.7g" % float(v)))
    if pa.types.is_floating(t):
        return ("f", float(v))
    if pa.types.is_integer(t):
        return int(v)
    return v


def table_rows(table):
    """pyarrow table -> list of canonical records."""
    types = {f.name: f.type for f in table.schema}
    return [{k: canon(x, types[k]) for k, x in row.items() if x is not None} for row in table.to_pylist()]


def expect_equal(what, got, want):
    if got == want:
        print(f"ok    {what} ({len(want)} records)")
        PASSED.append(what)
        return
    FAILURES.append(what)
    print(f"FAIL  {what}")
    if len(got) != len(want):
        print(f"      {len(got)} records, expected {len(want)}")
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            print(f"      record {i}:\n        got      {g}\n        expected {w}")
            break


def duck_table(relation):
    """A DuckDB relation as a pyarrow Table, across DuckDB versions."""
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        if hasattr(relation, name):
            result = getattr(relation, name)()
            break
    return result.read_all() if hasattr(result, "read_all") else result


def run(args, **kw):
    r = subprocess.run(args, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        raise SystemExit(f"command failed ({r.returncode}): {' '.join(args)}\n{r.stderr}")
    return r.stdout


class Gluelab:
    def __init__(self, binary, home):
        self.binary = binary
        self.env = dict(os.environ, GLUELAB_HOME=home, NO_COLOR="1")

    def __call__(self, *args):
        return run([self.binary, *args], env=self.env)

    def rows(self, path, schema):
        """gluelab's records of a Parquet file, canonical, typed by the arrow schema."""
        out = self("frame", "show", path, "--json", "-n", "100000000")
        types = {f.name: f.type for f in schema}
        rows = []
        for line in out.splitlines():
            rec = json.loads(line, parse_float=decimal.Decimal, parse_int=int)
            rows.append({k: canon_gluelab(x, types[k]) for k, x in rec.items() if x is not None})
        return rows


def source_table(n=3000):
    """Every type gluelab supports, with nulls at every level and a column whose values are
    all distinct and long (so a writer's dictionary overflows into plain pages)."""
    def maybe(i, v, every=7):
        return None if i % every == 3 else v

    base = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    cols = {
        "b": [maybe(i, i % 2 == 0) for i in range(n)],
        "i8": pa.array([maybe(i, (i % 250) - 125) for i in range(n)], pa.int8()),
        "i16": pa.array([maybe(i, (i * 37) % 60000 - 30000) for i in range(n)], pa.int16()),
        "i32": pa.array([maybe(i, i * 1000 - 7) for i in range(n)], pa.int32()),
        "i64": pa.array([maybe(i, i * 10_000_000_019 - 3) for i in range(n)], pa.int64()),
        "f32": pa.array([maybe(i, i / 8.0 - 3.25) for i in range(n)], pa.float32()),
        "f64": pa.array([maybe(i, i * 1.1 - 500.05) for i in range(n)], pa.float64()),
        "dec": pa.array([maybe(i, decimal.Decimal(i * 13 - 900) / 100) for i in range(n)], pa.decimal128(10, 2)),
        "s_low": pa.array([maybe(i, ["USD", "EUR", "GBP", "JPY", "ünïcode ✓"][i % 5]) for i in range(n)], pa.string()),
        "s_high": pa.array([maybe(i, f"unique-value-{i:06d}-" + "x" * 400) for i in range(n)], pa.string()),
        "bin": pa.array([maybe(i, bytes([i % 256, (i * 7) % 256, 0])) for i in range(n)], pa.binary()),
        "d": pa.array([maybe(i, dt.date(2020, 1, 1) + dt.timedelta(days=i)) for i in range(n)], pa.date32()),
        "ts": pa.array([maybe(i, base + dt.timedelta(seconds=i * 3601, microseconds=i % 1000)) for i in range(n)],
                       pa.timestamp("us", tz="UTC")),
        "st": pa.array([maybe(i, {"x": maybe(i + 1, i), "y": f"s{i % 10}"}, 11) for i in range(n)],
                       pa.struct([("x", pa.int64()), ("y", pa.string())])),
        "lst": pa.array([maybe(i, [j if j % 4 else None for j in range(i % 5)], 13) for i in range(n)], pa.list_(pa.int64())),
        "lst_st": pa.array([maybe(i, [{"k": f"k{j}", "v": maybe(j, j * 0.5)} for j in range(i % 3)], 5) for i in range(n)],
                           pa.list_(pa.struct([("k", pa.string()), ("v", pa.float64())]))),
        "lst_lst": pa.array([maybe(i, [[i, None], [], None][: i % 4]) for i in range(n)], pa.list_(pa.list_(pa.int64()))),
        "m": pa.array([maybe(i, [("a", i), ("b", maybe(i, -i))][: i % 3]) for i in range(n)], pa.map_(pa.string(), pa.int64())),
        "country": pa.array([["US", "DE", "FR"][i % 3] for i in range(n)], pa.string()),
    }
    return pa.table(cols)


def check_gluelab_writes(g, tmp):
    src = source_table()
    src_path = os.path.join(tmp, "source.parquet")
    pq.write_table(src, src_path, compression="none")
    want = table_rows(src)
    for codec in ["snappy", "gzip", "none"]:
        out = os.path.join(tmp, f"gluelab-{codec}.parquet")
        g("frame", "convert", src_path, out, "--to", "parquet", "--write-option", f"compression={codec}")
        meta = pq.ParquetFile(out).metadata
        used = {meta.row_group(r).column(c).compression for r in range(meta.num_row_groups) for c in range(meta.num_columns)}
        expected_codec = {"none": "UNCOMPRESSED"}.get(codec, codec.upper())
        if used != {expected_codec}:
            FAILURES.append(f"codec {codec}")
            print(f"FAIL  gluelab wrote codec {used}, expected {expected_codec}")
        encodings = {e for r in range(meta.num_row_groups) for c in range(meta.num_columns)
                     for e in meta.row_group(r).column(c).encodings}
        if not {"RLE_DICTIONARY", "PLAIN"} <= encodings:
            FAILURES.append(f"encodings {codec}")
            print(f"FAIL  expected dictionary and plain pages, got {encodings}")
        got = table_rows(pq.read_table(out).cast(src.schema))
        expect_equal(f"pyarrow reads gluelab's {codec} file", got, want)
        duck = duck_table(duckdb.sql(f"select * from read_parquet('{out}')"))
        expect_equal(f"duckdb reads gluelab's {codec} file", table_rows(duck.cast(src.schema)), want)

    # Partitioned output in an s3:// folder, read back by pyarrow as a Hive dataset.
    g("s3", "put", src_path, "s3://interop/source/data.parquet")
    g("frame", "convert", "s3://interop/source/", "s3://interop/by-country/", "--to", "parquet",
      "--partition-keys", "country")
    home = g.env["GLUELAB_HOME"]
    part_root = os.path.join(home, "sandboxes", "playground", "s3", "interop", "by-country")
    parts = sorted(os.listdir(part_root))
    if parts != ["country=DE", "country=FR", "country=US"]:
        FAILURES.append("partition folders")
        print(f"FAIL  partition folders {parts}")
    ds = pq.read_table(part_root, partitioning="hive")
    ds = ds.set_column(ds.schema.get_field_index("country"), "country", ds.column("country").cast(pa.string()))
    key = lambda r: json.dumps(r, sort_keys=True, default=str)
    got = sorted(table_rows(ds.select(src.schema.names).cast(src.schema)), key=key)
    expect_equal("pyarrow reads gluelab's partitioned dataset", got, sorted(want, key=key))

    # JSON Lines -> Parquet: the types the JSON reader infers.
    lines = [{"id": i, "big": 5_000_000_000 + i, "price": i * 0.25, "name": f"n{i}", "ok": i % 2 == 0,
              "tags": [f"t{j}" for j in range(i % 3)], "addr": {"city": "Boaz", "zip": i}} for i in range(500)]
    jpath = os.path.join(tmp, "in.json")
    with open(jpath, "w") as f:
        for r in lines:
            f.write(json.dumps(r) + "\n")
    out = os.path.join(tmp, "from-json.parquet")
    g("frame", "convert", jpath, out, "--to", "parquet")
    t = pq.read_table(out)
    types = {f.name: str(f.type) for f in t.schema}
    want_types = {"id": "int32", "big": "int64", "price": "double", "name": "string", "ok": "bool",
                  "tags": "list<element: string>", "addr": "struct<city: string, zip: int32>"}
    if types != want_types:
        FAILURES.append("json types")
        print(f"FAIL  types from JSON: {types}")
    expect_equal("pyarrow reads gluelab's file from JSON", table_rows(t),
                 [{k: canon(v) for k, v in r.items()} for r in lines])


def check_gluelab_reads(g, tmp):
    src = source_table(1500)
    cases = {
        "pyarrow-defaults": dict(),
        "pyarrow-v2-pages": dict(data_page_version="2.0"),
        "pyarrow-no-dictionary": dict(use_dictionary=False),
        "pyarrow-gzip": dict(compression="gzip"),
        "pyarrow-none": dict(compression="none"),
        "pyarrow-small-groups": dict(row_group_size=200, data_page_size=1024),
    }
    want = table_rows(src)
    for name, kw in cases.items():
        path = os.path.join(tmp, name + ".parquet")
        pq.write_table(src, path, **kw)
        expect_equal(f"gluelab reads {name}", g.rows(path, src.schema), want)

    flat = src.select(["b", "i32", "i64", "f64", "dec", "s_low", "s_high", "d", "ts", "st", "lst"])
    path = os.path.join(tmp, "duckdb-default.parquet")
    con = duckdb.connect()
    con.register("src", flat)
    con.execute(f"COPY (SELECT * FROM src) TO '{path}' (FORMAT parquet)")
    back = pq.read_table(path)  # DuckDB's own types, as any reader sees them
    expect_equal("gluelab reads duckdb-default", g.rows(path, back.schema), table_rows(back))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gluelab", required=True)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        g = Gluelab(os.path.abspath(args.gluelab), os.path.join(tmp, "home"))
        print(f"pyarrow {pa.__version__}, duckdb {duckdb.__version__}")
        check_gluelab_writes(g, tmp)
        check_gluelab_reads(g, tmp)
    if FAILURES:
        print(f"\n{len(FAILURES)} interop check(s) failed: {', '.join(FAILURES)}")
    else:
        print("\nall interop checks passed")
    print(f"interop: {len(PASSED)} passed, {len(FAILURES)} failed")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
