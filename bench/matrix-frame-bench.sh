#!/bin/sh
# Runs matrix-frame-bench in a private session bus and an Xvfb screen of 1280 × 800, the way
# the GUI tests run: [GSK_RENDERER=cairo|gl] [MATRIX_BENCH_BUILD=DIR] ./bench/matrix-frame-bench.sh
# [--keep DIR] [--only PHASE,…] (see matrix-frame-bench.c for what it prints)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${MATRIX_BENCH_BUILD:-"$here/../build"}
export GTK_A11Y=none GSETTINGS_BACKEND=memory ADW_DISABLE_PORTAL=1 GDK_DEBUG=no-portals NO_AT_BRIDGE=1
export GSETTINGS_SCHEMA_DIR="$build/data"
exec dbus-run-session --config-file="$here/../tests/session-bus.conf" -- \
  xvfb-run -a -s "-screen 0 1280x800x24" "$build/bench/matrix-frame-bench" "$@"
