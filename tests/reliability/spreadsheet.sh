#!/usr/bin/env bash
# qualcheck's CSV opened in a real spreadsheet: LibreOffice Calc (headless) converts check's
# output, plain and --excel, to a flat OpenDocument file, and each cell's type is read back.
# Names that look like formulas must arrive as text, GLH figures as numbers, and with
# --excel the candidate, centre and qualification numbers as text with their leading zeros.
# Plain CSV is for scripts: there LibreOffice reads 0042 as the number 42, which is asserted
# too so that docs/reliability.md stays true.
# usage: spreadsheet.sh QUALCHECK
set -euo pipefail
qualcheck=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v soffice >/dev/null; then
  echo "SKIP: LibreOffice (soffice) is not installed; 'make test-deps' installs libreoffice-calc-nogui"
  exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cat > c.csv <<'CSV'
candidate_number,surname,forename,qualification_code,estimated_completion
0042,"=HYPERLINK(""http://example.invalid/"",""click"")",+SUM(1;2),90201,2027
0007,@cmd,-2+3,90201,2027
0100,"	=1+1",-5,90201,2027
CSV
printf 'candidate_number,unit,status,grade\n0042,1,Result achieved,P\n' > u.csv
run() { "$qualcheck" check --rules "$root/examples/rules" --centre 01234 --today 2027-03-10 \
          --candidates c.csv --units u.csv "$@" || [ $? = 1 ]; }
run --format csv -o plain.csv
run --excel -o excel.csv
# 44 = comma, 34 = double quote, 76 = UTF-8, 1 = from line 1: what the import dialog offers.
HOME="$work" timeout 300 soffice --headless --infilter="CSV:44,34,76,1" --convert-to fods \
  --outdir "$work" plain.csv excel.csv > soffice.log 2>&1 || { cat soffice.log; exit 1; }

# One line per cell: ROW COLUMN TYPE FORMULA TEXT (tab-separated), rows and columns from 1.
cells() {
  awk 'BEGIN { RS = "<table:table-row"; FS = "<table:table-cell"; OFS = "\t" }
       NR > 1 && /<table:table-cell/ {
         row++; col = 0
         for (i = 2; i <= NF; i++) {
           cell = $i; repeat = 1; type = ""; formula = ""; text = ""
           if (match(cell, /number-columns-repeated="[0-9]+"/)) repeat = substr(cell, RSTART + 25, RLENGTH - 26)
           if (match(cell, /office:value-type="[a-z]+"/)) type = substr(cell, RSTART + 19, RLENGTH - 20)
           if (match(cell, /table:formula="[^"]*"/)) formula = substr(cell, RSTART + 15, RLENGTH - 16)
           if (match(cell, /<text:p>[^<]*<\/text:p>/)) text = substr(cell, RSTART + 8, RLENGTH - 17)
           col++
           if (type != "") print row, col, type, formula, text
           col += repeat - 1
         }
       }' "$1" | sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}
cells plain.fods > plain.cells
cells excel.fods > excel.cells
failed=0
expect() { # FILE ROW COLUMN TYPE FORMULA TEXT what
  local got
  got=$(awk -F'\t' -v r="$2" -v c="$3" '$1 == r && $2 == c' "$1")
  if [ "$got" != "$(printf '%s\t%s\t%s\t%s\t%s' "$2" "$3" "$4" "$5" "$6")" ]; then
    echo "FAIL: $1 row $2 column $3 ($7): expected $4 '$6' (formula '$5'), got: ${got:-nothing}"
    failed=1
  else
    echo "ok: $1 $7: $4 '$6'"
  fi
}
# Rows: 1 header, then 0007, 0042, 0100 (file order: 0042, 0007, 0100 -> as check writes them).
order=$(cut -d, -f2 plain.csv | tail -n +2 | tr '\n' ' ')
echo "rows as written: $order"
row_of() { local i=2; for n in $order; do [ "$n" = "$1" ] && echo $i && return; i=$((i + 1)); done; }
r42=$(row_of 0042) r7=$(row_of 0007) r100=$(row_of 0100)
for f in plain.cells excel.cells; do
  expect $f "$r42" 3 string "" "'=HYPERLINK(\"http://example.invalid/\",\"click\")" "a =HYPERLINK surname is text"
  expect $f "$r42" 4 string "" "'+SUM(1;2)" "a +SUM forename is text"
  expect $f "$r7" 3 string "" "'@cmd" "an @ surname is text"
  expect $f "$r7" 4 string "" "'-2+3" "a -2+3 forename is text"
  expect $f "$r100" 3 string "" "'=1+1" "a tab-then-= surname (tab trimmed on input) is text"
  expect $f "$r100" 4 float "" "-5" "a forename that is a number stays a number"
  expect $f "$r42" 14 float "" "150" "glh_required is a number"
  expect $f "$r42" 15 float "" "60" "glh_counted is a number"
  expect $f "$r42" 20 float "" "6" "points is a number (after three empty cells)"
done
expect plain.cells "$r42" 2 float "" "42" "plain CSV: LibreOffice drops 0042's zeros"
expect plain.cells "$r42" 1 float "" "1234" "plain CSV: LibreOffice drops 01234's zero"
expect excel.cells "$r42" 2 string 'of:="0042"' "0042" "--excel: candidate number keeps its zeros"
expect excel.cells "$r7" 2 string 'of:="0007"' "0007" "--excel: candidate number keeps its zeros"
expect excel.cells "$r42" 1 string 'of:="01234"' "01234" "--excel: centre number keeps its zero"
expect excel.cells "$r42" 5 string 'of:="90201"' "90201" "--excel: qualification code is text"
# No other cell may hold a formula: only the identifiers --excel writes on purpose.
others=$(awk -F'\t' '$4 != "" && !($2 == 1 || $2 == 2 || $2 == 5)' excel.cells; awk -F'\t' '$4 != ""' plain.cells)
[ -z "$others" ] || { echo "FAIL: cells arrived as formulas:"; echo "$others"; failed=1; }
[ "$(head -c 3 excel.csv | od -An -tx1 | tr -d ' ')" = efbbbf ] || { echo "FAIL: --excel wrote no byte order mark"; failed=1; }
[ "$(head -c 3 plain.csv | od -An -tx1 | tr -d ' ')" != efbbbf ] || { echo "FAIL: plain CSV has a byte order mark"; failed=1; }
grep -q $'\r$' excel.csv || { echo "FAIL: --excel lines do not end in CRLF"; failed=1; }
[ "$(stat -c %a excel.csv)" = 600 ] || { echo "FAIL: excel.csv is not mode 0600"; failed=1; }
[ $failed = 0 ] && echo "ok: LibreOffice $(soffice --version 2>/dev/null | awk '{print $2}')"
exit $failed
