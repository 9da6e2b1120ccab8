#!/usr/bin/env bash
# The packaged app's checks (after ./bourse package), for docs/benchmarks.md "Installer":
#   installer/check.sh launch    start the app-image under a virtual display with an empty home, to its sign-in
#                                window: time from process start to the window, a screenshot, then it quits
#   installer/check.sh bench [N] launch time with and without the AOT cache, in one run: a first start seeds the
#                                data folder, then N rounds of one start each way (the order alternating);
#                                min / median / max of each, with the load average (the package as built by default)
#   installer/check.sh upgrade   (root; installs into /opt and removes again) install the .deb, first start
#                                seeds the user's data, alice signs in (xdotool) and the data folder changes,
#                                install the next version over it, data unchanged, alice signs in again, remove
#                                the package, data still there
# Each prints what it measured; the screenshot goes to installer/target/check/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/target"
out="$target/check"
mkdir -p "$out"

in_display() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a -s "-screen 0 1920x1080x24" "$@"; fi
}

# start_to_sign_in LAUNCHER HOME [SCREENSHOT [JVM_OPTIONS]]: one start with a private home, to the sign-in window's
# first frame (the app prints the line once that frame is drawn, StartupProbe), then the app quits by itself after a
# few seconds; prints the start-up line. SCREENSHOT: the sign-in window's own image (its X window, not the screen's
# root), grabbed at once with xwd while the app still shows it, checked to be painted (not one flat colour).
start_to_sign_in() {
  local launcher="$1" home="$2" shot="${3:-}" options="${4:-}"
  mkdir -p "$home"
  HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
    JAVA_TOOL_OPTIONS="-Duser.home=$home -Dbourse.startupReport=true -Dbourse.exitAfterSignIn=true $options" \
    "$launcher" > "$out/start.log" 2>&1 &
  local pid=$! waited=0
  until grep -q "sign-in window shown" "$out/start.log" 2>/dev/null || [ $waited -ge 6000 ]; do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1; waited=$((waited + 1))
  done
  if [ -n "$shot" ] && grep -q "sign-in window shown" "$out/start.log"; then
    take_screenshot "$pid" "$shot"
  fi
  wait "$pid" || { echo "check: the app exited with $?"; cat "$out/start.log"; return 1; }
  grep "sign-in window shown" "$out/start.log" || { cat "$out/start.log"; return 1; }
  grep -v "sign-in window shown" "$out/start.log" | grep -v "^Picked up JAVA_TOOL_OPTIONS" || true
}

# take_screenshot PID PNG: the sign-in window's image while process PID shows it. (The last black screenshots came
# from grabbing the screen's root as soon as the window was mapped, before its first frame, then again after the app
# had quit: import took longer than the app stayed.)
take_screenshot() {
  local pid="$1" shot="$2" window
  command -v xdotool >/dev/null 2>&1 && command -v xwd >/dev/null 2>&1 \
    || { echo "check: xdotool and xwd are needed for the screenshot (apt-get install xdotool x11-apps)"; return 1; }
  window="$(xdotool search --name "Bourse — sign in" 2>/dev/null | head -1)"
  [ -n "$window" ] || { echo "check: no window named \"Bourse — sign in\" to take a picture of"; return 1; }
  for _ in 1 2 3 4 5; do
    xwd -silent -id "$window" > "$shot.xwd" 2>/dev/null || break
    if [ "$(convert "xwd:$shot.xwd" -format '%[fx:standard_deviation>0.02]' info:)" = 1 ]; then
      convert "xwd:$shot.xwd" "$shot" && rm -f "$shot.xwd"
      echo "screenshot of the sign-in window: $shot"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "check: the sign-in window was not painted when its picture was taken"; return 1
}

