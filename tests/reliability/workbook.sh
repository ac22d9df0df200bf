#!/usr/bin/env bash
# qualcheck's workbooks (--format xlsx) opened in a real spreadsheet: LibreOffice Calc
# (headless) converts each workbook back to CSV, one file per sheet, and every cell is compared
# with qualcheck's own CSV of the same run. The same workbooks converted to flat OpenDocument
# show how LibreOffice styles them: acknowledged rows grey, not-eligible rows highlighted, the
# header bold, and no cell a formula.
# usage: workbook.sh QUALCHECK
set -uo pipefail
qualcheck=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v soffice >/dev/null; then
  echo "SKIP: LibreOffice (soffice) is not installed; 'make test-deps' installs libreoffice-calc-nogui"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/examples/." "$work/"
cd "$work" || exit 1
failed=0
fail() { echo "FAIL: $*"; failed=1; }
qc() { "$qualcheck" "$@" --rules rules --today 2027-03-10; local rc=$?; [ $rc = 0 ] || [ $rc = 1 ] || fail "qualcheck $* exited $rc"; }

# A name that a spreadsheet would run as a formula: the workbook keeps it as text.
sed -i 's|^61234,0007,Ahmed,|61234,0007,"=HYPERLINK(""http://example.invalid"")",|' candidates.csv
inputs=(--candidates candidates.csv --units units.csv)
qc import "${inputs[@]}" --visits visits.csv >/dev/null
qc declare acknowledge 0019 90202 --user alice >/dev/null

# Each pair: a workbook and the CSV qualcheck writes for the same run ("NAME.xlsx" holds one
# sheet compared with "NAME.csv"; the summary's sheets are compared one by one below).
pair() { # NAME ARGS...
  local name=$1; shift
  qc "$@" --format csv -o "$name.csv"
  qc "$@" --format xlsx -o "$name.xlsx"
}
pair check check "${inputs[@]}"
pair at-risk-csv report at-risk "${inputs[@]}"
pair at-risk-store report at-risk
pair summary-entries report summary
pair candidate report candidate 0019
qc report summary --format xlsx -o summary.xlsx
qc report at-risk --format csv -o summary-at-risk.csv

