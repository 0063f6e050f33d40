#!/usr/bin/env bash
# The README's Spark recipe, run for real: generated records scored by
# `rdd.pipe("carelevel batch - ...")` over Spark partitions (local mode, all
# cores) and by one `batch` process, compared record by record (by id) and
# by the summaries' counts. Installs pyspark from PyPI into a virtual
# environment (about 320 MB, kept in ~/.cache/carelevel-scale) and needs
# Java 17 or newer.
#
# Usage: bash tests/scale/spark.sh [RECORDS]   (default 200000)
# Honors CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
n=${1:-200000}

command -v java >/dev/null 2>&1 || { echo "Spark needs Java 17 or newer on PATH" >&2; exit 1; }
venv=${CARELEVEL_SCALE_VENV:-$HOME/.cache/carelevel-scale/venv}
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "== installing pyspark into $venv (PyPI)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5,<5"
fi
echo "== pyspark $("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)'), $(java -version 2>&1 | head -n1)"

source scripts/lib.sh
bin=$(release_binary)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== generating $n records"
"$bin" generate --count "$n" --seed 13 > "$work/records.jsonl"

echo "== one batch process"
"$bin" batch "$work/records.jsonl" --summary json > "$work/one.jsonl"

echo "== Spark: rdd.pipe over 8 partitions"
SPARK_LOCAL_IP=127.0.0.1 "$venv/bin/python" - "$bin" "$work" <<'PY'
import sys, time
from pyspark import SparkConf, SparkContext

bin, work = sys.argv[1], sys.argv[2]
conf = SparkConf().setMaster("local[*]").setAppName("carelevel").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
sc = SparkContext(conf=conf)
sc.setLogLevel("ERROR")
start = time.time()
records = sc.textFile(f"file://{work}/records.jsonl", minPartitions=8)
# Each partition is one `batch` process: its records, then its summary.
scored = records.pipe(f"{bin} batch - --summary json")
scored.saveAsTextFile(f"file://{work}/spark-out")
print(f"   {records.getNumPartitions()} partitions, {time.time() - start:.1f} s")
sc.stop()
PY
python3 "$root/tests/scale/compare.py" "$work/one.jsonl" "$work"/spark-out/part-*
