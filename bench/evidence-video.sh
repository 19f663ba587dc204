#!/usr/bin/env bash
# Streaming benchmark of the evidence library's videos: starts the packaged jar with -Xmx512m on its
# own embedded PostgreSQL (demo data, target/bench-evidence/), signs in as 康定市's staff, uploads a
# generated 200 MiB MP4 (a valid ftyp box, then random bytes) as a new piece of evidence with curl,
# downloads it again, checks the SHA-256 round trip, checks that 201 MiB is refused with the Chinese
# 413 page, and prints the times and the peak heap used (jstat, sampled every 200 ms while the
# transfers run). Results: target/bench-evidence-video.txt. SKIP_PACKAGE=1 reuses the jar.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${PORT:-18425}
WORK=target/bench-evidence
BASE="http://localhost:$PORT"
PASSWORD='Shiliuzi-2024!'
MIB=$((1024 * 1024))
mkdir -p "$WORK"
RESULT=target/bench-evidence-video.txt

if [ "${SKIP_PACKAGE:-0}" != 1 ]; then
	./mvnw -B -q -o package -DskipTests
fi
JAR=$(ls target/pomegranate-*.jar | grep -v plain | head -1)

# The video: an ftyp box (brand isom), an mdat header, random bytes up to exactly 200 MiB.
make_mp4() {
	local file=$1 total=$2
	printf '\x00\x00\x00\x18ftypisom\x00\x00\x02\x00isomiso2' > "$file"
	local mdat=$((total - 24))
	printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(((mdat >> 24) & 255)) $(((mdat >> 16) & 255)) $(((mdat >> 8) & 255)) $((mdat & 255)))mdat" >> "$file"
	head -c $((total - 32)) /dev/urandom >> "$file"
}
make_mp4 "$WORK/video.mp4" $((200 * MIB))
make_mp4 "$WORK/too-big.mp4" $((201 * MIB))

java -Xmx512m -jar "$JAR" --server.port="$PORT" --pomegranate.database.directory="$WORK/postgres" \
	> "$WORK/app.log" 2>&1 &
APP=$!
SAMPLER=
cleanup() {
	[ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null || true
	kill "$APP" 2>/dev/null || true
	wait "$APP" 2>/dev/null || true
}
trap cleanup EXIT

started=$(date +%s)
until curl -fs "$BASE/actuator/health" > /dev/null 2>&1; do
	if ! kill -0 "$APP" 2>/dev/null; then
		echo "the app did not start; see $WORK/app.log" >&2
		exit 1
	fi
	sleep 1
done
echo "started in $(($(date +%s) - started)) s"

JAR_COOKIES="$WORK/cookies.txt"
rm -f "$JAR_COOKIES"
csrf() {
	grep -o 'name="_csrf"[^>]*' | grep -o -E '(content|value)="[^"]+"' | head -1 | sed -E 's/^(content|value)="(.*)"$/\2/'
}
token=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login" | csrf)
curl -fs -o /dev/null -c "$JAR_COOKIES" -b "$JAR_COOKIES" --data-urlencode "username=kd_staff" \
	--data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" "$BASE/login"
form=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/evidence/new")
token=$(echo "$form" | csrf)
submission=$(echo "$form" | grep -o 'name="submission" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
[ -n "$token" ] && [ -n "$submission" ] || { echo "not signed in, or no form" >&2; exit 1; }

# Heap used (S0U + S1U + EU + OU, KiB) every 200 ms while the transfers run.
jstat -gc "$APP" 200 > "$WORK/jstat.txt" &
SAMPLER=$!

upload_started=$(date +%s.%N)
location=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
	-F "_csrf=$token" -F "submission=$submission" -F "holder=R:513301" -F "title=200 MB 视频压力测试" \
	-F "kind=VIDEO" -F "madeOn=$(date +%F)" -F "files=@$WORK/video.mp4;type=video/mp4" "$BASE/evidence")
upload_seconds=$(echo "$(date +%s.%N) - $upload_started" | bc)
status=${location%% *}
piece=${location##*/}
[ "$status" = 302 ] || { echo "upload answered $location" >&2; exit 1; }

file=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/evidence/$piece" | grep -o 'href="/files/[0-9]*"' | head -1 | grep -o '[0-9]*')
download_started=$(date +%s.%N)
curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" -o "$WORK/downloaded.mp4" "$BASE/files/$file"
download_seconds=$(echo "$(date +%s.%N) - $download_started" | bc)

# 201 MiB: refused while the request is parsed, with the Chinese page.
form=$(curl -fs -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/evidence/new")
token=$(echo "$form" | csrf)
refused=$(curl -s -o "$WORK/refused.html" -w '%{http_code}' -H 'Accept: text/html' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
	-F "_csrf=$token" -F "submission=$(cat /proc/sys/kernel/random/uuid)" -F "holder=R:513301" -F "title=太大" \
	-F "kind=VIDEO" -F "madeOn=$(date +%F)" -F "files=@$WORK/too-big.mp4;type=video/mp4" "$BASE/evidence" || true)
sleep 1
kill "$SAMPLER" 2>/dev/null || true
SAMPLER=

sent=$(sha256sum "$WORK/video.mp4" | cut -d' ' -f1)
received=$(sha256sum "$WORK/downloaded.mp4" | cut -d' ' -f1)
peak=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > max) max = used } END { printf "%.0f", max / 1024 }' "$WORK/jstat.txt")
old=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { if ($8 > max) max = $8 } END { printf "%.0f", max / 1024 }' "$WORK/jstat.txt")
gcs=$(awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { young = $13; full = $15 } END { print young " young, " full " full" }' "$WORK/jstat.txt")
{
	echo "evidence video, $(date -u +%FT%TZ), -Xmx512m, $(nproc) cores"
	echo "upload   200 MiB: ${upload_seconds} s, piece $piece"
	echo "download 200 MiB: ${download_seconds} s, file $file, $(stat -c %s "$WORK/downloaded.mp4") bytes"
	echo "sha256 sent     $sent"
	echo "sha256 received $received"
	[ "$sent" = "$received" ] && echo "round trip: identical" || echo "round trip: DIFFERENT"
	echo "201 MiB refused: HTTP $refused, $(grep -c '上传内容太大' "$WORK/refused.html" || true) × 上传内容太大"
	echo "peak heap used: ${peak} MiB, of which old generation ${old} MiB (jstat every 200 ms; GCs during the run: $gcs)"
} | tee "$RESULT"
[ "$sent" = "$received" ] && [ "$refused" = 413 ]
