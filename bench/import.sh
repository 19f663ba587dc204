#!/usr/bin/env bash
# Benchmark of the household import (数据导入): a CSV of 10,000 new households (-Dbench.rows=100000
# with -Dtest.heap=512m for the heap budget), its dry run and its commit timed apart, the heap's sampled peak, and another
# county's household list p50/p95 while the commit runs.
# Results: target/bench-import.txt. On the embedded PostgreSQL by default.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -Pbenchmark test -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/bench-import.txt
