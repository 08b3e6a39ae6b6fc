#!/bin/bash
# setup.sh — from a fresh Debian 12 machine to a running app or a test run.
#
#   bash build-aux/setup.sh app [ARGS…]   install what is needed, build, install
#                                         to /usr/local and start kynangso
#   bash build-aux/setup.sh test          install what is needed, build and run
#                                         every test headless (what CI runs)
#   bash build-aux/setup.sh packages app|test   only list the Debian packages
#
# Run as root (or as a user with sudo). Debian packages only.
#
# Copyright 2026 The Kỹ năng số authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail
cd "$(dirname "$0")/.."

# To build and run.
BUILD_PACKAGES=(
  meson ninja-build gcc pkgconf gettext
  libglib2.0-dev libglib2.0-dev-bin
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  librsvg2-common           # GTK draws the SVG pictures of lessons with it
  libsqlite3-dev libcmark-dev libyaml-dev
  libsodium-dev             # the teacher PIN's argon2id hash
  libjson-glib-dev          # the report bundles that lab computers exchange (JSON)
  libspeechd-dev            # read-aloud through speech-dispatcher (optional at run time)
  appstream desktop-file-utils
)

# For read-aloud ("Đọc cho em nghe") to show for a new user: the daemon,
# its espeak-ng module (only recommended by speech-dispatcher, so not
# installed with --no-install-recommends) and espeak-ng, whose data has the
# Vietnamese voices. Optional at run time: without them the button hides.
RUN_PACKAGES=(
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
)

# To run the tests headless.
TEST_PACKAGES=(
  xvfb xauth dbus-daemon
  at-spi2-core python3-pyatspi   # the screen-reader test (tests/atspi)
  hunspell hunspell-vi      # spelling of every lesson (content/meson.build)
  flatpak-builder           # parses the Flatpak manifest (flatpak/meson.build)
  speech-dispatcher espeak-ng   # tests/test-read-aloud.c runs a private daemon
  libpoppler-glib-dev       # the report's tests read its PDF back
  libxtst-dev               # the keyboard tests press real keys (tests/test-visit.c)
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "$@"
}

setup_build() {
  local dir=$1; shift
  if [ -f "$dir/build.ninja" ]; then
    meson setup --reconfigure "$dir" "$@"
  else
    meson setup "$dir" "$@"
  fi
}

case "${1:-}" in
  packages)
    case "${2:-}" in
      app) printf '%s\n' "${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}" ;;
      test) printf '%s\n' "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}" ;;
      *) echo "usage: bash build-aux/setup.sh packages app|test" >&2; exit 2 ;;
    esac
    ;;
  app)
    shift
    install_packages "${BUILD_PACKAGES[@]}" "${RUN_PACKAGES[@]}"
    setup_build build --prefix=/usr/local
    meson compile -C build
    as_root meson install -C build --no-rebuild
    exec /usr/local/bin/kynangso "$@"
    ;;
  test)
    install_packages "${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    setup_build build-tests
    meson compile -C build-tests
    meson test -C build-tests --print-errorlogs
    # The same core and data suites built with AddressSanitizer and
    # UBSan: a memory error, a leak or undefined behaviour fails them.
    setup_build build-asan -Db_sanitize=address,undefined -Db_lundef=false
    meson compile -C build-asan
    meson test -C build-asan --setup asan --suite core --suite data --print-errorlogs
    ;;
  *)
    echo "usage: bash build-aux/setup.sh app|test|packages" >&2
    exit 2
    ;;
esac