# LibreOffice: each workbook to CSV (UTF-8, every sheet to its own NAME-SHEET.csv) and to .fods.
HOME="$work" timeout 600 soffice --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work/lo" ./*.xlsx > soffice.log 2>&1 || { cat soffice.log; exit 1; }
HOME="$work" timeout 600 soffice --headless --convert-to fods --outdir "$work/lo" ./*.xlsx \
  >> soffice.log 2>&1 || { cat soffice.log; exit 1; }

# One line per cell, "ROW<TAB>COLUMN<TAB>TEXT", newlines in a cell shown as \n. qualcheck's
# CSV makes formula-like text inert with a leading apostrophe; a workbook cell needs none, so
# with `inert` the apostrophe is dropped before comparing.
cells() { # FILE [inert]
  awk -v inert="${2:-}" 'BEGIN { RS = "\001" }
    function put() {
      if (inert != "" && cell ~ /^'"'"'[-=+@]/) cell = substr(cell, 2)
      printf "%d\t%d\t%s\n", row, col, cell; cell = ""; col++
    }
    { text = $0; n = length(text); row = 1; col = 1; cell = ""; quoted = 0
      for (i = 1; i <= n; i++) {
        c = substr(text, i, 1)
        if (quoted) {
          if (c == "\"" && substr(text, i + 1, 1) == "\"") { cell = cell "\""; i++ }
          else if (c == "\"") quoted = 0
          else if (c == "\n") cell = cell "\\n"
          else if (c != "\r") cell = cell c
        } else if (c == "\"") quoted = 1
        else if (c == ",") put()
        else if (c == "\n") { put(); row++; col = 1 }
        else if (c != "\r" && c != "\357" && c != "\273" && c != "\277") cell = cell c
      }
      if (cell != "" || col > 1) put()
    }' "$1"
}
compare() { # QUALCHECK_CSV LIBREOFFICE_CSV what
  local want got
  want=$(cells "$1" inert) got=$(cells "$2")
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    fail "$3: the workbook's cells differ from qualcheck's CSV ($1 vs $2):"
    diff <(echo "$want") <(echo "$got") | head -10
  else
    echo "ok: $3: $(echo "$want" | tail -1 | cut -f1) rows, every cell as in the CSV"
  fi
}
compare check.csv lo/check-Results.csv "check --format xlsx"
compare at-risk-csv.csv "lo/at-risk-csv-At risk.csv" "report at-risk --format xlsx (from CSV exports)"
compare at-risk-store.csv "lo/at-risk-store-At risk.csv" "report at-risk --format xlsx (from the store)"
compare candidate.csv "lo/candidate-Candidate 0019.csv" "report candidate --format xlsx"
compare summary-entries.csv lo/summary-entries-Entries.csv "report summary --format xlsx, one sheet"
compare summary-at-risk.csv "lo/summary-At risk.csv" "report summary --format xlsx: its At risk sheet"
compare summary-entries.csv lo/summary-Entries.csv "report summary --format xlsx: its Entries sheet"
for sheet in Summary "GLH at risk" About; do
  [ -s "lo/summary-$sheet.csv" ] || fail "report summary --format xlsx has no '$sheet' sheet"
done
# The summary's two native charts, of the same figures as the HTML page's.
charts=$(unzip -l summary.xlsx | grep -c 'xl/charts/chart[0-9]*\.xml')
[ "$charts" = 2 ] || fail "report summary --format xlsx has $charts charts, not 2"

# Styles as LibreOffice reads them: STYLE -> background colour, then each row's first cell.
looks() { # FODS SHEET -> "ROW<TAB>BACKGROUND<TAB>BOLD"
  awk -v sheet="$2" '
    /<style:style style:name="ce[0-9]+" style:family="table-cell"/ {
      match($0, /style:name="ce[0-9]+"/); name = substr($0, RSTART + 12, RLENGTH - 13) }
    name != "" && /fo:background-color="#[0-9a-f]+"/ {
      match($0, /fo:background-color="#[0-9a-f]+"/); bg[name] = substr($0, RSTART + 22, RLENGTH - 23) }
    name != "" && /fo:font-weight="bold"/ { bold[name] = "bold" }
    /<\/style:style>/ { name = "" }
    /<table:table table:name="/ { inside = index($0, "table:name=\"" sheet "\"") > 0; row = 0 }
    inside && /<table:table-row/ { row++; first = 1 }
    inside && first && /<table:table-cell table:style-name="/ {
      match($0, /table:style-name="[^"]+"/); s = substr($0, RSTART + 18, RLENGTH - 19)
      print row "\t" bg[s] "\t" bold[s]; first = 0 }' "$1"
}
# The example centre's at-risk list: 0019 90202 acknowledged (grey), the others highlighted.
sed 's/></>\n</g' lo/at-risk-store.fods > at-risk-store.fods.lines
looks at-risk-store.fods.lines "At risk" > looks.txt
ack_row=$(awk -F, '$2 == "0019" && $5 == "90202" {print NR}' at-risk-store.csv)
other_row=$(awk -F, 'NR > 1 && $2 != "0019" {print NR; exit}' at-risk-store.csv)
before=$failed failed=0
[ "$(awk -v r=1 '$1 == r {print $3}' looks.txt)" = bold ] || fail "the header row is not bold in LibreOffice"
[ "$(awk -v r="$ack_row" '$1 == r {print $2}' looks.txt)" = ededed ] ||
  fail "the acknowledged row ($ack_row) is not grey in LibreOffice: $(awk -v r="$ack_row" '$1 == r' looks.txt)"
[ "$(awk -v r="$other_row" '$1 == r {print $2}' looks.txt)" = fde9e7 ] ||
  fail "a not-eligible row ($other_row) is not highlighted in LibreOffice: $(awk -v r="$other_row" '$1 == r' looks.txt)"
[ $failed = 0 ] &&
  echo "ok: in LibreOffice the header is bold, row $ack_row (acknowledged) grey, row $other_row (not eligible) highlighted"
[ $before = 0 ] || failed=1
# No cell is a formula, whatever its text (the =HYPERLINK surname included).
for fods in lo/*.fods; do
  ! grep -q 'table:formula=' "$fods" || fail "$fods: a cell arrived as a formula"
done
grep -q '=HYPERLINK' lo/check-Results.csv || fail "the =HYPERLINK surname did not arrive as text"
[ "$(stat -c %a check.xlsx)" = 600 ] || fail "check.xlsx is not mode 0600 (it holds students' names)"
[ $failed = 0 ] && echo "ok: LibreOffice $(soffice --version 2>/dev/null | awk '{print $2}')"
exit $failed
