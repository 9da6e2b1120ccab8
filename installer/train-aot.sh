#!/usr/bin/env bash
# installer/train-aot.sh APP_IMAGE: one start of the app-image to its sign-in window (then it quits by itself),
# recording JDK 25's AOT cache, then gzipped into APP_IMAGE/lib/app/bourse.aot.gz, which the launcher
# (linux/write-launcher.sh) unpacks into the user's cache folder at their first start and uses from then on. Needs a display (package.sh gives it Xvfb). The JVM reads JAVA_TOOL_OPTIONS.
# The training start (-Dbourse.startupTraining) shows the sign-in window and does not open the data folder: the
# cache holds the JDK's, JavaFX's and the window's classes, not the store's libraries (H2, jOOQ, Flyway), which
# load behind the window anyway and would double the cache.
set -euo pipefail
image="$1"
packed="$image/lib/app/bourse.aot.gz"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
cache="$home/bourse.aot"
rm -f "$packed"   # (the training start runs without a cache)
# A private home: the training start seeds its own data folder, never the builder's.
HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
  JAVA_TOOL_OPTIONS="-XX:AOTCacheOutput=$cache -Duser.home=$home -Dbourse.startupTraining=true" \
  timeout 600 "$image/bin/Bourse" > "$home/training.log" 2>&1 || { cat "$home/training.log"; exit 1; }
if [ -f "$cache" ]; then
  gzip -9 -n -c "$cache" > "$packed"
  echo "installer: AOT cache $(du -m "$cache" | cut -f1) MB, packed $(du -m "$packed" | cut -f1) MB"
else
  echo "installer: no AOT cache was written:"; cat "$home/training.log"
fi
