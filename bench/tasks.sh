#!/usr/bin/env bash
# Province-scale benchmark of the task lists (任务清单): three years of monthly lists from the
# province to its prefectures, from each prefecture to its counties and from each county to its
# townships (about 350,000 instances in every state, in SQL, seconds), then the p50/p95/max of the
# task figures (alone) at province, prefecture and county level and, through the web, of the figures
# page, the list behind a figure, the issuer's lists, a list's page and the inboxes of a county and
# a township. Results: target/bench-tasks.txt. -Dbench.taskMonths=12 makes a third of the data.
# On the embedded PostgreSQL by default; set POMEGRANATE_TEST_DATABASE_URL to measure another server.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=TaskBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-tasks.txt
