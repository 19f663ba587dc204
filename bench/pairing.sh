#!/usr/bin/env bash
# Province-scale benchmark of the pairing module: generates 1,000,000 households, 1,000,000
# pairings and 5,000,000 visits over every village of Sichuan (in SQL, a few minutes), then
# reports the p50/p95/max of the coverage page and filtered lists through the whole web stack.
# Results: target/bench-pairing.txt. On the embedded PostgreSQL by default; set
# POMEGRANATE_TEST_DATABASE_URL to measure another server (data generated there once is reused).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=PairingBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-pairing.txt
