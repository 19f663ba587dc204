#!/usr/bin/env bash
# Province-scale benchmark of inspections, rectifications and notices: 40,000 findings over every
# township of Sichuan with their rectifications in every state, 400 inspections and 2,000 notices
# (in SQL, seconds; -Dbench.findings=N for another size), then the p50/p95/max of the supervision
# figures (alone, at province, prefecture and county level) and of the figures page, the ledger
# (filters, a later page), the inbox and the inspection and notice lists. Results:
# target/bench-inspection.txt. On the embedded PostgreSQL by default; set
# POMEGRANATE_TEST_DATABASE_URL to measure another server.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=InspectionBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-inspection.txt
