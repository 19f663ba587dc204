#!/usr/bin/env bash
# Province-scale benchmark of the campaign units: on top of the pairing and petition data
# (generated first if missing, as for bench/petition.sh) the 石榴籽 network over every township and
# most villages of Sichuan with its 育籽员 and ten years of titles (in SQL, seconds), then the p50/p95/max
# of the unit figures (alone and through the dashboard's JSON) at province, prefecture and county
# level, and of the unit and title list pages where the build has them. Results: target/bench-unit.txt.
# On the embedded PostgreSQL by default; set POMEGRANATE_TEST_DATABASE_URL to measure another server
# (data generated there once is reused by later runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=UnitBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-unit.txt
