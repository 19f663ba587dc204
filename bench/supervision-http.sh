#!/usr/bin/env bash
# The activity and supervision pages as users get them from the packaged jar over HTTP
# (bench/http-common.sh), on the demo database, 8 users at once: a county's inboxes (tasks,
# rectifications) and activity list as its staff, the prefecture's issued lists, 整改台账, figure
# pages and dashboard as its admin. Results: target/bench-supervision-http.txt.
# SKIP_PACKAGE=1 reuses the jar; REQUESTS, USERS.
set -euo pipefail
cd "$(dirname "$0")/.."
NAME=supervision-http
PORT=${PORT:-18416}
source bench/http-common.sh

heading
sign_in kd_staff
measure "task inbox, 康定市 staff" "/tasks/inbox"
measure "rectification inbox, 康定市 staff" "/rectifications/inbox"
measure "activities, 康定市 staff" "/activities"
sign_in gz_admin
list=$(first_id "/tasks/lists" 'href="/tasks/lists/')
[ -n "$list" ] || { echo "no demo task list" >&2; exit 1; }
measure "issued lists, 甘孜州 admin" "/tasks/lists"
measure "a list's page, 甘孜州 admin" "/tasks/lists/$list"
measure "整改台账, 甘孜州 admin" "/rectifications"
measure "task figures, 甘孜州" "/tasks/figures"
measure "supervision figures, 甘孜州" "/inspections/figures"
measure "activity figures, 甘孜州" "/activities/figures"
measure "dashboard, 甘孜州" "/"
