# Shared by the bench/*-http.sh scripts: starts the packaged jar on its own embedded PostgreSQL with
# the demo data, signs in with curl, and measures a path with ApacheBench (Debian package
# apache2-utils). Source it after setting NAME (the result's name) and PORT; then call sign_in USER
# and measure LABEL PATH. Results: target/bench-$NAME.txt. SKIP_PACKAGE=1 reuses the jar; REQUESTS, USERS.

WORK=target/bench-$NAME
BASE="http://localhost:$PORT"
PASSWORD='Shiliuzi-2024!'
REQUESTS=${REQUESTS:-400}
USERS=${USERS:-8}
RESULT=target/bench-$NAME.txt
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

# Signs in as $1 and sets $header to its session cookie.
sign_in() {
	local cookies="$WORK/cookies-$1.txt" token
	rm -f "$cookies"
	token=$(curl -fs -c "$cookies" -b "$cookies" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 \
		| sed -E 's/.*value="([^"]*)"/\1/')
	curl -fs -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=$1" --data-urlencode "password=$PASSWORD" \
		--data-urlencode "_csrf=$token" "$BASE/login"
	header="Cookie: $(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$cookies")"
}

# The first number in what $1 answers that follows the text $2 (an id in a link).
first_id() {
	curl -fs -H "$header" "$BASE$1" | grep -o "$2[0-9][0-9]*" | head -1 | grep -o '[0-9]*$'
}

heading() {
	{
		echo "# $(date -u +%FT%TZ), $(nproc) cores, jar $(basename "$JAR"), $REQUESTS requests, $USERS users at once"
		printf '%-34s %6s %6s %6s %8s\n' "request (ms)" "p50" "p95" "max" "non-2xx"
	} | tee "$RESULT"
}

# Warms up with 200 requests, then loads $2 with $REQUESTS requests, $USERS at once; a row of the result.
measure() {
	local name=$1 path=$2
	curl -fs -o /dev/null -H "$header" "$BASE$path" || { echo "$path does not answer 200" >&2; exit 1; }
	ab -q -n 200 -c 4 -H "$header" "$BASE$path" > /dev/null 2>&1
	ab -q -n "$REQUESTS" -c "$USERS" -H "$header" "$BASE$path" > "$WORK/ab.txt" 2>&1
	local failed p50 p95 max
	# Not ab's "Failed requests", which counts every change of length (a .docx carries its time).
	failed=$(awk '/^Non-2xx responses:/ { n = $3 } END { print n + 0 }' "$WORK/ab.txt")
	p50=$(awk '$1 == "50%" { print $2 }' "$WORK/ab.txt")
	p95=$(awk '$1 == "95%" { print $2 }' "$WORK/ab.txt")
	max=$(awk '$1 == "100%" { print $2 }' "$WORK/ab.txt")
	printf '%-34s %6s %6s %6s %8s\n' "$name" "$p50" "$p95" "$max" "$failed" | tee -a "$RESULT"
}