# bench_starts LAUNCHER HOME N: (under a display) a first start that seeds the data folder, then N rounds of one start
# with the launcher's AOT cache and one with -XX:AOTMode=off (no cache: BOURSE_AOT=0 ./bourse package), the order
# alternating so a change of load falls on both; then min / median / max of each.
bench_starts() {
  local launcher="$1" home="$2" rounds="$3" with="" without="" line round
  echo "seeding start: $(start_to_sign_in "$launcher" "$home" | grep "sign-in window shown")"
  one() {  # one start, its figures appended to the variable named $1
    line="$(start_to_sign_in "$launcher" "$home" "" "$2" | grep "sign-in window shown")" \
      || { echo "check: a start failed"; cat "$out/start.log"; exit 1; }
    echo "  $3: ${line#bourse: }"
    printf -v "$1" '%s %s' "${!1}" "$(sed -n 's/.*shown \([0-9]*\) ms .*; \([0-9-]*\) ms of CPU.*/\1:\2/p' <<< "$line")"
  }
  for round in $(seq "$rounds"); do
    echo "round $round:"
    if [ $((round % 2)) = 1 ]; then
      one with "" "AOT cache   "; one without "-XX:AOTMode=off" "no AOT cache"
    else
      one without "-XX:AOTMode=off" "no AOT cache"; one with "" "AOT cache   "
    fi
  done
  summary() {  # wall:cpu pairs -> min / median / max of each
    local walls cpus n
    walls=($(tr ' ' '\n' <<< "$2" | grep . | cut -d: -f1 | sort -n)); cpus=($(tr ' ' '\n' <<< "$2" | grep . | cut -d: -f2 | sort -n))
    n=${#walls[@]}
    echo "$1 ($n starts): sign-in window after min ${walls[0]} / median ${walls[$((n / 2))]} / max ${walls[$((n - 1))]} ms;" \
         "CPU by then min ${cpus[0]} / median ${cpus[$((n / 2))]} / max ${cpus[$((n - 1))]} ms"
  }
  summary "with the AOT cache   " "$with"
  summary "without (AOTMode=off)" "$without"
}

case "${1:-}" in
  start)
    # internal: one start (run under in_display by the checks below)
    start_to_sign_in "$2" "$3" "${4:-}"
    ;;
  bench-starts)
    # internal: the bench's starts under one display
    bench_starts "$2" "$3" "$4"
    ;;
  bench)
    rounds="${2:-10}"
    image="$target/app-image/Bourse"
    [ -x "$image/bin/Bourse" ] || { echo "check: no app-image; run ./bourse package first" >&2; exit 1; }
    [ -f "$image/lib/app/bourse.aot.gz" ] || { echo "check: the app-image has no AOT cache (built with BOURSE_AOT=0 or without a display?)" >&2; exit 1; }
    echo "app-image: $(du -sm "$image" | cut -f1) MB, of which the packed AOT cache $(du -m "$image/lib/app/bourse.aot.gz" | cut -f1) MB"
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
    home="$(mktemp -d)"
    in_display bash "$0" bench-starts "$image/bin/Bourse" "$home" "$rounds"
    rm -rf "$home"
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  launch)
    image="$target/app-image/Bourse"
    [ -x "$image/bin/Bourse" ] || { echo "check: no app-image; run ./bourse package first" >&2; exit 1; }
    echo "app-image: $(du -sm "$image" | cut -f1) MB ($image)"
    ls "$target"/deb/*.deb >/dev/null 2>&1 && for deb in "$target"/deb/*.deb; do
      echo "$(basename "$deb"): $(du -m "$deb" | cut -f1) MB download, installed size $(( $(dpkg-deb -f "$deb" Installed-Size) / 1024 )) MB"
    done
    home="$(mktemp -d)"
    [ -f "$image/lib/app/bourse.aot.gz" ] && echo "with the AOT cache ($(du -m "$image/lib/app/bourse.aot.gz" | cut -f1) MB packed; unpacked by the first start into the user's cache folder)"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "first start (seeds an empty data folder):"
    in_display bash "$0" start "$image/bin/Bourse" "$home" "$out/app-image-sign-in.png"
    for i in 1 2 3; do
      echo "start $((i + 1)):"
      in_display bash "$0" start "$image/bin/Bourse" "$home"
    done
    echo "data folder: $(find "$home/.local/share/bourse" -maxdepth 2 | head -5 | tr '\n' ' ')"
    echo "cache folder: $(cd "$home/.cache" 2>/dev/null && du -m bourse/* | tr '\t' ' ' | tr '\n' ' ')"
    rm -rf "$home"
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  use)
    # internal: one start of LAUNCHER with HOME, signed in as USER with PASSWORD by keyboard (xdotool), the main
    # window waited for, then the app stopped (run under in_display by the upgrade check below)
    launcher="$2" home="$3" user="$4" password="$5"
    command -v xdotool >/dev/null 2>&1 || { echo "check: xdotool is needed to sign in (apt-get install xdotool)"; exit 1; }
    HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" XDG_CACHE_HOME="$home/.cache" \
      JAVA_TOOL_OPTIONS="-Duser.home=$home -Dbourse.startupReport=true" "$launcher" > "$out/use.log" 2>&1 &
    pid=$!
    waited=0
    until grep -q "sign-in window shown" "$out/use.log" 2>/dev/null || [ $waited -ge 6000 ]; do
      sleep 0.1; waited=$((waited + 1))
    done
    grep "sign-in window shown" "$out/use.log" || { echo "check: no sign-in window"; cat "$out/use.log"; kill "$pid"; exit 1; }
    window="$(xdotool search --sync --name "Bourse — sign in" | head -1)"
    xdotool windowfocus --sync "$window"
    sleep 1
    xdotool type --delay 20 "$user"
    xdotool key Tab
    xdotool type --delay 20 "$password"
    xdotool key Return
    # The main window's title names the trader and the mode: the sign-in was granted (and audited).
    if ! timeout 300 xdotool search --sync --name "Bourse — .* — SIMULATION" >/dev/null; then
      echo "check: $user's main window did not open"; cat "$out/use.log"; kill "$pid"; exit 1
    fi
    echo "signed in as $user: main window \"$(xdotool getwindowname "$(xdotool search --name "Bourse — .* — SIMULATION" | head -1)")\""
    sleep 5
    # No window manager under Xvfb to close the window: stop the JVM (the store is made to survive a kill -9).
    kill -TERM "$pid"; wait "$pid" || true
    ;;
  upgrade)
    # root (installs into /opt and removes again). apt-get, not dpkg -i: it brings what the package depends on
    # (GTK, xdg-utils) as a user's install would.
    deb="$(ls "$target"/deb/bourse_*.deb | head -1)"
    version="$(dpkg-deb -f "$deb" Version)"
    next="${version%.*}.$(( ${version##*.} + 1 ))"
    if [ ! "$target/deb-next/bourse_${next}_amd64.deb" -nt "$target/app-image/Bourse/bin/Bourse" ]; then
      rm -rf "$target/deb-next"
      echo "building the next version, $next, from the same app-image"
      # The app's files keep their time in the .deb (the AOT cache's jars are checked by time; package.sh)
      SOURCE_DATE_EPOCH="$(stat -c %Y "$(ls "$target"/app-image/Bourse/lib/app/*.jar | head -1)")" \
      jpackage --type deb --app-image "$target/app-image/Bourse" --name bourse --app-version "$next" \
               --vendor Bourse --description "Trader, risk and back-office workstation" \
               --linux-package-name bourse --linux-menu-group "Office;Finance" --linux-shortcut \
               --linux-app-category misc --icon "$here/linux/bourse.png" \
               --linux-package-deps "libgtk-3-0t64 | libgtk-3-0, libxtst6, libxxf86vm1, libgl1" \
               --install-dir /opt --dest "$target/deb-next"
    fi
    # A run cut short leaves the package installed: start from none. A minimal system (a container) lacks the menu
    # folders a desktop has, where the package's post-install script registers the menu entry.
    dpkg-query -W bourse >/dev/null 2>&1 && apt-get remove -y -qq bourse >/dev/null
    mkdir -p /usr/share/applications /usr/share/desktop-directories
    home="$(mktemp -d)"
    data="$home/.local/share/bourse"
    fingerprint() { (cd "$data" && find . -type f -exec sha256sum {} + | sort | sha256sum | cut -c1-16); }
    apt-get install -y -qq "$(readlink -f "$deb")" >/dev/null
    echo "installed $(dpkg-query -W -f '${Package} ${Version}' bourse) in /opt/bourse"
    echo "first start:"
    in_display bash "$0" start /opt/bourse/bin/Bourse "$home"
    echo "user data after the first start: $(du -sk "$data" | cut -f1) kB in $(find "$data" -type f | wc -l) files"
    seeded="$(fingerprint)"
    echo "use:"
    in_display bash "$0" use /opt/bourse/bin/Bourse "$home" alice alice-training-1
    before="$(fingerprint)"
    [ "$before" != "$seeded" ] && echo "the signed-in session wrote to the data folder ($(find "$data" -type f | wc -l) files)" \
      || { echo "check: the session wrote nothing"; exit 1; }
    apt-get install -y -qq "$(readlink -f "$target"/deb-next/bourse_"$next"_amd64.deb)" >/dev/null
    echo "upgraded to $(dpkg-query -W -f '${Version}' bourse)"
    after="$(fingerprint)"
    [ "$before" = "$after" ] && echo "user data unchanged by the upgrade (fingerprint $after)" \
      || { echo "check: the upgrade changed user data"; exit 1; }
    echo "use after the upgrade:"
    in_display bash "$0" use /opt/bourse/bin/Bourse "$home" alice alice-training-1
    apt-get remove -y -qq bourse >/dev/null
    if [ ! -e /opt/bourse ] && [ -d "$data/simulation" ]; then
      echo "removed the package: /opt/bourse gone, user data still there ($(find "$data" -type f | wc -l) files)"
    else
      echo "check: after the removal /opt/bourse is $( [ -e /opt/bourse ] && echo there || echo gone ), the data folder $( [ -d "$data/simulation" ] && echo there || echo gone )"
      exit 1
    fi
    rm -rf "$home"
    ;;
  *)
    echo "usage: installer/check.sh launch | bench [N] | upgrade" >&2
    exit 2
    ;;
esac
