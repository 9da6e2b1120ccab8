#!/usr/bin/env bash
# The packaged app's checks (after ./bourse package), for docs/benchmarks.md "Installer":
#   installer/check.sh launch    start the app-image under a virtual display with an empty home, to its sign-in
#                                window: time from process start to the window, a screenshot, then it quits
#   installer/check.sh upgrade   (root; installs into /opt and removes again) install the .deb, first start
#                                seeds the user's data, install the next version over it, data unchanged, start
#                                again, remove the package, data still there
# Each prints what it measured; the screenshot goes to installer/target/check/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/target"
out="$target/check"
mkdir -p "$out"

in_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}

# start_to_sign_in LAUNCHER HOME [screenshot]: one start with a private home; prints the start-up line.
start_to_sign_in() {
  local launcher="$1" home="$2" shot="${3:-}"
  mkdir -p "$home"
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dbourse.startupReport=true -Dbourse.exitAfterSignIn=true" \
    "$launcher" > "$out/start.log" 2>&1 &
  local pid=$! waited=0
  until grep -q "sign-in window shown" "$out/start.log" 2>/dev/null || [ $waited -ge 600 ]; do
    sleep 0.1; waited=$((waited + 1))
  done
  if [ -n "$shot" ]; then
    # The app quits 3 s after its window is shown: keep the first shot that is not still black.
    for _ in 1 2 3 4 5 6; do
      sleep 0.5
      import -window root "$shot" 2>/dev/null || continue
      [ "$(convert "$shot" -format '%[fx:mean>0.01]' info: 2>/dev/null)" = 1 ] && break
    done
  fi
  wait "$pid" || { echo "check: the app exited with $?"; cat "$out/start.log"; return 1; }
  grep "sign-in window shown" "$out/start.log" || { cat "$out/start.log"; return 1; }
  grep -v "sign-in window shown" "$out/start.log" | grep -v "^Picked up JAVA_TOOL_OPTIONS" || true
}

case "${1:-}" in
  start)
    # internal: one start (run under in_display by the checks below)
    start_to_sign_in "$2" "$3" "${4:-}"
    ;;
  launch)
    image="$target/app-image/Bourse"
    [ -x "$image/bin/Bourse" ] || { echo "check: no app-image; run ./bourse package first" >&2; exit 1; }
    echo "app-image: $(du -sm "$image" | cut -f1) MB ($image)"
    ls "$target"/deb/*.deb >/dev/null 2>&1 && for deb in "$target"/deb/*.deb; do
      echo "$(basename "$deb"): $(du -m "$deb" | cut -f1) MB download, installed size $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
    done
    home="$(mktemp -d)"
    echo "first start (seeds an empty data folder):"
    in_display bash "$0" start "$image/bin/Bourse" "$home" "$out/app-image-sign-in.png"
    for i in 1 2 3; do
      echo "start $((i + 1)):"
      in_display bash "$0" start "$image/bin/Bourse" "$home"
    done
    echo "data folder: $(find "$home/.local/share/bourse" -maxdepth 2 | head -5 | tr '\n' ' ')"
    rm -rf "$home"
    echo "screenshot: $out/app-image-sign-in.png"
    ;;
  upgrade)
    deb="$(ls "$target"/deb/bourse_*.deb | head -1)"
    version="$(dpkg-deb -f "$deb" Version)"
    next="${version%.*}.$(( ${version##*.} + 1 ))"
    rm -rf "$target/deb-next"
    jpackage --type deb --app-image "$target/app-image/Bourse" --name bourse --app-version "$next" \
             --vendor Bourse --linux-package-name bourse --linux-shortcut --install-dir /opt \
             --icon "$here/linux/bourse.png" --dest "$target/deb-next"
    home="$(mktemp -d)"
    # apt-get, not dpkg -i: it brings what the package depends on (GTK, xdg-utils) as a user's install would.
    apt-get install -y -qq "$(readlink -f "$deb")" >/dev/null
    echo "installed $(dpkg-query -W -f '${Package} ${Version}' bourse) in /opt/bourse"
    in_display bash "$0" start /opt/bourse/bin/Bourse "$home"
    data="$home/.local/share/bourse"
    echo "user data after the first start: $(du -sk "$data" | cut -f1) kB in $(find "$data" -type f | wc -l) files"
    before="$(cd "$data" && find . -type f -exec sha256sum {} + | sort | sha256sum)"
    apt-get install -y -qq "$(readlink -f "$target"/deb-next/bourse_*.deb)" >/dev/null
    echo "upgraded to $(dpkg-query -W -f '${Version}' bourse)"
    after="$(cd "$data" && find . -type f -exec sha256sum {} + | sort | sha256sum)"
    [ "$before" = "$after" ] && echo "user data unchanged by the upgrade" || { echo "check: the upgrade changed user data"; exit 1; }
    in_display bash "$0" start /opt/bourse/bin/Bourse "$home"
    apt-get remove -y -qq bourse >/dev/null
    [ ! -e /opt/bourse ] && [ -d "$data/simulation" ] && echo "removed the package: /opt/bourse gone, user data still there ($(find "$data" -type f | wc -l) files)"
    rm -rf "$home"
    ;;
  *)
    echo "usage: installer/check.sh launch | upgrade" >&2
    exit 2
    ;;
esac
