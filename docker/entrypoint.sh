#!/bin/sh
# popcast's docker entrypoint: readies what a container needs, then runs the popcast launcher
# (the repository's ./popcast script) with the arguments given to `docker run IMAGE ...`.
#
# - JavaCPP extracts TensorFlow's and HDF5's native libraries on first use: into JAVACPP_CACHE_DIR
#   (default /cache), or a private directory under TMPDIR when that is not writable (e.g. with
#   `docker run --user` of another uid). Mount a volume at /cache to extract them once.
# - Results are written to the working directory, /data, meant to be a mounted volume; a warning
#   says so when it is not writable.
# POPCAST_HOME (default /opt/popcast) holds the launcher and cli/target/popcast.jar.
set -eu

home="${POPCAST_HOME:-/opt/popcast}"
cache="${JAVACPP_CACHE_DIR:-/cache}"
if ! { mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; }; then
  fallback="${TMPDIR:-/tmp}/popcast-javacpp-$(id -u)"
  echo "popcast: JavaCPP cache $cache is not writable by uid $(id -u); using $fallback (native libraries are extracted on every run)" >&2
  mkdir -p "$fallback"
  cache="$fallback"
fi
export JAVACPP_CACHE_DIR="$cache"

# A probe file rather than `test -w`, which says yes to root on read-only mounts.
probe=$(mktemp ./.popcast-write-test.XXXXXX 2>/dev/null) && rm -f "$probe" || \
  echo "popcast: warning: $(pwd) is not writable by uid $(id -u); mount a writable directory, e.g. docker run -v \"\$PWD:/data\" --user \"\$(id -u):\$(id -g)\" ..." >&2

exec "$home/popcast" "$@"
