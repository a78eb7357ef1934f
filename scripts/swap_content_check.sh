#!/usr/bin/env bash
# The engine's tests know no strategy: clone this repository's committed HEAD, replace its
# content (docs/, data/, mkdocs.yml) with the fictional strategy's (tests/fixtures/anden-strategi/),
# install it as a new user would, and run every test outside tests/indhold/ (this strategy's
# content tests, the part a new strategy replaces).
#
#   scripts/swap_content_check.sh              # pytest -x: stops at the first failure
#   scripts/swap_content_check.sh -k rounds    # other pytest arguments instead of -x
#   SWAP_DIR=/tmp/anden scripts/swap_content_check.sh
#
# A full run of the suite: 10+ minutes on a 2-core machine.
set -euo pipefail

repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
dest=${SWAP_DIR:-/tmp/swap}
head=$(git -C "$repo" rev-parse HEAD)

rm -rf "$dest"
git clone -q --no-checkout "$repo" "$dest"
git -C "$dest" checkout -q "$head"
cd "$dest"

fixture=tests/fixtures/anden-strategi
rm -rf docs data mkdocs.yml
cp -r "$fixture/docs" "$fixture/data" "$fixture/mkdocs.yml" .
echo "Indhold byttet: $(grep -m1 '^site_name:' mkdocs.yml) (commit ${head:0:12})"

python3 -m venv .venv
.venv/bin/python -m pip install -q -c requirements.lock -e '.[test]'
npm ci --no-audit --no-fund --loglevel=error

if [ "$#" -eq 0 ]; then
  set -- -x
fi
exec .venv/bin/python -m pytest --ignore=tests/indhold -q -p no:randomly "$@"
