#!/usr/bin/env bash
# Builds the installable Bourse from the jars Maven gathered (installer/pom.xml, ./bourse package):
#   target/runtime     a jlink'd Java runtime with only the modules the desktop uses, JavaFX among them
#   target/app-image   Bourse/ : bin/Bourse, the runtime, the app's jars and sample data (runs without a JDK)
#   target/deb         bourse_VERSION_amd64.deb (Linux, when dpkg-deb and fakeroot are there)
# and, when a display or xvfb-run is at hand, an AOT cache trained on one start to the sign-in window.
#
# Windows and macOS, from the same target/input and target/javafx on that platform (with its JavaFX jars):
#   jpackage --type msi --win-menu --win-shortcut --win-dir-chooser --win-upgrade-uuid <fixed uuid> ...(options below)
#   jpackage --type dmg --mac-package-identifier com.bourse.desktop --icon bourse.icns ...(options below)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/target"
version="$1"            # the build's version, numbers only (0.1.0 for 0.1.0-SNAPSHOT)
app_jar="$2"            # the desktop's jar in target/input

# Found by jdeps --print-module-deps --recursive on the desktop's class path (see installer/README.md), plus what
# it cannot see: sun.misc.Unsafe for Agrona/Aeron, the locale data for number formats outside English.
JDK_MODULES=java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,jdk.httpserver,jdk.net,jdk.unsupported,jdk.localedata,jdk.crypto.ec,jdk.zipfs
JAVAFX_MODULES=javafx.base,javafx.graphics,javafx.controls,javafx.fxml

rm -rf "$target/runtime" "$target/app-image" "$target/deb"
# Only the platform's JavaFX jars are modules; the others are empty placeholders (javafx.graphicsEmpty...).
find "$target/javafx" -name '*.jar' ! -name '*-linux*.jar' ! -name '*-win*.jar' ! -name '*-mac*.jar' -delete
# Sample data beside the jars ($APPDIR/sample-data): the first start seeds the user's data folder from it.
rm -rf "$target/input/sample-data"
mkdir -p "$target/input/sample-data"
(cd "$here/../sample-data" && tar --exclude='*.py' -cf - .) | tar -C "$target/input/sample-data" -xf -
echo "installer: linking the runtime"
jlink --module-path "$target/javafx" --add-modules "$JDK_MODULES,$JAVAFX_MODULES" \
      --include-locales=en,fr,de,it,es,nl,pt,sv,da,nb,fi,pl,cs,ja,zh \
      --strip-debug --no-header-files --no-man-pages \
      --compress=zip-6 --output "$target/runtime"
# No default CDS archive: the AOT cache below holds the JDK's classes too. libjvm's symbol table is for debuggers.
command -v strip >/dev/null 2>&1 && strip --strip-unneeded "$target/runtime/lib/server/libjvm.so"
# JavaFX's native libraries beside the JDK's, so it loads them in place instead of unpacking them into ~/.openjfx.
for jar in "$target"/javafx/*.jar; do
  (cd "$target/runtime/lib" && unzip -q -o "$jar" '*.so' 2>/dev/null || true)
done

# jpackage takes one option per --java-options: the desktop's JVM options (app/src/main/jvm/desktop.jvm) joined.
java_options=()
while read -r option value; do
  [ -n "$option" ] || continue
  java_options+=(--java-options "$option${value:+=$value}")
done < "$here/../app/src/main/jvm/desktop.jvm"
java_options+=(--java-options '-Dbourse.sampleData=$APPDIR/sample-data')

echo "installer: app-image"
jpackage --type app-image --name Bourse --app-version "$version" --vendor Bourse \
         --description "Trader, risk and back-office workstation" \
         --input "$target/input" --main-jar "$app_jar" --main-class com.bourse.app.desktop.Launcher \
         --runtime-image "$target/runtime" --icon "$here/linux/bourse.png" "${java_options[@]}" \
         --dest "$target/app-image"
# Linux: a shell launcher instead of jpackage's native one, which asks rpm and dpkg who owns it at every start.
if [ "$(uname -s)" = Linux ]; then
  bash "$here/linux/write-launcher.sh" "$target/app-image/Bourse"
fi

# One modification time for the app's files, kept by the .deb: an AOT cache records each jar's size and time and a
# JVM that checks them (JDK 25.0.4 on; 25.0.3 skips the check, JDK-8377932) ignores a cache whose jars differ.
# jpackage copies the app-image into the .deb with new times; dpkg-deb clamps every time to SOURCE_DATE_EPOCH.
SOURCE_DATE_EPOCH="$(date +%s)"
export SOURCE_DATE_EPOCH
find "$target/app-image/Bourse/lib/app" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# The AOT cache (JDK 25): classes loaded and linked on one start to the sign-in window, mapped at every start
# after (the launcher uses lib/app/bourse.aot when it is there). Without a display there is no cache. On by default:
# it takes the sign-in window from 1.6 s to 1.0 s here, for 33 MB (docs/benchmarks.md, "Installer");
# BOURSE_AOT=0 ./bourse package leaves it out.
if [ "${BOURSE_AOT:-1}" = 0 ]; then
  echo "installer: no AOT cache (BOURSE_AOT=0)"
elif [ -n "${DISPLAY:-}" ]; then
  echo "installer: training the AOT cache"
  bash "$here/train-aot.sh" "$target/app-image/Bourse"
elif command -v xvfb-run >/dev/null 2>&1; then
  echo "installer: training the AOT cache (under xvfb-run)"
  xvfb-run -a -s "-screen 0 1920x1080x24" bash "$here/train-aot.sh" "$target/app-image/Bourse"
else
  echo "installer: no display and no xvfb-run: no AOT cache"
fi

if [ "$(uname -s)" = Linux ]; then
  if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
    echo "installer: .deb"
    jpackage --type deb --app-image "$target/app-image/Bourse" --name bourse --app-version "$version" \
             --vendor Bourse --description "Trader, risk and back-office workstation" \
             --linux-package-name bourse --linux-menu-group "Office;Finance" --linux-shortcut \
             --linux-app-category misc --icon "$here/linux/bourse.png" \
             --linux-package-deps "libgtk-3-0t64 | libgtk-3-0, libxtst6, libxxf86vm1, libgl1" \
             --install-dir /opt --dest "$target/deb"
  else
    echo "installer: no .deb: dpkg-deb and fakeroot are needed (apt-get install dpkg-dev fakeroot)"
  fi
fi
du -sh "$target/app-image/Bourse" | sed 's/^/installer: app-image size /'
