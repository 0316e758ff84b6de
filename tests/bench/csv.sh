#!/bin/sh
# tests/bench/csv.sh: reading a story CSV with lib/csvr (tests/bench/csvread.c)
# against 'sqlite3 :memory: .import' of the same file, for the plain
# (UTF-8, ',', LF), excel (Windows-1252, ';', CRLF) and bom (UTF-8 with
# BOM, ',', CRLF) forms of gen_stories.py.  Env: BENCH_ROWS, BENCH_DIR,
# BENCH_GEN.  Prints one line per form in the format of tests/bench/run.sh.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/bench-csv.XXXXXX")}
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
mkdir -p "$dir"

make -s -C "$top" lib/libbenut.a >&2
${CC:-cc} -O2 -I"$top/lib" -o "$dir/csvread" "$top/tests/bench/csvread.c" \
	"$top/lib/libbenut.a" $(pkg-config --libs sqlite3 yaml-0.1 libpcre2-8 libutf8proc libsodium libxxhash) \
	${CSV_LIBS:--lcsv}

# timed NAME CMD...: runs CMD three times, leaves "seconds peak_rss_kb" in
# $dir/NAME.t: the best time (the others waited for a busy machine) and
# the highest peak.
timed() {
	t=$dir/$1.t
	shift
	: >"$t.all"
	for run in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$t.1" "$@" </dev/null >/dev/null
		cat "$t.1" >>"$t.all"
	done
	awk 'NR == 1 || $1 < s { s = $1 } $2 > m { m = $2 }
	    END { print s, m }' "$t.all" >"$t"
}

for form in plain excel bom; do
	f=$dir/$form.csv
	case $form in
	plain) python3 "$gen" --rows "$rows" --out "$f" ;;
	*) python3 "$gen" --rows "$rows" --variant "$form" --out "$f" ;;
	esac
	case $form in
	excel) sep=';' ;;
	*) sep=',' ;;
	esac
	timed ours "$dir/csvread" "$f"
	rm -f "$dir/t.db"
	timed theirs sqlite3 :memory: -cmd '.mode csv' -cmd ".separator $sep" \
		-cmd ".import $f t"
	read -r ours rss <"$dir/ours.t"
	read -r theirs _ <"$dir/theirs.t"
	awk -v n="csv-read-$form" -v r="$rows" -v o="$ours" -v t="$theirs" \
	    -v m="$rss" 'BEGIN { printf "%s\t%d\t%.2f\tsqlite3-import\t%.2f\t%.2f\t%d\n",
		n, r, o, t, (o > 0 ? t / o : 0), m }'
	rm -f "$f"
done
