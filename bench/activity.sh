#!/usr/bin/env bash
# Province-scale benchmark of the activities ledger: 500,000 activities over every township and
# village of Sichuan in the last twelve months (in SQL, seconds; -Dbench.activities=… for another
# size), then the p50/p95/max of the activity figures (alone, on the figures page and through the
# dashboard's JSON) at province, prefecture and county level, and of the activity list as users of
# each level see it. Results: target/bench-activity.txt. On the embedded PostgreSQL by default; set
# POMEGRANATE_TEST_DATABASE_URL to measure another server (data generated there once is reused).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=ActivityBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-activity.txt
