#!/usr/bin/env bash
# The benchmark (docs/performance.md): times `qualcheck check` from CSV, `import`,
# `check` from the store and `report at-risk` on national batches of three shapes. Not a test:
# nothing here runs under `make test`.
#
#   tests/bench/run.sh [BUILD_DIR] [--shape all|mixed|own|notes] [--runs N] [--entries N]
#                      [--grouped] [--regenerate] [--check-only] [--verify] [--qualcheck PATH]
#
# Shapes: mixed (1,000,000 entries, about 12 rows each, 1 entry in 20 with a row for a unit
# outside its qualification), own (1,200,000 entries, 8.9 M rows, every row for a unit of the
# entry's qualification), notes (1,200,000 entries, 11.8 M rows, a third of them for units
# outside the entry's qualification). --entries N sets the entries of every shape.
# BUILD_DIR (default: build) must hold a Release build; the script builds qualcheck,
# qc_gen_batch and qc_bench_run there first. --qualcheck times another qualcheck binary (for
# a before/after comparison) with the same batches.
# --verify also compares outputs: shuffled against grouped rows (every judgement the same),
# and `check` from the store against `check` from the CSV files (byte for byte).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=build
runs=3
entries=
shapes="mixed own notes"
order=--shuffled
regenerate=no
store_too=yes
verify=no
qc=
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --entries) entries=$2; shift 2 ;;
    --shape) shapes=$2; [ "$shapes" = all ] && shapes="mixed own notes"; shift 2 ;;
    --grouped) order=--grouped; shift ;;
    --regenerate) regenerate=yes; shift ;;
    --check-only) store_too=no; shift ;;
    --verify) verify=yes; shift ;;
    --qualcheck) qc=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
case "$build" in /*) ;; *) build="$root/$build" ;; esac

if ! log=$(cmake --build "$build" -j"$(nproc)" --target qualcheck qc_gen_batch qc_bench_run 2>&1); then
  echo "$log" >&2
  exit 2
fi
qc=${qc:-"$build/cmd/qualcheck"}
runner="$build/tests/bench/qc_bench_run"
gen="$build/tests/bench/qc_gen_batch"
if grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt"; then :; else
  echo "run.sh: warning: $build is not a Release build; figures will not be comparable" >&2
fi
rules="$root/examples/rules"
today=2027-03-10

# The generator's options for each shape.
shape_options() {
  case "$1" in
    mixed) echo "--shape mixed --entries ${entries:-1000000} --units-per-entry 12" ;;
    own) echo "--shape own --entries ${entries:-1200000} --units-per-entry 7.4" ;;
    notes) echo "--shape notes --entries ${entries:-1200000} --units-per-entry 7.9" ;;
    *) echo "run.sh: --shape is all, mixed, own or notes, not '$1'" >&2; exit 2 ;;
  esac
}

# Generates DIR's batch unless it is there with the same options (the batch is deterministic).
generate() { # DIR OPTIONS...
  local dir=$1; shift
  if [ "$regenerate" = yes ] || [ ! -f "$dir/units.csv" ] || [ "$(cat "$dir/shape" 2>/dev/null)" != "$*" ]; then
    "$gen" "$@" --out "$dir"
    echo "$*" >"$dir/shape"
  fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM"
echo "qualcheck: $qc"

for shape in $shapes; do
  options=$(shape_options "$shape")
  data="$here/data/$shape"
  mkdir -p "$here/data"
  # shellcheck disable=SC2086
  generate "$data" $options $order
  candidates="$data/candidates.csv"
  units="$data/units.csv"
  bytes=$(( $(stat -c %s "$candidates") + $(stat -c %s "$units") ))
  rows=$(( $(wc -l <"$units") - 1 ))
  count=$(( $(wc -l <"$candidates") - 1 ))
  out="/tmp/qc-bench-$shape"
  echo
  echo "== $shape: $count entries, $rows unit rows, $bytes bytes (${order#--})"
  cat "$candidates" "$units" >/dev/null # warm the page cache

  # check exits 1 when at-risk entries exist, as every batch has.
  "$runner" --label check --runs "$runs" --entries "$count" --rows "$rows" --bytes "$bytes" --ok 0,1 -- \
    "$qc" check --rules "$rules" --candidates "$candidates" --units "$units" \
    --today $today --format csv -o "$out.csv"
  echo "check output: $(( $(wc -l <"$out.csv") - 1 )) result rows in $out.csv"

  if [ "$verify" = yes ]; then
    other=--grouped
    [ "$order" = --grouped ] && other=--shuffled
    # shellcheck disable=SC2086
    generate "$data/other" $options $other
    "$qc" check --rules "$rules" --candidates "$data/other/candidates.csv" \
      --units "$data/other/units.csv" --today $today --format csv -o "$out-other.csv" || [ $? = 1 ]
    # Notes name the file and line of each row, so they differ between the two orders; they
    # never hold a comma. Every other cell must be the same, and the notes the same once the
    # files and lines are taken out (compared as one sorted list, as their order follows the rows').
    without_notes() { sed -E 's/,unit [0-9]+ \([^,]*,/,,/' "$1"; }
    notes_of() { grep -oE 'unit [0-9]+ \([^)]*\) is not [^;,]*' "$1" | sed -E 's/ \([^)]*\)//' | sort; }
    if cmp -s <(without_notes "$out.csv") <(without_notes "$out-other.csv") &&
       cmp -s <(notes_of "$out.csv") <(notes_of "$out-other.csv"); then
      echo "verify: ${order#--} and ${other#--} rows give the same judgement for every entry"
    else
      echo "verify: ${order#--} and ${other#--} rows give DIFFERENT judgements" >&2
      exit 1
    fi
  fi

  [ "$store_too" = yes ] || continue
  store="$out.db"
  # Each import starts from an empty store so that every run does the same work.
  "$runner" --label import --runs "$runs" --entries "$count" --rows "$rows" --bytes "$bytes" \
    --before "rm -f $store $store-wal $store-shm $store-journal" -- \
    "$qc" import --rules "$rules" --store "$store" --candidates "$candidates" \
    --units "$units" --today $today
  echo "store: $(( $(stat -c %s "$store") / 1000000 )) MB"
  # The nightly path: judge the store's current data (each run also saves its results).
  "$runner" --label store --runs "$runs" --entries "$count" --rows "$rows" --ok 0,1 -- \
    "$qc" check --rules "$rules" --store "$store" --today $today --format csv -o "$out-store.csv"
  if [ "$verify" = yes ]; then
    if cmp -s "$out.csv" "$out-store.csv"; then
      echo "verify: check from the store writes the same bytes as check from the CSV files"
    else
      echo "verify: check from the store and from the CSV files DIFFER ($out.csv, $out-store.csv)" >&2
      exit 1
    fi
  fi
  "$runner" --label at-risk --runs "$runs" --entries "$count" --ok 0,1 -- \
    "$qc" report at-risk --rules "$rules" --store "$store" --today $today \
    --format csv -o "$out-atrisk.csv"
done
