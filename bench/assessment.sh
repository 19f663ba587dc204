#!/usr/bin/env bash
# Province-scale benchmark of the assessments' outputs, on 183 counties × 3 years × 58 articles
# over the data of bench/petition.sh (generated first if missing): p50/p95/max of the region
# overview, an assessment page with live figures and the comparison, alone and with 8 users at
# once, and the time of one assessment's .docx + .xlsx.
# Results: target/bench-assessment.txt. Set POMEGRANATE_TEST_DATABASE_URL to use another server
# (data generated there once is reused by later runs).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=AssessmentBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-assessment.txt
