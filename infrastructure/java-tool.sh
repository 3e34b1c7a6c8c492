#!/usr/bin/env bash
# Runs a command-line tool of this repository (admin/api-keys.sh, erasure-receipts.sh, registry-index.sh,
# import/import.sh): builds its module on first use and whenever its sources or the functions' are newer than its last
# build (quietly, without tests), then runs its main class with every argument. Needs only a JDK 17+ and Maven.
# Usage: java-tool.sh MODULE MAIN-CLASS [ARG...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"
main_class="$2"
shift 2
here="$root/$module"
classpath_file="$here/target/runtime-classpath.txt"

stale() {
  [ ! -f "$classpath_file" ] && return 0
  [ -n "$(find "$root/functions/src/main" "$root/functions/pom.xml" "$here/src/main" "$here/pom.xml" \
      -newer "$classpath_file" -print -quit 2>/dev/null)" ]
}

if stale; then
  echo "Building $module..." >&2
  # Maven 3.8 prints a stray colour reset per module even with -q: strip it, keep the errors (pipefail: mvn's status).
  mvn -q -B -Dstyle.color=never -f "$root/pom.xml" -pl "$module" -am -DskipTests package 2>&1 \
    | sed $'s/\e\\[0m//g' >&2
fi
exec java -cp "$here/target/classes:$(cat "$classpath_file")" "$main_class" "$@"
