#!/usr/bin/env bash
# costgate in any CI: compare the change with its base branch, write the pull-request comment and the
# machine-readable reports, print a short summary, and fail the job when a policy fails.
#
#   examples/ci/costgate-ci.sh [BASE_BRANCH] [PATHS...]
#
# BASE_BRANCH defaults to $COSTGATE_BASE, then main. PATHS default to the projects of .costgate.yml.
# Environment: COSTGATE (the costgate binary; default: costgate on PATH), COSTGATE_OUT (where the
# reports go; default: costgate-out), COSTGATE_REMOTE (default: origin).
# Exit: 0 every error-level policy passes; 1 a policy failed; 2 bad input or configuration.
set -uo pipefail
base="${1:-${COSTGATE_BASE:-main}}"
[ $# -gt 0 ] && shift
costgate="${COSTGATE:-costgate}"
out="${COSTGATE_OUT:-costgate-out}"
remote="${COSTGATE_REMOTE:-origin}"
mkdir -p "$out"

# A shallow CI clone knows only its own commit: fetch the base once (no checkout, nothing else changes).
ref="$remote/$base"
if ! git rev-parse --verify --quiet "$ref^{commit}" >/dev/null; then
  if git remote get-url "$remote" >/dev/null 2>&1; then
    git fetch --quiet "$remote" "$base" --depth 1 || { echo "costgate-ci: cannot fetch $remote $base" >&2; exit 2; }
  else
    ref="$base"   # no remote (a local run): the branch itself
  fi
fi

"$costgate" check --base-ref "$ref" --policies-from-base "$@" \
  --format markdown --out "$out/comment.md" \
  --format json --out "$out/cost.json" \
  --format sarif --out "$out/costgate.sarif" \
  --format junit --out "$out/costgate-junit.xml" \
  --format summary
status=$?
case "$status" in
  0) echo "costgate-ci: policies passed; comment in $out/comment.md" ;;
  1) echo "costgate-ci: a policy failed; comment in $out/comment.md" ;;
  *) echo "costgate-ci: costgate could not run (exit $status)" >&2 ;;
esac
exit "$status"
