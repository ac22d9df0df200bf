#!/usr/bin/env bash
# `make install` into a staging folder (DESTDIR), with the build's configured prefix: every
# file lands where Debian and bash/zsh look for it, nothing else is installed, and the
# installed qualcheck runs from there, finds its rules folder and checks the installed
# example centre.
# usage: install_tree.sh BUILD_DIR SOURCE_DIR
set -u
build=$1 src=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

DESTDIR=$stage cmake --install "$build" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
prefix=$(sed -n 's/^CMAKE_INSTALL_PREFIX:PATH=//p' "$build/CMakeCache.txt")
p=${prefix#/}
# Debian's zsh reads vendor-completions under /usr and site-functions under /usr/local.
zsh_dir=$p/share/zsh/site-functions
[ "$prefix" = /usr ] && zsh_dir=usr/share/zsh/vendor-completions

# What must be installed: fixed files, then whatever the source tree ships.
expected=$(mktemp)
{
    printf '%s\n' "$p/bin/qualcheck" "$p/share/man/man1/qualcheck.1.gz" \
        "$p/share/bash-completion/completions/qualcheck" "$zsh_dir/_qualcheck" \
        "$p/share/qualcheck/rules/README.md" "$p/share/doc/qualcheck/README.md" \
        "$p/share/doc/qualcheck/copyright" "$p/share/doc/qualcheck/changelog.gz"
    (cd "$src/rules" && find . -name '*.toml' -type f) | sed "s|^\./|$p/share/qualcheck/rules/|"
    (cd "$src/docs" && find . \( -name '*.md' -o -name '*.png' \) -type f) | sed "s|^\./|$p/share/doc/qualcheck/|"
    (cd "$src/examples" && find . -type f ! -name '*.db*') | sed "s|^\./|$p/share/doc/qualcheck/examples/|"
} | sort >"$expected"
actual=$(mktemp)
(cd "$stage" && find . -type f | sed 's|^\./||' | sort) >"$actual"
diff -u --label expected --label installed "$expected" "$actual" || fail "the installed files differ"
rm -f "$expected" "$actual"

qc=$stage/$p/bin/qualcheck
# Compressed with gzip -9n, as Debian policy asks: no file name or time stamp in the header.
for gz in share/man/man1/qualcheck.1.gz share/doc/qualcheck/changelog.gz; do
    [ "$(head -c 8 "$stage/$p/$gz" | od -An -tx1 | tr -d ' \n')" = 1f8b080000000000 ] ||
        fail "$gz is not compressed with gzip -n (no name, no time stamp)"
done
zcat "$stage/$p/share/doc/qualcheck/changelog.gz" | head -1 | grep -q "^qualcheck (.*) " ||
    fail "changelog.gz is not a Debian changelog"
"$qc" --help | head -1 | grep -q '^qualcheck: which students' || fail "the installed qualcheck --help"
"$qc" --version | grep -qx 'qualcheck [0-9.]*' || fail "the installed qualcheck --version"
if command -v man >/dev/null; then
    MANWIDTH=80 man -l "$stage/$p/share/man/man1/qualcheck.1.gz" 2>&1 | grep -q '^IMPORT' ||
        fail "the installed man page does not render with a section per subcommand"
fi

# Rules: with none shipped, the installed folder is named (not the build tree's); given some,
# they are used by default.
examples=$stage/$p/share/doc/qualcheck/examples
rules=$stage/$p/share/qualcheck/rules
cd "$stage" || exit 1
if ! ls "$rules/"*.toml >/dev/null 2>&1; then
    "$qc" check --candidates "$examples/candidates.csv" --units "$examples/units.csv" 2>&1 |
        grep -qF "no rules files in $rules" || fail "no rules: the installed folder is not named"
fi
rm -f "$rules/"*.toml
cp "$examples/rules/"*.toml "$rules/"
"$qc" check --candidates "$examples/candidates.csv" --units "$examples/units.csv" --today 2027-03-10 \
    --format csv >/dev/null
[ $? = 1 ] || fail "the installed qualcheck did not judge the example centre with its default rules (exit 1 expected)"

[ $failed = 0 ] && echo "install tree: all checks pass"
exit $failed
