#!/usr/bin/env bash
# check_package.sh BUILD_DIR SOURCE_DIR WORK_DIR: builds the Debian package with
# cpack, unpacks it into a fresh root and checks the installed product (see
# CMakeLists.txt). Exit 0 passed, 1 failed, 77 a needed tool is missing.
set -euo pipefail
build=$1
source=$2
work=$3

for tool in cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli help2man \
            rsvg-convert; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (tools/setup.sh installs it)"
        exit 77
    fi
done

fail() {
    echo "FAILED: $*" >&2
    exit 1
}
step() {
    echo "-- $* ($SECONDS s)"
}

rm -rf "$work"
mkdir -p "$work"
step "cpack"
(cd "$build" && cpack -G DEB -B "$work/cpack") >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
debs=("$work"/cpack/sightline_*.deb)
[[ -f ${debs[0]} && ${#debs[@]} -eq 1 ]] || fail "cpack made no single sightline_*.deb"
deb=${debs[0]}
echo "package: $deb ($(stat -c %s "$deb") bytes)"

step "control fields"
dpkg-deb --field "$deb" Package Version Section Depends
depends=$(dpkg-deb --field "$deb" Depends)
for needed in fonts-dejavu-core libc6 libglfw3 libsqlite3-0; do
    [[ $depends == *"$needed"* ]] || fail "Depends lacks $needed: $depends"
done

step "dpkg -x into an empty root"
root=$work/root
dpkg-deb -x "$deb" "$root"
for file in usr/bin/sightline usr/bin/sightc usr/share/sightline/courses.slpack \
            usr/share/sightline/phone/index.html usr/share/sightline/phone/phone.js \
            usr/share/sightline/phone/phone.css \
            usr/share/applications/io.github.sightline.Sightline.desktop \
            usr/share/metainfo/io.github.sightline.Sightline.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/io.github.sightline.Sightline.svg \
            usr/share/icons/hicolor/16x16/apps/io.github.sightline.Sightline.png \
            usr/share/icons/hicolor/512x512/apps/io.github.sightline.Sightline.png \
            usr/share/man/man1/sightline.1.gz usr/share/man/man1/sightc.1.gz \
            usr/share/doc/sightline/copyright usr/share/doc/sightline/changelog.Debian.gz; do
    [[ -f $root/$file ]] || fail "the package has no /$file"
done
for page in sightline sightc; do
    gzip -t "$root/usr/share/man/man1/$page.1.gz"
    zcat "$root/usr/share/man/man1/$page.1.gz" | grep -q "^\.TH ${page^^} \"1\"" ||
        fail "$page.1.gz is not a section 1 man page"
done

step "the installed programs find their data relative to the prefix"
# A scratch home, no display: nothing may be read from or written to the build tree.
export HOME=$work/home XDG_DATA_HOME=$work/home/data XDG_CONFIG_HOME=$work/home/config
unset DISPLAY WAYLAND_DISPLAY SIGHTLINE_DATA_DIR
mkdir -p "$HOME"
"$root/usr/bin/sightline" --version
list=$("$root/usr/bin/sightline" --text --list </dev/null) || fail "sightline --text --list"
echo "$list" | head -n 5
for id in foundations hotel hotel.room-214 bus; do
    grep -q -- "$id" <<<"$list" || fail "sightline --text --list does not list $id"
done
"$root/usr/bin/sightc" --version
"$root/usr/bin/sightc" check "$source/scenarios" || fail "the installed sightc check"
"$root/usr/bin/sightc" dump "$root/usr/share/sightline/courses.slpack" >"$work/dump.txt" ||
    fail "the installed sightc cannot read the installed bundle"
grep -q "bundle format" "$work/dump.txt" || fail "sightc dump printed no bundle format"

step "desktop entry and AppStream metadata"
desktop-file-validate "$root/usr/share/applications/io.github.sightline.Sightline.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.sightline.Sightline.metainfo.xml"

step "lintian"
# --fail-on error: warnings and notes are printed but pass.
lintian --fail-on error "$deb" 2>&1 |
    tee "$work/lintian.log" || fail "lintian reports errors"
if grep -q "^E:" "$work/lintian.log"; then
    fail "lintian reports errors"
fi
step "passed"
