#!/usr/bin/env bash
# file(1) and the magic the package ships (resources/packaging/hicm-assess.magic): a workspace made by
# the CLI is named as one, renamed too; a plain SQLite database is not; an exchange file is named as one
# with -e json (file's built-in JSON test answers before any magic), any other JSON is not. And that
# Debian's file, without -m, still says only "SQLite"/"JSON" (docs/packaging.md says why).
#   Usage: test_magic.sh CLI MAGIC_FILE
set -uo pipefail
CLI="$1" MAGIC="$2"
fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in file sqlite3; do command -v "$tool" >/dev/null || fail "$tool is missing (scripts/lib.sh installs it)"; done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HOME="$work" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"

id="$("$CLI" --workspace "$work/north.hicmws" new --area "North Shire")" || fail "hicm-assess-cli new"
"$CLI" --workspace "$work/north.hicmws" export "$id" --out "$work/north.hicm.json" >/dev/null || fail "export"
cp "$work/north.hicmws" "$work/workspace.dat" && cp "$work/north.hicm.json" "$work/exchange.dat" || fail "cp"
sqlite3 "$work/other.sqlite" "CREATE TABLE t (x);" || fail "sqlite3"
printf '{ "format": "something else" }\n' >"$work/other.json"

ours() { file -b -m "$MAGIC:/usr/share/misc/magic" "$@"; }
expect() {  # expect WHAT GOT
  echo "  $2"
  [ "$2" = "$1" ] || fail "expected '$1', got '$2'"
}
expect "HICM Assess workspace (SQLite 3.x database)" "$(ours "$work/north.hicmws")"
expect "HICM Assess workspace (SQLite 3.x database)" "$(ours "$work/workspace.dat")"
expect "application/x-hicm-workspace" "$(ours --mime-type "$work/workspace.dat")"
case "$(ours "$work/other.sqlite")" in "SQLite 3.x database"*) ;; *) fail "a plain SQLite file: $(ours "$work/other.sqlite")" ;; esac
expect "HICM Assess exchange file (JSON)" "$(ours -e json "$work/exchange.dat")"
expect "application/x-hicm-exchange" "$(ours -e json --mime-type "$work/north.hicm.json")"
[ "$(ours -e json "$work/other.json")" != "HICM Assess exchange file (JSON)" ] || fail "any JSON taken for an exchange file"
# What file says without our magic, as docs/packaging.md records.
case "$(file -b "$work/workspace.dat")" in "SQLite 3.x database, application id 1212760909"*) ;;
  *) fail "file without -m: $(file -b "$work/workspace.dat")" ;; esac
expect "JSON text data" "$(file -b "$work/exchange.dat")"
expect "JSON text data" "$(ours "$work/exchange.dat")"
echo "PASS: file(1) names both types with the shipped magic"
