#!/usr/bin/env bash
# The Debian package, checked as a user would: built with cpack from the build tree the tests use, installed
# with dpkg -i into this machine, then: both programs on PATH print their version; the desktop knows both
# file types, by name and by content (renamed to .dat); the desktop entry and AppStream data validate; the
# man page shows every command; the app opens the files it is given; and dpkg -r removes it all, leaving
# the user's workspaces as they were. It installs into the system, so it needs root; the package is removed
# at the end whatever happens.   Usage: test_package.sh BUILD_DIR SOURCE_DIR
set -uo pipefail
BUILD="$1" SOURCE="$2"

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "SKIPPED: this test installs a package into the system (dpkg -i), so it runs only as root (CI does)."
  exit 77
fi
if dpkg-query -W -f='${Status}' hicm-assess 2>/dev/null | grep -q "ok installed"; then
  fail "a hicm-assess package is installed on this machine already; this test would replace and then remove it." \
       "Remove it first (dpkg -r hicm-assess)."
fi
for tool in cpack lintian dpkg-deb xdg-mime mimetype desktop-file-validate appstreamcli man sqlite3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (scripts/lib.sh installs it)"
done

work="$(mktemp -d)"
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    echo "== removing the package (after a failure)"
    dpkg -r hicm-assess >/dev/null 2>&1 || echo "error: dpkg -r hicm-assess failed: remove it by hand" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# A user's session without a desktop of its own: xdg-mime then asks shared-mime-info (through `mimetype`),
# the database GNOME's and KDE's file managers read too.
export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config"
export XDG_CACHE_HOME="$work/home/cache" XDG_RUNTIME_DIR="$work/runtime" XDG_DATA_DIRS=/usr/local/share:/usr/share QT_QPA_PLATFORM=offscreen
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION GNOME_DESKTOP_SESSION_ID
mkdir -p "$HOME" "$work/files" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"

