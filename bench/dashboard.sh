#!/usr/bin/env bash
# Province-scale benchmark of the dashboards and the monthly report, on the data of
# bench/pairing.sh and bench/petition.sh (generated first if missing): p50/p95/max of the
# dashboard page and its chart JSON at province, prefecture and county level with the ratio of
# server time to SQL time, and the time of one prefecture-month report (.xlsx + .docx).
# Results: target/bench-dashboard.txt. Set POMEGRANATE_TEST_DATABASE_URL to use another server.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-dashboard.txt
