#!/usr/bin/env bash
# Runs every test: installs what the tests need where it is missing, then `dotnet test CampaignAdmin.sln`, then the API
# tests and the end-to-end tests a second time on PostgreSQL (CAMPAIGNADMIN_TEST_DATABASE=Postgres; the tests start their
# own server). Ends with one line "N passed, N failed[, N skipped]" over all runs; the exit code is the first failing run's.
set -uo pipefail
cd "$(dirname "$0")"

# Installs a Debian package where apt-get can (updating the package lists once per run); false where it cannot.
apt_updated=""
install_from_debian() {
  [ "$(uname -s)" = Linux ] && command -v apt-get >/dev/null || return 1
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "test.sh: installing $1 from Debian's packages..."
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >/dev/null || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$1" >/dev/null
}

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

find_postgres() {
  for candidate in "${CAMPAIGNADMIN_PG_BIN:-}" /usr/lib/postgresql/*/bin; do
    if [ -n "$candidate" ] && [ -x "$candidate/initdb" ]; then echo "$candidate"; return 0; fi
  done
  return 1
}

# The end-to-end tests drive a real Chromium. Playwright cannot download its own browsers here: use Debian's.
if ! find_chromium >/dev/null && ! install_from_debian chromium; then
  echo "test.sh: no Chromium found and none could be installed; install one or set CHROMIUM_PATH (the end-to-end tests need it)" >&2
fi
if chromium=$(find_chromium); then export CHROMIUM_PATH="$chromium"; fi

# The API tests run a second time on PostgreSQL: the tests start Debian's server themselves (initdb + pg_ctl, a temp dir).
if ! find_postgres >/dev/null && ! install_from_debian postgresql; then
  echo "test.sh: could not install postgresql" >&2
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
# One test project at a time (-m:1): the end-to-end tests drive a real browser and a real server, and on a 2-core
# machine they must not share it with the other suites.
dotnet test CampaignAdmin.sln -m:1 "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# The same API and end-to-end tests on PostgreSQL (the E2E apps' API store and dashboard database alike). Without it (and no
# way to install it) they are skipped, saying so; CI must run them.
if pg_bin=$(find_postgres); then
  for project in tests/CampaignAdmin.Api.Tests tests/CampaignAdmin.E2E; do
    CAMPAIGNADMIN_PG_BIN="$pg_bin" CAMPAIGNADMIN_TEST_DATABASE=Postgres dotnet test "$project" "$@" 2>&1 | tee -a "$log"
    postgres_status=${PIPESTATUS[0]}
    if [ "$status" -eq 0 ]; then status=$postgres_status; fi
  done
elif [ -n "${CI:-}" ]; then
  echo "test.sh: PostgreSQL is not installed and could not be installed; CI must run the API and end-to-end tests on it" >&2
  if [ "$status" -eq 0 ]; then status=1; fi
else
  echo "test.sh: SKIPPED the API and end-to-end tests on PostgreSQL: it is not installed and could not be installed (needs initdb, Debian's postgresql)" >&2
fi

# Sum the per-assembly summaries of all runs (the API and end-to-end tests' appear twice, once per database): "Passed!  - Failed:     0, Passed:   121, Skipped:     0, Total:   121, ..."
summary=$(grep -E '^(Passed|Failed|Skipped)! +- +Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$log" | awk -F'[:,]' '
  { failed += $2; passed += $4; skipped += $6 }
  END { line = passed + 0 " passed, " failed + 0 " failed"; if (skipped > 0) line = line ", " skipped " skipped"; print line }')
echo "$summary"
exit "$status"
