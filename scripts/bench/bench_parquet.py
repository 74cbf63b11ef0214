"""Times CSV -> snappy Parquet with gluelab, DuckDB, polars and pyarrow (see scripts/bench-parquet).

Each conversion runs in its own process under /usr/bin/time, which reports wall time and peak
RSS; the output file is checked to hold every row. Nothing is cached between runs except the
operating system's page cache (each file is read once before timing, so all tools start warm).
"""
import argparse
import os
import subprocess
import sys
import tempfile

import pyarrow.parquet as pq

TOOLS = {
    "duckdb": "import duckdb; duckdb.sql(\"COPY (SELECT * FROM read_csv('{src}', header=true)) "
              "TO '{dst}' (FORMAT parquet, COMPRESSION snappy)\")",
    "polars": "import polars as pl; pl.scan_csv('{src}').sink_parquet('{dst}', compression='snappy')",
    "pyarrow": "import pyarrow.csv as pv, pyarrow.parquet as pq\n"
               "r = pv.open_csv('{src}')\n"
               "w = pq.ParquetWriter('{dst}', r.schema, compression='snappy')\n"
               "for b in r: w.write_batch(b)\n"
               "w.close()",
}


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (seconds, peak RSS in MB)."""
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M", *cmd], capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{r.stderr}")
    seconds, kb = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gluelab", required=True)
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, GLUELAB_HOME=os.path.join(tmp, "home"))
        for src in args.files:
            size_mb = os.path.getsize(src) / 1e6
            with open(src, "rb") as f:  # warm the page cache for every tool alike
                while f.read(1 << 24):
                    pass
            rows = sum(1 for _ in open(src, "rb")) - 1
            runs = {}
            dst = os.path.join(tmp, "gluelab.parquet")
            runs["gluelab"] = timed([args.gluelab, "frame", "convert", src, dst, "--with-header", "--to", "parquet"], env)
            assert pq.ParquetFile(dst).metadata.num_rows == rows, "gluelab wrote the wrong row count"
            for tool, code in TOOLS.items():
                dst = os.path.join(tmp, f"{tool}.parquet")
                runs[tool] = timed([sys.executable, "-c", code.format(src=src, dst=dst)])
                assert pq.ParquetFile(dst).metadata.num_rows == rows, f"{tool} wrote the wrong row count"
            base = runs["gluelab"][0]
            print(f"\n{os.path.basename(src)}: {size_mb:.0f} MB, {rows} rows")
            print(f"  {'tool':8} {'seconds':>8} {'MB/s':>8} {'peak RSS':>10} {'time vs gluelab':>16}")
            for tool, (s, rss) in runs.items():
                print(f"  {tool:8} {s:8.2f} {size_mb / s:8.0f} {rss:8.0f} MB {s / base:15.2f}x")
            results.append((src, runs))
    return results


if __name__ == "__main__":
    main()
