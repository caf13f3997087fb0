#!/bin/sh
# Runs the strata-check hook of .pre-commit-hooks.yaml with pre-commit (Debian's package) on two throw-away git
# repositories: a copy of examples/broken (the hook must fail) and one of examples/layered (it must pass).
# The hook repository is this clone at its HEAD, as a user's .pre-commit-config.yaml would name it.
# Usage: e2e/pre-commit/run.sh [path/to/strata.jar]   (default: server/target/strata.jar)
#   With STRATA_CLASSPATH set (and no argument), Strata runs from that class path instead of a jar.
# Prints "N passed, N failed"; exit status 0 when both passed, 1 when one failed, 2 when something is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
command -v pre-commit >/dev/null 2>&1 || { echo "run.sh: pre-commit is not on PATH (apt-get install -y pre-commit)" >&2; exit 2; }
command -v git >/dev/null 2>&1 || { echo "run.sh: git is not on PATH" >&2; exit 2; }
if [ $# -gt 0 ] || [ -z "${STRATA_CLASSPATH:-}" ]; then
  jar=${1:-$top/server/target/strata.jar}
  [ -f "$jar" ] || { echo "run.sh: $jar not found; build it with: mvn -DskipTests package" >&2; exit 2; }
  STRATA_JAR=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  export STRATA_JAR
  unset STRATA_CLASSPATH
fi
rev=$(git -C "$top" rev-parse HEAD)
git -C "$top" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null \
  || { echo "run.sh: HEAD of $top has no .pre-commit-hooks.yaml" >&2; exit 2; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
PRE_COMMIT_HOME="$scratch/cache"
export PRE_COMMIT_HOME
GIT_CONFIG_GLOBAL="$scratch/gitconfig"
export GIT_CONFIG_GLOBAL
git config --global user.email ci@strata.invalid
git config --global user.name "Strata CI"
git config --global init.defaultBranch main
git config --global --add safe.directory '*'

passed=0
failed=0
# check NAME EXPECTED: runs the hook on a copy of examples/NAME; EXPECTED is "fails" or "passes".
check() {
  repo="$scratch/$1"
  cp -R "$top/examples/$1" "$repo"
  cat > "$repo/.pre-commit-config.yaml" <<CONFIG
repos:
  - repo: $top
    rev: $rev
    hooks:
      - id: strata-check
CONFIG
  git -C "$repo" init -q
  git -C "$repo" add -A
  set +e
  (cd "$repo" && pre-commit run --all-files --color never) > "$scratch/$1.log" 2>&1
  code=$?
  set -e
  if { [ "$2" = fails ] && [ $code -ne 0 ] && grep -q 'error\[dependency-cycle\]' "$scratch/$1.log"; } \
    || { [ "$2" = passes ] && [ $code -eq 0 ] && grep -q 'strata check.*Passed' "$scratch/$1.log"; }; then
    echo "ok: the hook $2 on examples/$1 (exit $code)"
    passed=$((passed + 1))
  else
    echo "FAILED: the hook should have $2 on examples/$1 (exit $code):"
    cat "$scratch/$1.log"
    failed=$((failed + 1))
  fi
}
check broken fails
check layered passes
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
