#!/usr/bin/env bash
# Measures carelevel against the cost of merely reading and writing its input,
# in one run, on this machine:
#   - batch over 1,000,000 generated records vs `jq -c .` over the same file;
#   - peak memory of batch at 100,000 and 1,000,000 records;
#   - one `screen --answers ... --format json` vs `/bin/true`: wall time
#     (hyperfine) and instructions (valgrind's callgrind).
# Usage: [RUNS=3] bash bench/compare.sh [RECORDS]   (default 1000000; takes about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/.."

big=${1:-1000000}
small=$(( big / 10 ))
runs=${RUNS:-3}

source scripts/lib.sh
need_debian jq:jq hyperfine:hyperfine valgrind:valgrind /usr/bin/time:time
bin=$(release_binary)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== generating $big and $small records (seed 7)"
"$bin" generate --count "$big" --seed 7 > "$work/big.jsonl"
head -n "$small" "$work/big.jsonl" > "$work/small.jsonl"

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "== batch vs jq -c . over $big records ($(du -h "$work/big.jsonl" | cut -f1)), median of $runs runs each"
cat "$work/big.jsonl" > /dev/null # into the page cache for both
hyperfine -N --runs "$runs" --export-json "$work/t.json" \
  "jq -c . $work/big.jsonl" \
  "$bin batch $work/big.jsonl --summary none --output /dev/null" > /dev/null 2>&1
python3 - "$work/t.json" "$big" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
n = int(sys.argv[2])
jq = next(x for x in r if x["command"].startswith("jq"))
b = next(x for x in r if "batch" in x["command"])
for name, x in (("jq -c .", jq), ("carelevel batch", b)):
    print(f"  {name:<16} {x['median']:8.2f} s  {n / x['median']:10.0f} records/s   (runs: {', '.join(f'{t:.2f}' for t in x['times'])} s)")
print(f"  ratio            {jq['median'] / b['median']:8.1f}x   (target: at least 15x)")
PY

echo
echo "== peak memory of batch (maximum resident set size)"
for f in small big; do
  n=$([ $f = small ] && echo "$small" || echo "$big")
  kb=$( { /usr/bin/time -f "%M" "$bin" batch "$work/$f.jsonl" --summary none > /dev/null; } 2>&1 | tail -n1)
  awk -v n="$n" -v kb="$kb" 'BEGIN { printf "  %9d records  %6.1f MB   (target: under 32 MB, the same at both sizes)\n", n, kb / 1024 }'
done

echo
echo "== screen --answers examples/iop.yaml --format json vs /bin/true"
hyperfine --warmup 20 --runs 200 -N --export-json "$work/h.json" \
  "$bin screen --answers examples/iop.yaml --format json" "/bin/true" > /dev/null 2>&1
python3 - "$work/h.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
s = next(v for k, v in r.items() if "screen" in k)
t = r["/bin/true"]
print(f"  screen     {s['mean']*1000:7.2f} ms ± {s['stddev']*1000:.2f}")
print(f"  /bin/true  {t['mean']*1000:7.2f} ms ± {t['stddev']*1000:.2f}")
print(f"  ratio      {s['mean']/t['mean']:7.1f}x   (target: within 3x)")
PY
instructions() {
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$@" > /dev/null 2> "$work/cg.err"
  grep '^summary:' "$work/cg.out" | awk '{print $2}'
}
s_ir=$(instructions "$bin" screen --answers examples/iop.yaml --format json)
t_ir=$(instructions /bin/true)
awk -v s="$s_ir" -v t="$t_ir" 'BEGIN {
  printf "  instructions: screen %.2f million, /bin/true %.2f million   (target: under 1.5 million)\n", s / 1e6, t / 1e6
}'
