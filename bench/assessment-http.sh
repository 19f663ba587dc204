#!/usr/bin/env bash
# The assessment pages as users get them from the packaged jar over HTTP: starts the jar on its own
# embedded PostgreSQL with the demo data (target/bench-assessment-http/), signs in as 甘孜州's admin
# with curl, and loads with ApacheBench (Debian package apache2-utils), 8 users at once: the
# prefecture's 测评总览, a draft's page (58 articles, live figures read for every request), a
# confirmed assessment's page and its .docx + .xlsx. Prints p50/p95/max per request.
# Results: target/bench-assessment-http.txt. SKIP_PACKAGE=1 reuses the jar; REQUESTS, USERS.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18415}
WORK=target/bench-assessment-http
BASE="http://localhost:$PORT"
PASSWORD='Shiliuzi-2024!'
REQUESTS=${REQUESTS:-400}
USERS=${USERS:-8}
RESULT=target/bench-assessment-http.txt
mkdir -p "$WORK"
command -v ab > /dev/null || { echo "needs ab: apt-get install apache2-utils" >&2; exit 1; }

if [ "${SKIP_PACKAGE:-0}" != 1 ]; then
	./mvnw -B -q -o package -DskipTests
fi
JAR=$(ls target/pomegranate-*.jar | grep -v plain | head -1)

java -jar "$JAR" --server.port="$PORT" --pomegranate.database.directory="$WORK/postgres" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill "$APP" 2>/dev/null || true; wait "$APP" 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -fs "$BASE/actuator/health" > /dev/null 2>&1; do
	kill -0 "$APP" 2>/dev/null || { echo "the app did not start; see $WORK/app.log" >&2; exit 1; }
	sleep 1
done
echo "started in $(($(date +%s) - started)) s"

COOKIES="$WORK/cookies.txt"
rm -f "$COOKIES"
token=$(curl -fs -c "$COOKIES" -b "$COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fs -o /dev/null -c "$COOKIES" -b "$COOKIES" --data-urlencode "username=gz_admin" --data-urlencode "password=$PASSWORD" \
	--data-urlencode "_csrf=$token" "$BASE/login"
header="Cookie: $(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$COOKIES")"
first_of() {
	curl -fs -H "$header" "$BASE/assessments?state=$1" | grep -o 'href="/assessments/[0-9]*"' | head -1 | grep -o '[0-9]*'
}
draft=$(first_of DRAFT)
confirmed=$(first_of CONFIRMED)
[ -n "$draft" ] && [ -n "$confirmed" ] || { echo "not signed in, or no demo assessments" >&2; exit 1; }

measure() {
	local name=$1 path=$2
	curl -fs -o /dev/null -H "$header" "$BASE$path" || { echo "$path does not answer 200" >&2; exit 1; }
	ab -q -n "$REQUESTS" -c "$USERS" -H "$header" "$BASE$path" > "$WORK/ab.txt" 2>&1
	local failed p50 p95 max
	# Not ab's "Failed requests", which counts every change of length (a .docx carries its time).
	failed=$(awk '/^Non-2xx responses:/ { n = $3 } END { print n + 0 }' "$WORK/ab.txt")
	p50=$(awk '$1 == "50%" { print $2 }' "$WORK/ab.txt")
	p95=$(awk '$1 == "95%" { print $2 }' "$WORK/ab.txt")
	max=$(awk '$1 == "100%" { print $2 }' "$WORK/ab.txt")
	printf '%-34s %6s %6s %6s %8s\n' "$name" "$p50" "$p95" "$max" "$failed" | tee -a "$RESULT"
}

{
	echo "# $(date -u +%FT%TZ), $(nproc) cores, jar $(basename "$JAR"), $REQUESTS requests, $USERS users at once"
	printf '%-34s %6s %6s %6s %8s\n' "request (ms)" "p50" "p95" "max" "non-2xx"
} | tee "$RESULT"
# Warm up the JIT and the caches first: the first requests of a new JVM are not what users see.
ab -q -n 200 -c 4 -H "$header" "$BASE/assessment-overview?region=5133" > /dev/null 2>&1
ab -q -n 200 -c 4 -H "$header" "$BASE/assessments/$draft" > /dev/null 2>&1
measure "overview 5133" "/assessment-overview?region=5133"
measure "draft page (live figures)" "/assessments/$draft"
measure "confirmed page" "/assessments/$confirmed"
measure "self-report.docx" "/assessments/$confirmed/self-report.docx"
measure "evaluation-report.docx" "/assessments/$confirmed/evaluation-report.docx"
measure "scores.xlsx" "/assessments/$confirmed/scores.xlsx"
