#!/usr/bin/env bash
# installer/linux/write-launcher.sh APP_IMAGE: replaces jpackage's native launcher (APP_IMAGE/bin/Bourse) with a
# shell script that starts the bundled runtime with the same class path, main class and JVM options (read from
# the launcher's configuration, APP_IMAGE/lib/app/Bourse.cfg, which it then deletes with the native library).
#
# Why: on Linux jpackage's launcher asks the package managers which package owns it (it runs `rpm -qf` and
# `dpkg -S`) at every start, before the JVM is loaded. dpkg -S reads the whole package database: a third of a
# second here, a third of the time to the sign-in window. The script costs a few milliseconds.
#
# The AOT cache (installer/train-aot.sh) ships gzipped, lib/app/bourse.aot.gz (8 MB instead of 32: the installed
# app stays under 120 MB). A user's first start of a build unpacks it into their cache folder
# (${XDG_CACHE_HOME:-~/.cache}/bourse, 0.2 s) and every start maps it from there; it is only a cache: deleted, the
# next start unpacks it again. Anything in the way (no home, a full disk) means a start without it, as does a cache
# that does not fit this runtime or these jars (the JVM skips it without a word, -Xlog:aot=off): only slower.
set -euo pipefail
image="$1"
config="$image/lib/app/Bourse.cfg"
launcher="$image/bin/Bourse"
[ -f "$config" ] || { echo "write-launcher: no $config (not a jpackage app-image?)" >&2; exit 1; }

main_class="$(sed -n 's/^app.mainclass=//p' "$config")"
# The class path in jpackage's order (the desktop's jar first): an AOT cache records it and is used only with it.
class_path="$(sed -n 's/^app.classpath=\$APPDIR\///p' "$config" | sed 's/^/$app\//' | paste -sd: -)"
[ -n "$main_class" ] && [ -n "$class_path" ] || { echo "write-launcher: no main class or class path in $config" >&2; exit 1; }
options=()
while IFS= read -r option; do
  case "$option" in
    *AOTCache*|-Xlog:aot*|-Xlog:cds*) ;;           # the script decides on the cache itself
    *) options+=("\"${option//\$APPDIR/\$app}\"") ;;
  esac
done < <(sed -n 's/^java-options=//p' "$config")

{
  echo '#!/bin/sh'
  echo '# Bourse: the bundled Java runtime with the desktop'"'"'s jars (written by installer/linux/write-launcher.sh).'
  echo 'image="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd -P)"'
  echo 'app="$image/lib/app"'
  echo "class_path=\"$class_path\""
  cat <<'UNPACK'
cache=""
if [ -f "$app/bourse.aot.gz" ]; then
  # One file per build (the packed cache's time and size name it); another build's is removed when this one's is made.
  dir="${XDG_CACHE_HOME:-$HOME/.cache}/bourse"
  cache="$dir/bourse-$(stat -c %Y-%s "$app/bourse.aot.gz").aot"
  if [ ! -f "$cache" ]; then
    for old in "$dir"/bourse-*.aot; do [ "$old" = "$cache" ] || rm -f "$old"; done 2>/dev/null
    { mkdir -p "$dir" && gzip -dc "$app/bourse.aot.gz" > "$cache.$$" && mv -f "$cache.$$" "$cache"; } 2>/dev/null \
      || { rm -f "$cache.$$" 2>/dev/null; cache=""; }
  fi
fi
if [ -n "$cache" ]; then
UNPACK
  echo '  set -- "-XX:AOTCache=$cache" -Xlog:aot=off -Xlog:cds=off -cp "$class_path" '"$main_class"' "$@"'
  echo 'else'
  echo '  set -- -cp "$class_path" '"$main_class"' "$@"'
  echo 'fi'
  echo "exec \"\$image/lib/runtime/bin/java\" ${options[*]} \"\$@\""
} > "$launcher.new"
chmod 755 "$launcher.new"
mv "$launcher.new" "$launcher"
rm -f "$config" "$image/lib/libapplauncher.so"
