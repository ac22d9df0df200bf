#!/usr/bin/env bash
# Debian's package checker on the .deb: no error, and no warning but the justified ones listed
# below (each explained in docs/install.md). Run by `make package-test`, never by `make test`.
# usage: lintian.sh PATH/qualcheck_VERSION_ARCH.deb
set -u
deb=${1:?usage: lintian.sh PACKAGE.deb}
command -v lintian >/dev/null || { echo "package-test needs lintian (apt-get install lintian)"; exit 2; }
# Justified warnings, one tag a line (docs/install.md, "What lintian says"). None yet.
justified=''
tags=$(lintian --no-tag-display-limit "$deb" 2>&1 | grep -E '^[EW]: ')
echo "lintian $(lintian --version | awk '{print $2}') on $(basename "$deb"):"
bad=0
while IFS= read -r line; do
    [ -z "$line" ] && continue
    tag=$(awk '{print $3}' <<<"$line")
    if [[ $line == W:* ]] && grep -qxF "$tag" <<<"$justified"; then
        echo "  justified: $line"
    else
        echo "  $line"
        bad=1
    fi
done <<<"$tags"
if [ $bad = 0 ]; then
    echo "PASS: lintian reports no error and no unjustified warning"
else
    echo "FAIL: lintian reports the errors or warnings above"
fi
exit $bad
