#!/usr/bin/env bash
# palisade on a pull request's Terraform (or any importable file): lint as SARIF for code
# scanning, assert the flows that must or must not exist, and list the flows the change opens
# or closes against the base branch. See docs/ci.md.
#
#   palisade-pr.sh BASE HEAD ASSERTIONS.yaml [SARIF_OUT]
#
# BASE and HEAD: the Terraform folder (or design, template, AWS CLI JSON) before and after the
# change. Exit 0 when every assertion holds and lint finds nothing high or critical, 1 when one
# of them fails, 2 on unreadable input. A diff alone never fails the job: it is for reviewers.
set -uo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 BASE HEAD ASSERTIONS.yaml [SARIF_OUT]" >&2
  exit 2
fi
base=$1 head=$2 rules=$3 sarif=${4:-palisade.sarif}
palisade=${PALISADE:-palisade}
failed=0

$palisade lint "$head" --format sarif >"$sarif"
lint=$?
if [ "$lint" -ge 2 ]; then exit "$lint"; fi
if [ "$lint" -eq 1 ]; then
  echo "palisade lint: high or critical findings (see $sarif)"
  failed=1
fi

echo "## Assertions"
$palisade assert "$head" --rules "$rules"
assert=$?
if [ "$assert" -ge 2 ]; then exit "$assert"; fi
if [ "$assert" -eq 1 ]; then failed=1; fi

echo "## Flows this change opens (+), closes (-) or changes (~)"
$palisade diff "$base" "$head"
diff=$?
if [ "$diff" -ge 2 ]; then exit "$diff"; fi

exit "$failed"
