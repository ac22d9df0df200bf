#!/usr/bin/env bash
# Installs a qualcheck .deb into a fresh Debian 12 (bookworm, minbase) chroot with apt, as an
# administrator would, and uses it there without the source tree: --help, --version, the man
# page, the completions, and the example centre from /usr/share/doc/qualcheck/examples.
# Needs root, debootstrap and a Debian mirror. Run by `make package-test`, never by `make test`.
# usage: deb_in_chroot.sh PATH/qualcheck_VERSION_ARCH.deb
set -u
deb=$(realpath "${1:?usage: deb_in_chroot.sh PACKAGE.deb}")
[ "$(id -u)" = 0 ] || { echo "package-test needs root (it makes a chroot)"; exit 2; }
command -v debootstrap >/dev/null || { echo "package-test needs debootstrap (apt-get install debootstrap)"; exit 2; }

# A minbase Debian, made once and kept as a tarball; each run unpacks a fresh copy.
base=${QC_DEB_TEST_BASE:-/tmp/qc-deb-test-bookworm-minbase.tar}
if [ ! -s "$base" ]; then
    mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null)
    [ -n "$mirror" ] || mirror=$(awk '/^deb / {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
    [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
    make=$(mktemp -d /tmp/qc-deb-base.XXXX)
    echo "Making a fresh Debian 12 (minbase) from $mirror: a few minutes, once"
    debootstrap --variant=minbase bookworm "$make" "$mirror" >/tmp/qc-deb-debootstrap.log 2>&1 ||
        { echo "debootstrap failed: $(tail -n 2 /tmp/qc-deb-debootstrap.log)"; rm -rf "$make"; exit 2; }
    tar -C "$make" -cf "$base" . && rm -rf "$make"
fi

root=$(mktemp -d /tmp/qc-deb-test.XXXX)
cleanup() {
    umount "$root/dev" "$root/proc" 2>/dev/null
    if mountpoint -q "$root/dev" || mountpoint -q "$root/proc"; then
        echo "WARNING: $root/dev or $root/proc is still mounted; not deleting $root"
    else
        rm -rf "$root"
    fi
}
trap cleanup EXIT
tar -C "$root" -xf "$base"
chmod 755 "$root" # after tar, which restores mktemp's 0700: apt downloads as _apt
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"

# Everything below runs inside the chroot, where there is no source tree and no compiler.
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 USER=alice LOGNAME=alice \
    /bin/bash -s "$(basename "$deb")" <<'INSIDE'
set -u
step() { printf '\n== %s\n' "$*"; }
ok=1
must() { "$@" || { echo "FAILED: $*"; ok=0; }; }

step "a fresh Debian, no source tree, no compiler"
cat /etc/debian_version
for absent in /work /project; do [ -e "$absent" ] && { echo "FAILED: $absent exists"; ok=0; }; done
command -v g++ cmake && { echo "FAILED: build tools present"; ok=0; }

step "apt install ./$1 (its Depends come from the mirror), and man-db to read the page"
export DEBIAN_FRONTEND=noninteractive
must apt-get update -q >/dev/null
must apt-get install -y -q --no-install-recommends "/tmp/$1" man-db 2>&1 | grep -E '^Setting up (qualcheck|man-db) '
dpkg-query -W -f='${Package} ${Version} ${Status}\nDepends: ${Depends}\n' qualcheck

step "qualcheck --version and --help"
must qualcheck --version
qualcheck --help | head -12

step "man qualcheck"
must test -s /usr/share/man/man1/qualcheck.1.gz
must test -s /usr/share/doc/qualcheck/copyright
MANWIDTH=90 man qualcheck 2>/dev/null | head -12
MANWIDTH=90 man qualcheck 2>/dev/null | grep -E '^[A-Z][A-Z ]+$' | tr '\n' ' '; echo

step "the completions"
must bash -c 'source /usr/share/bash-completion/completions/qualcheck && complete -p qualcheck'
must test -s /usr/share/zsh/vendor-completions/_qualcheck

step "no rules are shipped yet: a clear error, exit 2"
cd /tmp && cp -r /usr/share/doc/qualcheck/examples centre && cd centre
qualcheck check --candidates candidates.csv --units units.csv; echo "[exit $?]"

step "the example centre, as in docs/tutorial.md"
qualcheck check --rules rules --candidates candidates.csv --units units.csv --today 2027-03-10 --format table | tail -3
echo "[exit ${PIPESTATUS[0]}]"
must qualcheck import --rules rules --candidates candidates.csv --units units.csv --visits visits.csv --today 2027-03-10
qualcheck report at-risk --rules rules --today 2027-03-10 --format table | tail -2
must qualcheck report summary --rules rules --today 2027-03-10 --format html -o summary.html
ls -l summary.html | awk '{print $1, $5, $9}'
must qualcheck declare acknowledge 0019 90202 --rules rules --today 2027-03-20

step "result"
[ $ok = 1 ] && echo "PASS: the package installs and works on a fresh Debian 12" || echo "FAIL"
[ $ok = 1 ]
INSIDE
status=$?
echo "deb_in_chroot: exit $status"
exit $status
