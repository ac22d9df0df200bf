#!/usr/bin/env bash
# The summary page in a real browser: headless Chromium loads each page with the network
# off, from a fresh profile; the page must render (a screenshot of the right size is taken),
# log nothing to the console (a blocked resource or script would be logged as a Content
# Security Policy violation), and have its charts and escaped names in the DOM. A control page
# that breaks the policy must be caught, so that a silent console check cannot pass.
# Skips (exit 77) where Chromium is not installed; `make test` installs it.
# usage: chromium_test.sh QUALCHECK SOURCE_DIR OUT_DIR
set -u
qualcheck=$1 src=$2 out=$3
browser=$(command -v chromium || command -v chromium-browser) ||
    { echo "SKIP: Chromium is not installed (Debian package chromium; make test installs it)"; exit 77; }
mkdir -p "$out" && out=$(cd "$out" && pwd)
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# browser PAGE ACTION...: runs Chromium on PAGE; its log goes to PAGE.log.
browse() {
    local page=$1 profile
    shift
    profile=$(mktemp -d)
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$profile" \
        --enable-logging=stderr --v=0 "$@" "file://$page" 2>>"$page.log"
    local status=$?
    rm -rf "$profile"
    return $status
}

# check PAGE SVGS: renders PAGE, screenshots it, and checks its DOM and console.
check() {
    local page=$1 svgs=$2
    rm -f "$page.log" "$page.png"
    browse "$page" --dump-dom >"$page.dom" || fail "$page: Chromium failed (see $page.log)"
    browse "$page" --window-size=1100,2200 --screenshot="$page.png" >/dev/null ||
        fail "$page: no screenshot (see $page.log)"
    [ -s "$page.png" ] || fail "$page: the screenshot is empty"
    local width
    width=$(od -An -tu1 -j16 -N4 "$page.png" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
    [ "$width" = 1100 ] || fail "$page: screenshot is $width pixels wide, not 1100"
    if grep -q ':CONSOLE' "$page.log"; then
        fail "$page: console messages:"
        grep ':CONSOLE' "$page.log"
    fi
    [ "$(grep -o '<svg' "$page.dom" | wc -l)" = "$svgs" ] || fail "$page: expected $svgs charts in the DOM"
    [ "$(grep -o '<rect' "$page.dom" | wc -l)" -gt 0 ] || fail "$page: no bars in the charts"
    grep -q '<script' "$page.dom" && fail "$page: a script element in the DOM"
    [ $failed = 0 ] && echo "$page: rendered, $svgs charts, no console messages, screenshot $page.png"
}

data=$src/tests/e2e/data/awkward-names
"$qualcheck" report summary --config "$data/qualcheck.toml" --rules "$src/examples/rules" \
    --candidates "$data/candidates.csv" --units "$data/units.csv" --today 2027-03-10 \
    --format html -o "$out/awkward-names.html" || fail "qualcheck failed on awkward names"
check "$out/awkward-names.html" 3
grep -qF '&lt;script&gt;alert' "$out/awkward-names.html.dom" || fail "the <script> name is not text in the DOM"
grep -qF '<title>St Mary &amp; St John'"'"'s &lt;College&gt; (61234): entries for Summer 2027</title>' \
    "$out/awkward-names.html.dom" || fail "the centre's name is not the page title"

"$qualcheck" report summary --config "$src/examples/qualcheck.toml" --rules "$src/examples/rules" \
    --candidates "$src/examples/candidates.csv" --units "$src/examples/units.csv" --today 2027-03-10 \
    --format html -o "$out/example-centre.html" || fail "qualcheck failed on the example centre"
# Two charts per subject: the example centre has three (two fictional suites and BTEC IT).
check "$out/example-centre.html" 6

# The control: an image from the network and an inline script, both refused by the policy.
control=$out/control.html
sed 's|</main>|<img src="http://example.invalid/x.png"><script>document.title = "x"</script></main>|' \
    "$out/awkward-names.html" >"$control"
rm -f "$control.log"
browse "$control" --dump-dom >/dev/null
[ "$(grep -c ':CONSOLE' "$control.log")" -ge 2 ] || fail "the control page's policy violations were not logged"

[ $failed = 0 ] && echo "summary page: all checks pass"
exit $failed
