#!/usr/bin/env bash
# The benchmark (docs/performance.md): times `qualcheck check` on a national batch of about
# 1,000,000 entries and 12 million shuffled unit rows, and, when the store exists, `import`
# and `report at-risk`. Not a test: nothing here runs under `make test`.
#
#   tests/bench/run.sh [BUILD_DIR] [--runs N] [--entries N] [--grouped] [--regenerate] [--check-only]
#                      [--verify]
#
# BUILD_DIR (default: build) must hold a Release build with the targets qualcheck,
# qc_gen_batch and qc_bench_run; the script builds those three targets there first.
# --verify also checks the same batch with rows grouped by candidate and compares the
# judgements (every column but the notes, whose line numbers differ).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=build
runs=3
entries=1000000
order=--shuffled
regenerate=no
store_too=yes
verify=no
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    --grouped) order=--grouped; shift ;;
    --regenerate) regenerate=yes; shift ;;
    --check-only) store_too=no; shift ;;
    --verify) verify=yes; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
case "$build" in /*) ;; *) build="$root/$build" ;; esac

if ! log=$(cmake --build "$build" -j"$(nproc)" --target qualcheck qc_gen_batch qc_bench_run 2>&1); then
  echo "$log" >&2
  exit 2
fi
qc="$build/cmd/qualcheck"
runner="$build/tests/bench/qc_bench_run"
if grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt"; then :; else
  echo "run.sh: warning: $build is not a Release build; figures will not be comparable" >&2
fi

# The batch is deterministic: regenerate only when asked or when its shape changes.
data="$here/data"
shape="entries=$entries order=$order"
if [ "$regenerate" = yes ] || [ ! -f "$data/units.csv" ] || [ "$(cat "$data/shape" 2>/dev/null)" != "$shape" ]; then
  "$build/tests/bench/qc_gen_batch" --entries "$entries" "$order" --out "$data"
  echo "$shape" >"$data/shape"
fi
candidates="$data/candidates.csv"
units="$data/units.csv"
bytes=$(( $(stat -c %s "$candidates") + $(stat -c %s "$units") ))
rows=$(( $(wc -l <"$units") - 1 ))
count=$(( $(wc -l <"$candidates") - 1 ))

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM"
echo "batch:   $count entries, $rows unit rows, $bytes bytes ($order)"
cat "$candidates" "$units" >/dev/null # warm the page cache

# check exits 1 when at-risk entries exist, as this batch has.
"$runner" --label check --runs "$runs" --entries "$count" --rows "$rows" --bytes "$bytes" --ok 0,1 -- \
  "$qc" check --rules "$root/examples/rules" --candidates "$candidates" --units "$units" \
  --today 2027-03-10 --format csv -o /tmp/qc-bench-out.csv
echo "check output: $(( $(wc -l </tmp/qc-bench-out.csv) - 1 )) result rows in /tmp/qc-bench-out.csv"

if [ "$verify" = yes ]; then
  other=--grouped
  [ "$order" = --grouped ] && other=--shuffled
  "$build/tests/bench/qc_gen_batch" --entries "$entries" "$other" --out "$data/other"
  "$qc" check --rules "$root/examples/rules" --candidates "$data/other/candidates.csv" \
    --units "$data/other/units.csv" --today 2027-03-10 --format csv -o /tmp/qc-bench-other.csv || [ $? = 1 ]
  # Notes name the file and line of each row, so they differ between the two orders; they never
  # hold a comma. Every other cell must be the same, and the notes the same once the files and
  # lines are taken out (compared as one sorted list, as their order follows the rows').
  without_notes() { sed -E 's/,unit [0-9]+ \([^,]*,/,,/' "$1"; }
  notes_of() { grep -oE 'unit [0-9]+ \([^)]*\) is not [^;,]*' "$1" | sed -E 's/ \([^)]*\)//' | sort; }
  if cmp -s <(without_notes /tmp/qc-bench-out.csv) <(without_notes /tmp/qc-bench-other.csv) &&
     cmp -s <(notes_of /tmp/qc-bench-out.csv) <(notes_of /tmp/qc-bench-other.csv); then
    echo "verify: ${order#--} and ${other#--} rows give the same judgement for every entry"
  else
    echo "verify: ${order#--} and ${other#--} rows give DIFFERENT judgements" >&2
    exit 1
  fi
fi

if [ "$store_too" = no ]; then
  exit 0
elif "$qc" import --help >/dev/null 2>&1; then
  store=/tmp/qc-bench.db
  # Each import starts from an empty store so that every run does the same work.
  "$runner" --label import --runs "$runs" --entries "$count" --rows "$rows" --bytes "$bytes" \
    --before "rm -f $store $store-wal $store-shm $store-journal" -- \
    "$qc" import --rules "$root/examples/rules" --store "$store" --candidates "$candidates" \
    --units "$units" --today 2027-03-10
  if "$qc" report at-risk --help >/dev/null 2>&1; then
    "$runner" --label at-risk --runs "$runs" --entries "$count" --ok 0,1 -- \
      "$qc" report at-risk --rules "$root/examples/rules" --store "$store" --today 2027-03-10 \
      --format csv -o /tmp/qc-bench-atrisk.csv
  else
    echo "report at-risk: not available yet ('qualcheck report at-risk --help' failed); skipped"
  fi
else
  echo "import: not available yet ('qualcheck import --help' failed); skipped"
fi
