#!/usr/bin/env bash
# Shared by scripts/run, scripts/test, scripts/bench and scripts/fuzz: installs the Debian packages the
# project needs (only those missing) and configures + builds a CMake build directory incrementally.
set -euo pipefail

HICM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Everything the build, the tests and the screenshot tooling need, all from Debian 12.
HICM_PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-qpa-plugins qt6-svg-dev qt6-pdf-dev libqt6pdf6 libgl-dev
  libsqlite3-dev sqlite3 libsqlitecpp-dev nlohmann-json3-dev catch2 nettle-dev libcli11-dev zlib1g-dev unzip
  libfontconfig-dev
  xvfb xauth poppler-utils fonts-dejavu-core fonts-liberation2
  help2man librsvg2-bin
  libpqxx-dev postgresql
  pandoc jing chromium chromium-driver python3-selenium
  qt6-httpserver-dev qt6-websockets-dev libqrencode-dev zbar-tools
  # The tagged PDF report: cairo, Pango, qpdf. Its charts are painted straight into cairo by our own
  # QPaintDevice (src/report/cairo_painter.cpp), so librsvg's library (librsvg2-dev) is not needed;
  # librsvg2-bin above is the build's rsvg-convert for the PNG icons.
  libcairo2-dev libpango1.0-dev libqpdf-dev python3-pikepdf
)

# What the package test (tests/package) and scripts/package use besides: lintian, and what a desktop uses to
# know file types and menu entries, to read man pages and to complete commands.
HICM_PACKAGE_TOOLS=(
  dpkg-dev lintian file shared-mime-info xdg-utils libfile-mimeinfo-perl desktop-file-utils appstream
  man-db bash-completion
)

hicm_missing_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

hicm_install() {
  local missing
  missing="$(hicm_missing_packages "${HICM_PACKAGES[@]}" "$@")"
  # npm (for axe-core in the report's accessibility test): Debian's only when there is none, since a
  # machine's own Node.js (e.g. NodeSource's nodejs, which ships npm) conflicts with Debian's npm package.
  command -v npm >/dev/null 2>&1 || missing="$missing npm"
  [ -z "${missing// /}" ] && return 0
  echo "Installing missing packages: $missing"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "error: need root (or sudo) to install: $missing" >&2; exit 1; }
    sudo="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  $sudo apt-get install -y -q --no-install-recommends $missing
}

# hicm_build BUILD_DIR BUILD_TYPE [extra cmake args...]; with HICM_TARGETS set, builds only those targets
hicm_build() {
  local dir="$1" type="$2"; shift 2
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$HICM_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@"
  fi
  # shellcheck disable=SC2086
  cmake --build "$dir" --parallel "$(nproc)" ${HICM_TARGETS:+--target $HICM_TARGETS}
}
