#!/usr/bin/env bash
# Province-scale benchmark of the petition ledger: on top of the pairing data (bench/pairing.sh,
# generated first if missing) 1,000,000 petitions over three years across Sichuan (in SQL, a few
# minutes), then the p50/p95/max of filtered ledger pages and of the figures page at province,
# prefecture and county level through the whole web stack. Results: target/bench-petition.txt.
# On the embedded PostgreSQL by default; set POMEGRANATE_TEST_DATABASE_URL to measure another server
# (data generated there once is reused by later runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=PetitionBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-petition.txt
