#!/bin/sh
# tests/bench/redact.sh: be_redact over the story texts of a generated
# intake, against sed -E doing comparable substitutions (by shape only:
# sed cannot run the elfproef or mod 97).  Env: BENCH_ROWS, BENCH_DIR,
# BENCH_GEN.  Prints one line in the format of tests/bench/run.sh.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
rows=${BENCH_ROWS:-100000}
dir=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/benut-bench.XXXXXX")}
gen=${BENCH_GEN:-$top/tests/bench/gen_stories.py}
[ -f "$gen" ] || gen=$top/tests/bench/gen_stories.py
mkdir -p "$dir"

make -C "$top" -s lib/libbenut.a >&2
${CC:-cc} -O2 -I"$top/lib" -o "$dir/redact-lines" "$top/tests/bench/redact-lines.c" \
	"$top/lib/libbenut.a" $(pkg-config --libs libutf8proc)
python3 "$gen" --rows "$rows" --out "$dir/s.csv"
# One story per line: its line breaks become spaces.
python3 - "$dir/s.csv" "$dir/v.txt" <<'PY'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f, \
     open(sys.argv[2], 'w', encoding='utf-8') as o:
    r = csv.reader(f)
    k = next(r).index('Verhaal')
    for row in r:
        o.write(row[k].replace('\r', ' ').replace('\n', ' ') + '\n')
PY

cat >"$dir/redact.sed" <<'SED'
s/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/[E-MAIL]/g
s/\b[A-Za-z]{2}[0-9]{2}( ?[A-Za-z0-9]{4}){2,7}( ?[A-Za-z0-9]{1,3})?\b/[IBAN]/g
s/(\+31|\b0031)[ -]?(\(0\))?[ -]?[1-9]([ -]?[0-9]){8}\b/[TELEFOON]/g
s/\(0[1-9][0-9]{0,2}\) ?[0-9]([ -]?[0-9]){5,7}\b/[TELEFOON]/g
s/\b0[1-9]([ -]?[0-9]){8}\b/[TELEFOON]/g
s/\b[0-9]{9}\b|\b[0-9]{3}[. ][0-9]{3}[. ][0-9]{3}\b/[BSN]/g
s/\b[1-9][0-9]{3} ?[A-Z]{2}\b( [1-9][0-9]*[a-z]?\b)?/[POSTCODE]/g
s/\b[A-Z][a-z]+(straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|park|erf|ring|burg|markt|wal) [1-9][0-9]*[a-z]?\b/[ADRES]/g
s/\b(geboren|geboortedatum|geb\.?)( op)?:? [0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{2,4}\b/\1\2 [GEBOORTEDATUM]/g
SED

now() { date +%s.%N; }
t0=$(now)
/usr/bin/time -f %M -o "$dir/rss" "$dir/redact-lines" <"$dir/v.txt" >/dev/null 2>"$dir/ours.err"
t1=$(now)
sed -E -f "$dir/redact.sed" "$dir/v.txt" >/dev/null
t2=$(now)

bytes=$(wc -c <"$dir/v.txt")
awk -v rows="$rows" -v a="$t0" -v b="$t1" -v c="$t2" -v rss="$(tail -1 "$dir/rss")" \
    -v bytes="$bytes" 'BEGIN {
	ours = b - a; theirs = c - b
	ratio = ours > 0 ? theirs / ours : 0
	mbs = ours > 0 ? bytes / 1e6 / ours : 0
	printf "redact\t%d\t%.3f\tsed -E\t%.3f\t%.2f\t%d\n", rows, ours, theirs, ratio, rss
	printf "redact: %.1f MB in %.3f s: %.0f MB/s\n", bytes / 1e6, ours, mbs > "/dev/stderr"
}'
