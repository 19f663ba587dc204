#!/usr/bin/env bash
# The assessment pages as users get them from the packaged jar over HTTP (bench/http-common.sh):
# signed in as 甘孜州's admin, 8 users at once: the prefecture's 测评总览, a draft's page (58
# articles, live figures read for every request), a confirmed assessment's page and its .docx + .xlsx.
# Results: target/bench-assessment-http.txt. SKIP_PACKAGE=1 reuses the jar; REQUESTS, USERS.
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=assessment-http
PORT=${PORT:-18415}
source bench/http-common.sh

sign_in gz_admin
draft=$(first_id "/assessments?state=DRAFT" 'href="/assessments/')
confirmed=$(first_id "/assessments?state=CONFIRMED" 'href="/assessments/')
[ -n "$draft" ] && [ -n "$confirmed" ] || { echo "not signed in, or no demo assessments" >&2; exit 1; }

heading
measure "overview 5133" "/assessment-overview?region=5133"
measure "draft page (live figures)" "/assessments/$draft"
measure "confirmed page" "/assessments/$confirmed"
measure "self-report.docx" "/assessments/$confirmed/self-report.docx"
measure "evaluation-report.docx" "/assessments/$confirmed/evaluation-report.docx"
measure "scores.xlsx" "/assessments/$confirmed/scores.xlsx"
