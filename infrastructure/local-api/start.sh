#!/usr/bin/env bash
# Runs the whole tracking API on this machine (see --help). Needs only a JDK 17+ and Maven: the first run builds
# the functions and this module (tests skipped); later runs rebuild only when a source or pom changed.
# Works from any directory; every flag is passed to the API. JAVA_OPTS is passed to the JVM.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
MODULE="$ROOT/infrastructure/local-api"
CLASSPATH_FILE="$MODULE/target/classpath.txt"
BUILT_STAMP="$MODULE/target/.built-by-start-sh"

fail() {
  echo "start.sh: $*" >&2
  exit 1
}

JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
command -v "$JAVA" >/dev/null 2>&1 || fail "no java found; install a JDK 17 or later (or set JAVA_HOME)"
JAVA_MAJOR="$("$JAVA" -version 2>&1 | sed -E -n 's/.*version "([0-9]+).*/\1/p' | head -n 1)"
[[ -n "$JAVA_MAJOR" && "$JAVA_MAJOR" -ge 17 ]] \
  || fail "java ${JAVA_MAJOR:-of unknown version} found; the local API needs Java 17 or later (set JAVA_HOME)"

needs_build() {
  [[ -s "$CLASSPATH_FILE" && -d "$MODULE/target/classes" && -e "$BUILT_STAMP" ]] || return 0
  local entry
  while IFS= read -r -d ':' entry; do
    [[ -e "$entry" ]] || return 0
  done < <(tr -d '\n' < "$CLASSPATH_FILE"; printf ':')
  local support="$ROOT/infrastructure/template-support"
  [[ -n "$(find "$ROOT/pom.xml" "$ROOT/functions/pom.xml" "$ROOT/functions/src" "$support/pom.xml" "$support/src" \
    "$MODULE/pom.xml" "$MODULE/src" -newer "$BUILT_STAMP" -print -quit)" ]]
}

if needs_build; then
  command -v mvn >/dev/null 2>&1 || fail "no mvn found; install Maven 3.8 or later"
  echo "Building the local API (sources changed or never built; tests skipped)..." >&2
  # Maven 3.8 prints a stray colour reset per module even with -q: strip it, keep the errors (pipefail: mvn's status).
  mvn -q -B -Dstyle.color=never -f "$ROOT/pom.xml" -DskipTests -pl infrastructure/local-api -am package 2>&1 \
    | sed $'s/\e\\[0m//g' >&2 \
    || fail "the build failed (above); 'mvn -B -pl infrastructure/local-api -am package' at $ROOT shows it in full"
  touch "$BUILT_STAMP"
fi

# shellcheck disable=SC2086 # JAVA_OPTS holds several JVM options, split on purpose
exec "$JAVA" ${JAVA_OPTS:-} -Dlocalapi.root="$ROOT" -cp "$MODULE/target/classes:$(cat "$CLASSPATH_FILE")" \
  dev.trackingapi.localapi.LocalApiMain "$@"
