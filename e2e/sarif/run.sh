#!/bin/sh
# Validates Strata's SARIF with the two validators GitHub users meet: Ajv (the official SARIF 2.1.0 schema, formats
# checked) and Microsoft's SARIF Multitool with its GitHub ingestion rules (`validate --rule-kind "Sarif;Gh"`),
# failing on any error or warning. Logs: examples/broken, a copy with file names that need escaping, a --config
# outside DIR, and every repository of ../shared/corpora (when present). Both tools come from the npm registry
# (the Multitool package ships its own binary) and are cached in $STRATA_TOOLS_CACHE.
# Usage: e2e/sarif/run.sh [path/to/strata.jar]   (default: server/target/strata.jar)
# Prints "N passed, N failed"; exit status 0 when every log passed both, 1 when one failed, 2 when something is missing.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
jar=${1:-$top/server/target/strata.jar}
[ -f "$jar" ] || { echo "run.sh: $jar not found; build it with: mvn -DskipTests package" >&2; exit 2; }
command -v npm >/dev/null 2>&1 || { echo "run.sh: npm is not on PATH" >&2; exit 2; }
cache=${STRATA_TOOLS_CACHE:-$top/.cache}/sarif-tools
if [ ! -x "$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-audit --no-fund --no-save \
    ajv@8.20.0 ajv-draft-04@1.0.0 ajv-formats@3.0.1 @microsoft/sarif-multitool@5.7.0 >&2
  # npm may skip the package's postinstall script, which only does this.
  chmod u+x "$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
fi
multitool="$cache/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
# The Multitool is a self-contained .NET program; without ICU it runs in invariant mode instead of failing.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
schema="$top/server/src/test/resources/schemas/sarif-schema-2.1.0.json"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir "$scratch/logs"
cp -R "$top/examples/broken" "$scratch/special"
for name in "with space" "café" "brackets[1]" "100%" "hash#tag"; do
  mkdir -p "$scratch/special/$name"
  printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: plain\nstringData:\n  token: not-a-real-token\n' \
    > "$scratch/special/$name/ks.yaml"
done
printf 'rules:\n  no-such-rule: error\n' > "$scratch/outside.yaml"

sarif() { # NAME DIR [ARGS...]: writes logs/NAME.sarif
  name=$1
  shift
  java -jar "$jar" check "$@" --format sarif > "$scratch/logs/$name.sarif" || [ $? -eq 1 ]
}
sarif broken "$top/examples/broken"
sarif special "$scratch/special"
sarif config-outside "$top/examples/broken" --config "$scratch/outside.yaml"
corpora="$top/../shared/corpora"
if [ -d "$corpora" ]; then
  for corpus in "$corpora"/*/; do
    sarif "corpus-$(basename "$corpus")" "$corpus"
  done
fi

passed=0
failed=0
for log in "$scratch"/logs/*.sarif; do
  name=$(basename "$log" .sarif)
  ajv=ok
  NODE_PATH="$cache/node_modules" node "$here/ajv-check.js" "$schema" "$log" > "$scratch/ajv.txt" 2>&1 || ajv=failed
  "$multitool" validate --rule-kind "Sarif;Gh" --level "Error;Warning" -o "$scratch/validation.sarif" "$log" \
    > "$scratch/multitool.txt" 2>&1 || true
  rm -f "$scratch/validation.sarif"
  if [ "$ajv" = ok ] && ! grep -Eq ': (error|warning) [A-Z]+[0-9]+' "$scratch/multitool.txt" \
    && ! grep -q 'ERROR(S)\|catastrophic' "$scratch/multitool.txt"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $name (Ajv: $ajv)"
    cat "$scratch/ajv.txt"
    grep -E ': (error|warning) |ERROR' "$scratch/multitool.txt" | head -20
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