step "cpack -G DEB (from $BUILD)"
(cd "$work" && cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$work/package") >"$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work"/package/*.deb)"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
version="$(dpkg-deb --field "$deb" Version)"
dpkg-deb --field "$deb" Depends | grep -q "libqt6widgets6" || fail "Depends has no Qt libraries: shlibdeps did not run"
recommends="$(dpkg-deb --field "$deb" Recommends)"
for r in pandoc fonts-liberation2 fonts-noto-core; do
  echo "$recommends" | grep -q "\b$r\b" ||
    fail "Recommends lacks $r (the Word report's converter, the report's font, fonts for names in other scripts): $recommends"
done

step "lintian"
lintian --fail-on error --tag-display-limit 0 "$deb" || fail "lintian reports errors"

step "dpkg -i"
installed=1
dpkg -i "$deb" || fail "dpkg -i failed"

step "both programs on PATH print their version"
[ "$(command -v hicm-assess)" = /usr/bin/hicm-assess ] || fail "hicm-assess is not on PATH"
[ "$(hicm-assess --version)" = "hicm-assess $version" ] || fail "hicm-assess --version: $(hicm-assess --version)"
[ "$(hicm-assess-cli --version)" = "hicm-assess-cli $version" ] || fail "hicm-assess-cli --version: $(hicm-assess-cli --version)"

step "a workspace and an exchange file, made by the installed CLI"
files="$work/files"
workspace="$files/North Shire.hicmws"
id="$(hicm-assess-cli --workspace "$workspace" new --area "North Shire" --title "First workshop")" || fail "new"
hicm-assess-cli --workspace "$workspace" export "$id" --out "$files/north.hicm.json" || fail "export"
cp "$workspace" "$files/workspace-renamed.dat" && cp "$files/north.hicm.json" "$files/exchange-renamed.dat" || fail "cp"
sqlite3 "$files/other-program.dat" "CREATE TABLE t (x);" || fail "sqlite3"

step "the installed CLI writes the tagged PDF (its writer is a module loaded on the first PDF)"
module="$(dpkg -L hicm-assess | grep '/hicm-assess/modules/hicm-tagged-pdf\.so$')" || fail "the package holds no PDF writer module"
hicm-assess-cli --workspace "$workspace" report "$id" --pdf "$work/report.pdf" >"$work/report.log" 2>&1 ||
  { cat "$work/report.log"; fail "report --pdf with the installed programs"; }
pdfinfo "$work/report.pdf" | grep -q '^Tagged: *yes' || fail "the installed CLI's PDF is not tagged"
printf '{ "format": "something else" }\n' >"$files/other.dat"

step "the package holds its other modules: the region's database, the live room (the app's and the CLI's) and the room's HTTP parser"
for name in hicm-region hicm-room hicm-room-http; do
  so="$(dpkg -L hicm-assess | grep "/hicm-assess/modules/$name\.so\$")" || fail "the package holds no $name.so"
  ! ldd "$so" | grep -q 'not found' || { ldd "$so"; fail "$name.so needs a library the package does not depend on"; }
done
# No server there: the module runs (libpq's words, exit 1), not "cannot be loaded".
if hicm-assess-cli region list --db "host=$work/no-server dbname=hicm connect_timeout=2" >"$work/region.log" 2>&1; then
  fail "region list succeeded without a database"
fi
cat "$work/region.log"
grep -q "cannot connect to the region's database" "$work/region.log" || fail "region list did not run its module"

step "the installed CLI opens a live room (the room and its HTTP parser are modules, loaded then) and a partner's link answers"
rooms="$work/room.hicmws"
room_id="$(hicm-assess-cli --workspace "$rooms" new --area "North Shire" --partner "North Shire ICB=icb")" || fail "new (room)"
hicm-assess-cli --workspace "$rooms" room "$room_id" >"$work/room.out" 2>"$work/room.err" &
room=$!
for _ in $(seq 100); do [ "$(wc -l <"$work/room.out")" -ge 2 ] && break; sleep 0.1; done
link="$(sed -n 2p "$work/room.out" | cut -f2)"
[ -n "$link" ] || { kill "$room"; cat "$work/room.err"; fail "the room printed no partner link"; }
python3 - "$link" <<'PY' || { kill "$room"; cat "$work/room.err"; fail "the partner's link did not answer"; }
import json, sys, urllib.request
state = json.load(urllib.request.urlopen(sys.argv[1] + "/state", timeout=5))
assert state["organisation"] == "North Shire ICB", state
print("  the partner's page answers for", state["organisation"], "on", state["feature"])
PY
kill -TERM "$room"; wait "$room" 2>/dev/null

step "the desktop knows both file types, by name and by content"
expect_type() {
  local got
  got="$(xdg-mime query filetype "$1")"
  echo "  $(basename "$1"): $got"
  [ "$got" = "$2" ] || fail "xdg-mime query filetype $1: $got, expected $2"
}
expect_type "$workspace" application/x-hicm-workspace
expect_type "$files/workspace-renamed.dat" application/x-hicm-workspace
expect_type "$files/north.hicm.json" application/x-hicm-exchange
expect_type "$files/exchange-renamed.dat" application/x-hicm-exchange
expect_type "$files/other-program.dat" application/vnd.sqlite3
[ "$(xdg-mime query filetype "$files/other.dat")" != application/x-hicm-exchange ] || fail "any JSON taken for an exchange file"
for type in application/x-hicm-workspace application/x-hicm-exchange; do
  got="$(xdg-mime query default "$type")"
  echo "  opened by: $got"
  [ "$got" = hicm-assess.desktop ] || fail "xdg-mime query default $type: '$got', expected hicm-assess.desktop"
done

step "file(1) names both types with the installed magic (docs/packaging.md: why -m, and -e json)"
magic=/usr/share/hicm-assess/hicm-assess.magic
[ -f "$magic" ] || fail "$magic was not installed"
got="$(file -b -m "$magic:/usr/share/misc/magic" "$files/workspace-renamed.dat")"
[ "$got" = "HICM Assess workspace (SQLite 3.x database)" ] || fail "file -m on a renamed workspace: $got"
got="$(file -b -e json -m "$magic:/usr/share/misc/magic" "$files/exchange-renamed.dat")"
[ "$got" = "HICM Assess exchange file (JSON)" ] || fail "file -e json -m on a renamed exchange file: $got"

step "desktop entry, icons and AppStream data"
desktop-file-validate /usr/share/applications/hicm-assess.desktop || fail "desktop-file-validate"
grep -qx 'Exec=hicm-assess %F' /usr/share/applications/hicm-assess.desktop || fail "the desktop entry does not pass files"
# No network here: the screenshots' addresses are not fetched.
metainfo="$(dpkg -L hicm-assess | grep '^/usr/share/metainfo/.*\.metainfo\.xml$')" || fail "no AppStream metainfo"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate"
grep -q '<screenshot' "$metainfo" && grep -q '<release version="'"$version"'"' "$metainfo" || fail "no screenshots or release"

[ -f /usr/share/icons/hicolor/scalable/apps/hicm-assess.svg ] || fail "no scalable icon"
for size in 16 32 48 256; do
  file "/usr/share/icons/hicolor/${size}x${size}/apps/hicm-assess.png" | grep -q "PNG image data, $size x $size" ||
    fail "no ${size}x${size} PNG icon"
done

step "man hicm-assess-cli shows every command of docs/cli.md; man hicm-assess its options"
# man_page NAME OUT: the page as `man NAME` shows it. Debian's docker images exclude /usr/share/man from
# every package (path-exclude in /etc/dpkg/dpkg.cfg.d/): there the page is read from the package itself.
man_page() {
  local page="/usr/share/man/man1/$1.1.gz"
  if [ -f "$page" ]; then
    MANWIDTH=120 man -P cat "$1" >"$2" 2>/dev/null || fail "man $1"
  else
    grep -rs "path-exclude.*/usr/share/man" /etc/dpkg/dpkg.cfg.d/ || fail "$page was not installed"
    echo "  dpkg here excludes /usr/share/man; reading $page in the package with man -l"
    [ -d "$work/extracted" ] || dpkg-deb -x "$deb" "$work/extracted"
    MANWIDTH=120 man -P cat -l "$work/extracted$page" >"$2" 2>/dev/null || fail "man -l $page"
  fi
}
man_page hicm-assess "$work/app-man.txt"
for option in --workspace --framework --quit-when-ready FILE; do
  grep -q -- "$option" "$work/app-man.txt" || fail "man hicm-assess does not mention $option"
done
man_page hicm-assess-cli "$work/man.txt"
commands="$(grep -E '^##+ ' "$SOURCE/docs/cli.md" | grep -oE '`[a-z][a-z-]+' | tr -d '`' | sort -u)"
[ "$(echo "$commands" | wc -l)" -ge 20 ] || fail "found only these commands in docs/cli.md: $commands"
for command in $commands; do  # each command is a heading of its own (.SS: three spaces in)
  grep -qE "^   $command\$" "$work/man.txt" || fail "the man page has no section for '$command'"
done
grep -q "Exit codes" "$work/man.txt" || fail "the man page does not say the exit codes"

step "bash completion"
completion="$(bash -c 'source /usr/share/bash-completion/bash_completion; source /usr/share/bash-completion/completions/hicm-assess-cli
  COMP_WORDS=(hicm-assess-cli expo); COMP_CWORD=1; COMP_LINE="hicm-assess-cli expo"; COMP_POINT=${#COMP_LINE}
  _hicm_assess_cli; echo "${COMPREPLY[*]}"')"
[ "$completion" = "export export-csv" ] || fail "completing 'hicm-assess-cli expo' gave '$completion'"

step "hicm-assess FILE opens the file it is given"
default="$XDG_DATA_HOME/HICM Assess/workspace.hicmws"
hicm-assess "$workspace" --quit-when-ready || fail "hicm-assess WORKSPACE --quit-when-ready exited $?"
[ ! -e "$default" ] || fail "the default workspace was opened instead of the one given"
hicm-assess "$workspace" "$files/exchange-renamed.dat" --quit-when-ready 2>"$work/app.log" || fail "with an exchange file: exit $?"
count="$(hicm-assess-cli --workspace "$workspace" list --json | grep -c '"area"')"
[ "$count" = 2 ] || fail "the exchange file given to the app was not imported ($count assessments)"
printf 'not a workspace\n' >"$files/damaged.hicmws"
if hicm-assess "$files/damaged.hicmws" --quit-when-ready 2>"$work/app.log"; then fail "a damaged workspace opened"; fi
grep -q "not a HICM Assess workspace" "$work/app.log" || { cat "$work/app.log"; fail "the app did not say why"; }
grep -qx 'not a workspace' "$files/damaged.hicmws" || fail "the damaged file was changed"

step "dpkg -r removes it and leaves the user's files alone"
checksums() { find "$files" -type f -exec sha256sum {} + | sort; }
before="$(checksums)"
dpkg -r hicm-assess || fail "dpkg -r failed"
installed=0
for gone in /usr/bin/hicm-assess /usr/bin/hicm-assess-cli /usr/share/applications/hicm-assess.desktop \
            /usr/share/mime/packages/hicm-assess.xml /usr/share/hicm-assess/hicm-assess.magic "$metainfo" "$module"; do
  [ ! -e "$gone" ] || fail "$gone is still there"
done
status="$(dpkg-query -W -f='${Status}' hicm-assess 2>/dev/null || true)"
case "$status" in "" | *not-installed) ;; *) fail "dpkg still lists the package: $status" ;; esac
[ "$(xdg-mime query filetype "$files/workspace-renamed.dat")" = application/vnd.sqlite3 ] ||
  fail "the workspace type is still known after removal"
[ "$(checksums)" = "$before" ] || fail "the user's files changed on removal"
echo "PASS: package $version installed, checked and removed"
