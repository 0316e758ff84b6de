#!/bin/sh
# tests/bench/run.sh: runs every tests/bench/*.sh at each size in
# BENCH_SIZES and prints one table of ratios against the tools a user would
# otherwise use.  Each script prints lines of
#   name TAB rows TAB ours_s TAB theirs_name TAB theirs_s TAB ratio TAB peak_rss_kb
# (ratio = theirs / ours: above 1 benut is faster).  Not a test: nothing
# here fails on a time.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
export PATH="$top:$PATH" LC_ALL=C.UTF-8 TZ=UTC
export BENCH_GEN=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
[ -f "$BENCH_GEN" ] || BENCH_GEN=$top/tests/bench/gen_stories.py
sizes=${BENCH_SIZES:-10000 100000 1000000}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/benut-bench.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
results=$scratch/results
: >"$results"
for rows in $sizes; do
	# One input per size, shared by the scripts that take BENCH_CSV.
	echo "bench: generating $rows stories" >&2
	python3 "$BENCH_GEN" --rows "$rows" --out "$scratch/stories.csv"
	export BENCH_CSV="$scratch/stories.csv"
	for b in "$top"/tests/bench/*.sh; do
		case $b in */run.sh) continue ;; esac
		[ -n "${BENCH_ONLY:-}" ] && case $b in *"$BENCH_ONLY"*) ;; *) continue ;; esac
		d=$scratch/$(basename "$b" .sh)-$rows
		mkdir -p "$d"
		echo "bench: $(basename "$b" .sh) on $rows rows" >&2
		BENCH_ROWS=$rows BENCH_DIR=$d sh "$b" >>"$results" ||
			echo "bench: $(basename "$b") failed" >&2
		rm -rf "$d"
	done
	rm -f "$scratch/stories.csv"
done
printf '%-28s %9s %9s %10s %-24s %9s %7s %9s\n' measurement rows ours_s rows/s \
	"against" theirs_s ratio rss_MB
awk -F'\t' '{ rps = ($3 > 0) ? $2 / $3 : 0;
	printf "%-28s %9d %9.2f %10.0f %-24s %9.2f %6.2fx %9.1f\n",
	$1, $2, $3, rps, $4, $5, $6, $7 / 1024 }' "$results"
